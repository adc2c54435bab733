"""Creating, changing and cancelling an event, and holding its space.

An event in a hub's space holds a ``bookings.Booking`` made with the booking action,
so the booking rules and the overlap guard apply to events exactly as to desk and
room bookings: an event never clashes with a booking, and a booking never clashes
with an event. A host (or an administrator) may pass ``override=True`` to book past
the hub's rules (opening hours, say, for an evening event); an overlap is never
overridden."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hubro.bookings.actions import cancel_booking, create_booking
from hubro.bookings.models import Booking
from hubro.core.audit import record
from hubro.core.errors import Invalid
from hubro.core.models import Membership
from hubro.core.timeutil import is_aware

from ..models import Event
from ..permissions import may_create_event, may_manage
from ..queries import told_when_cancelled
from .registrations import fill_places, notify_after_commit

FIELDS = (
    "kind",
    "title",
    "description",
    "start",
    "end",
    "place",
    "hub",
    "space",
    "location",
    "online_url",
    "capacity",
    "registration_deadline",
    "audience",
    "cluster",
    "project",
)


def _clean(data: dict) -> dict:
    """Check the fields that no one may break; return them normalized."""
    start, end = data.get("start"), data.get("end")
    if start is None or end is None:
        raise Invalid(_("Oppgi start og slutt."), code="invalid_range", field="start")
    if not (is_aware(start) and is_aware(end)):
        raise Invalid(_("Tidspunkt må ha tidssone (UTC-forskyvning)."), code="naive_datetime")
    # In UTC: two times in the same zone compare by wall clock, so a time in the gap
    # where clocks go forward (02:30 on the last Sunday of March) would pass for later
    # than 03:30, though it is the same instant.
    start = data["start"] = start.astimezone(dt.UTC)
    end = data["end"] = end.astimezone(dt.UTC)
    if end <= start:
        raise Invalid(_("Slutt må være etter start."), code="invalid_range", field="end")
    if data.get("kind") not in Event.Kind.values:
        raise Invalid(_("Velg en type arrangement."), code="invalid_kind", field="kind")
    if data.get("audience") not in Event.Audience.values:
        raise Invalid(_("Velg hvem arrangementet er for."), code="invalid", field="audience")
    if not (data.get("title") or "").strip():
        raise Invalid(_("Arrangementet må ha en tittel."), code="invalid", field="title")
    place = data.get("place") or Event.Place.HUB
    space = data.get("space")
    if place == Event.Place.HUB:
        if space is None:
            raise Invalid(_("Velg et rom på huben."), code="no_space", field="space")
        if data.get("hub") is not None and space.hub_id != data["hub"].pk:
            raise Invalid(_("Rommet hører ikke til huben."), code="unknown_space", field="space")
        data["hub"] = space.hub
    else:
        data["space"] = None
    if place == Event.Place.ELSEWHERE and not (data.get("location") or "").strip():
        raise Invalid(_("Skriv hvor arrangementet holdes."), code="invalid", field="location")
    if data.get("capacity") is not None and data["capacity"] < 1:
        raise Invalid(_("Kapasiteten må være minst 1."), code="invalid", field="capacity")
    deadline = data.get("registration_deadline")
    if deadline is not None:
        if not is_aware(deadline):
            raise Invalid(_("Tidspunkt må ha tidssone (UTC-forskyvning)."), code="naive_datetime")
        deadline = data["registration_deadline"] = deadline.astimezone(dt.UTC)
        if deadline > end:
            raise Invalid(
                _("Påmeldingsfristen kan ikke være etter at arrangementet er slutt."),
                code="invalid",
                field="registration_deadline",
            )
    data["place"] = place
    return data


def _booking_organization(actor, organizers):
    """Book for an organizer the actor belongs to, else the actor's own organization."""
    ids = {org.pk for org in organizers}
    membership = (
        Membership.objects.filter(person=actor, organization_id__in=ids)
        .select_related("organization")
        .first()
    )
    return membership.organization if membership else None


def _book(event_data: dict, *, actor, organizers, override: bool):
    if event_data.get("space") is None:
        return None
    return create_booking(
        space=event_data["space"],
        person=actor,
        start=event_data["start"],
        end=event_data["end"],
        organization=_booking_organization(actor, organizers),
        actor=actor,
        override=override,
    )


def _not_allowed(hub) -> str:
    """Why an event cannot be made here, and what to do instead."""
    if hub is None:
        return _(
            "Velg en hub du er vert for under «Hub som står bak», eller legg til en "
            "organisasjon du er koordinator for som arrangør. Et arrangement uten hub må "
            "ha en arrangør du er koordinator for."
        )
    return _(
        "Du er ikke vert for %(hub)s og ikke koordinator for noen av arrangørene. Velg en "
        "hub du er vert for, eller legg til en organisasjon du er koordinator for som "
        "arrangør."
    ) % {"hub": hub.name}


def create_event(*, actor, organizers=(), series=None, override: bool = False, **fields):
    """Create an event, booking its space when it is held in one of a hub's rooms.

    ``fields`` are the model's (kind, title, description, start, end, place, hub,
    space, location, online_url, capacity, registration_deadline, audience, cluster,
    project). Hosts of the hub, coordinators of an organizer organization and
    administrators may create events (``not_allowed`` otherwise). Raises ``Invalid`` for
    bad fields or a broken booking rule, ``Conflict`` when the space is taken. Audited
    as ``event.create``."""
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown event fields: {sorted(unknown)}")
    organizers = list(organizers)
    data = _clean(dict(fields))
    if not may_create_event(actor, data.get("hub"), organizers):
        raise Invalid(_not_allowed(data.get("hub")), code="not_allowed", field="hub")
    with transaction.atomic():
        booking = _book(data, actor=actor, organizers=organizers, override=override)
        event = Event.objects.create(**data, booking=booking, series=series, created_by=actor)
        event.organizers.set(organizers)
        record(
            actor,
            "event.create",
            event,
            hub=event.hub,
            changes={
                "start": event.start.isoformat(),
                "end": event.end.isoformat(),
                "space": event.space_id,
                "booking": booking.pk if booking else None,
                "audience": event.audience,
            },
        )
    return event


def _refuse_unless_manager(event, actor):
    if not may_manage(actor, event):
        raise Invalid(_("Du kan ikke endre dette arrangementet."), code="not_allowed")


def update_event(event, *, actor, organizers=None, override: bool = False, **fields):
    """Change an event. When its time or room changes, the old booking is cancelled and
    a new one made in the same transaction, so a move to a taken room or time changes
    nothing (``Conflict``). A raised capacity moves people up from the waiting list.
    Audited as ``event.update``."""
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown event fields: {sorted(unknown)}")
    _refuse_unless_manager(event, actor)
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        if locked.cancelled_at:
            raise Invalid(_("Arrangementet er avlyst."), code="cancelled")
        current = {name: getattr(locked, name) for name in FIELDS}
        data = _clean({**current, **fields})
        organizers = list(organizers) if organizers is not None else list(locked.organizers.all())
        moved = (
            data["start"] != locked.start
            or data["end"] != locked.end
            or getattr(data.get("space"), "pk", None) != locked.space_id
        )
        booking = locked.booking
        if moved:
            if booking is not None and booking.status == Booking.Status.CONFIRMED:
                cancel_booking(booking, actor=actor, for_event=True)
            booking = _book(data, actor=actor, organizers=organizers, override=override)
        changes = {
            name: str(getattr(value, "pk", value))
            for name, value in data.items()
            if value != current.get(name)
        }
        for name, value in data.items():
            setattr(locked, name, value)
        locked.booking = booking
        locked.save()
        locked.organizers.set(organizers)
        promoted = fill_places(locked)
        record(actor, "event.update", locked, hub=locked.hub, changes=changes)
        notify_after_commit("promoted", promoted)
    return locked


def cancel_event(event, *, actor) -> Event:
    """Cancel an event: its room is freed (when the event has not started) and every
    participant and person on the waiting list is told by email. Cancelling twice
    changes nothing. Audited as ``event.cancel``."""
    _refuse_unless_manager(event, actor)
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        if locked.cancelled_at:
            return locked
        now = timezone.now()
        if locked.end <= now:
            raise Invalid(_("Arrangementet er allerede over."), code="in_past")
        locked.cancelled_at = now
        locked.save(update_fields=["cancelled_at"])
        booking = locked.booking
        # A room already in use stays booked: the booking counts in the statistics.
        if (
            booking is not None
            and booking.status == Booking.Status.CONFIRMED
            and booking.start > now
        ):
            cancel_booking(booking, actor=actor, for_event=True)
        told = list(told_when_cancelled(locked).values_list("pk", flat=True))
        record(actor, "event.cancel", locked, hub=locked.hub, changes={"told": len(told)})
        notify_after_commit("event_cancelled", told)
    return locked
