"""The host's workspace in the API: a hub's day or week with names and check-in state,
and booking on a person's behalf, moving and cancelling with a reason. The same
scoped fetches and actions as the web pages: a hub the caller does not host, and every
booking or space of it, is not found."""

import datetime as dt
from dataclasses import asdict
from typing import Literal

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from pydantic import AwareDatetime

from hubro.core.errors import Invalid, NotFound
from hubro.core.models import Organization, Person
from hubro.hosting.access import get_booking_at, get_hub_for_host, get_space_at
from hubro.hosting.actions.bookings import book_on_behalf, cancel_with_reason, move
from hubro.hosting.queries.day import host_days
from hubro.spaces.models import Space

from .bookings import BookingOut
from .schemas import ErrorOut

router = Router(tags=["hosting"])
MAX_DAYS = 31


class HostBookingOut(Schema):
    id: int
    start: AwareDatetime
    end: AwareDatetime
    space_id: int
    space: str
    kind: str
    person: str
    email: str
    organization: str
    purpose: str
    state: Literal["checked_in", "no_show", "released", "open", "upcoming"]
    checked_in_at: AwareDatetime | None
    booked_by_host: bool


class ParticipantOut(Schema):
    name: str
    organization: str
    guest: bool
    waiting: bool


class HostEventOut(Schema):
    id: int
    title: str
    start: AwareDatetime
    end: AwareDatetime
    place: str
    participants: list[ParticipantOut]


class HostDaysOut(Schema):
    first: dt.date
    last: dt.date
    bookings: list[HostBookingOut]
    events: list[HostEventOut]


class OnBehalfIn(Schema):
    email: str = Field(description="The person's e-mail address; a member of the hub.")
    space: int
    start: AwareDatetime
    end: AwareDatetime
    organization: str | None = Field(None, description="Organisasjonsnummer; default: theirs.")
    purpose: str = Field("", max_length=120)
    show_purpose: bool = False
    override: bool = False


class MoveIn(Schema):
    space: int
    start: AwareDatetime
    end: AwareDatetime
    override: bool = False


class CancelIn(Schema):
    reason: str = Field(description="Told to the person by e-mail.")


@router.get("/host/hubs/{slug}/days", response={200: HostDaysOut, 404: ErrorOut, 422: ErrorOut})
def days(
    request,
    slug: str,
    date: dt.date | None = None,
    count: int = 1,
    kind: Literal["", "office", "desk", "meeting_room", "project_room"] = "",
):
    """The hub's bookings (confirmed and released, with check-in state) and events
    (with participants and guests) from ``date`` (default today) for ``count`` days
    (1–31)."""
    hub = get_hub_for_host(request.auth, slug)
    if not 1 <= count <= MAX_DAYS:
        raise Invalid(
            _("Velg mellom 1 og %(max)s dager.") % {"max": MAX_DAYS},
            code="invalid_count",
            field="count",
        )
    first = date or timezone.localdate()
    last = first + dt.timedelta(days=count - 1)
    result = host_days(hub, first, last, kind=kind)
    return {
        "first": first,
        "last": last,
        "bookings": [_booking(row) for row in result.bookings],
        "events": [
            {
                "id": event.pk,
                "title": event.title,
                "start": event.start,
                "end": event.end,
                "place": event.place,
                "participants": [asdict(p) for p in event.participants],
            }
            for event in result.events
        ],
    }


def _booking(row) -> dict:
    return {
        "id": row.pk,
        "start": row.start,
        "end": row.end,
        "space_id": row.space_id,
        "space": row.space,
        "kind": row.kind,
        "person": row.person,
        "email": row.email,
        "organization": row.organization,
        "purpose": row.purpose,
        "state": row.state,
        "checked_in_at": row.checked_in_at,
        "booked_by_host": row.booked_by_host,
    }


def _space(hub, pk) -> Space:
    space = get_space_at(hub, pk)
    if not space.is_active:
        raise NotFound()
    return space


@router.post(
    "/host/hubs/{slug}/bookings",
    response={201: BookingOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
)
def book(request, slug: str, payload: OnBehalfIn):
    """Book on behalf of a person who is a member of one of the hub's organizations.
    The booking is theirs; the audit log names the host."""
    hub = get_hub_for_host(request.auth, slug)
    person = Person.objects.filter(email__iexact=payload.email.strip(), is_active=True).first()
    if person is None:
        raise NotFound()
    organization = None
    if payload.organization:
        organization = Organization.objects.filter(orgnr=payload.organization).first()
        if organization is None:
            raise NotFound()
    booking = book_on_behalf(
        hub,
        person=person,
        space=_space(hub, payload.space),
        start=payload.start,
        end=payload.end,
        organization=organization,
        purpose=payload.purpose,
        show_purpose=payload.show_purpose,
        override=payload.override,
        actor=request.auth,
    )
    return Status(201, booking)


@router.post(
    "/host/hubs/{slug}/bookings/{booking_id}/move",
    response={200: BookingOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
)
def move_booking(request, slug: str, booking_id: int, payload: MoveIn):
    """Move one of the hub's bookings to another of its spaces and/or time; never into
    an overlap (409)."""
    hub = get_hub_for_host(request.auth, slug)
    booking = get_booking_at(hub, booking_id)
    return move(
        hub,
        booking,
        space=_space(hub, payload.space),
        start=payload.start,
        end=payload.end,
        override=payload.override,
        actor=request.auth,
    )


@router.post(
    "/host/hubs/{slug}/bookings/{booking_id}/cancel",
    response={200: BookingOut, 404: ErrorOut, 422: ErrorOut},
)
def cancel(request, slug: str, booking_id: int, payload: CancelIn):
    """Cancel one of the hub's bookings with a reason that is e-mailed to the person."""
    hub = get_hub_for_host(request.auth, slug)
    booking = get_booking_at(hub, booking_id)
    return cancel_with_reason(hub, booking, reason=payload.reason, actor=request.auth)
