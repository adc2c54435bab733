"""Events: what the caller may see, and signing up and off."""

import datetime as dt
from typing import Annotated, Literal

from django.utils import timezone
from ninja import Query, Router, Schema, Status

from hubro.events.actions import cancel_registration, register
from hubro.events.queries import (
    active_registration,
    events_for_list,
    free_places,
    get_event_for,
    waitlist_position,
)

from .schemas import ErrorOut

router = Router(tags=["events"])


class EventOut(Schema):
    id: int
    title: str
    kind: str
    start: dt.datetime
    end: dt.datetime
    hub: str | None
    capacity: int | None
    free: int | None
    audience: str


class EventDetailOut(EventOut):
    description: str
    place: str
    space: str | None
    location: str
    organizers: list[str]
    cancelled: bool
    registration_deadline: dt.datetime | None
    series: int | None
    my_status: str | None
    waitlist_position: int | None


class RegistrationOut(Schema):
    status: Literal["registered", "waitlisted"]
    waitlist_position: int | None = None


def _event_dict(event) -> dict:
    return {
        "id": event.pk,
        "title": event.title,
        "kind": event.kind,
        "start": timezone.localtime(event.start),
        "end": timezone.localtime(event.end),
        "hub": event.hub.slug if event.hub_id else None,
        "capacity": event.capacity,
        "free": free_places(event),
        "audience": event.audience,
    }


@router.get("/events", response=list[EventOut])
def list_events(
    request,
    hub: str | None = None,
    from_time: Annotated[dt.datetime | None, Query(None, alias="from")] = None,
    to_time: Annotated[dt.datetime | None, Query(None, alias="to")] = None,
):
    """The events the caller may see, soonest first: by default those not yet ended;
    with ``from``/``to`` (ISO 8601 dates or times) those overlapping that window.
    ``hub`` is a hub's slug. Invited-only events appear only to invitees and to those
    who run them."""
    start = _moment(from_time)
    end = _moment(to_time)
    events = events_for_list(request.auth, hub=hub, start=start, end=end)[:500]
    return [_event_dict(event) for event in events]


def _moment(value):
    if value is None:
        return None
    if timezone.is_naive(value):
        return timezone.make_aware(value)
    return value


@router.get("/events/{event_id}", response={200: EventDetailOut, 404: ErrorOut})
def get_event(request, event_id: int):
    """One event the caller may see; any other is not found."""
    event = get_event_for(request.auth, event_id)
    registration = active_registration(event, request.auth)
    return {
        **_event_dict(event),
        "description": event.description,
        "place": event.place,
        "space": event.space.name if event.space_id else None,
        "location": event.location,
        "organizers": list(event.organizers.order_by("name").values_list("name", flat=True)),
        "cancelled": event.cancelled_at is not None,
        "registration_deadline": (
            timezone.localtime(event.registration_deadline)
            if event.registration_deadline
            else None
        ),
        "series": event.series_id,
        "my_status": registration.status if registration else None,
        "waitlist_position": waitlist_position(registration),
    }


@router.post(
    "/events/{event_id}/registrations",
    response={201: RegistrationOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
)
def sign_up(request, event_id: int):
    """Sign the caller up: ``registered`` while there are places, else ``waitlisted``.
    409 ``already_registered``; 422 ``closed`` after the deadline, once the event has
    started or when it is cancelled; 422 ``not_invited`` for an invited-only event the
    caller sees without an invitation."""
    event = get_event_for(request.auth, event_id)
    registration = register(event, request.auth, actor=request.auth)
    return Status(
        201,
        {"status": registration.status, "waitlist_position": waitlist_position(registration)},
    )


@router.delete(
    "/events/{event_id}/registrations/me", response={204: None, 404: ErrorOut, 422: ErrorOut}
)
def sign_off(request, event_id: int):
    """Cancel the caller's place or place on the waiting list; the first on the waiting
    list moves up and is emailed. 404 when the caller is not registered."""
    from hubro.core.errors import NotFound

    event = get_event_for(request.auth, event_id)
    registration = active_registration(event, request.auth)
    if registration is None:
        raise NotFound(code="not_registered")
    cancel_registration(registration, actor=request.auth)
    return Status(204, None)
