"""Reads of bookings, scoped to what the asking person may see."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from hubro.core.errors import NotFound
from hubro.spaces.models import Hub, Space
from hubro.spaces.queries import active_spaces

from .models import Booking


def get_booking_for(person, pk) -> Booking:
    """One of the person's own bookings; anyone else's is not found."""
    booking = (
        Booking.objects.filter(pk=pk, person=person).select_related("space__hub").first()
        if person.is_authenticated
        else None
    )
    if booking is None:
        raise NotFound()
    return booking


def bookings_of(person):
    return (
        Booking.objects.filter(person=person)
        .select_related("space__hub", "organization")
        .order_by("start")
    )


def upcoming_bookings_of(person, *, now=None):
    now = now or timezone.now()
    return bookings_of(person).confirmed().filter(end__gt=now)


def past_bookings_of(person, *, now=None, limit=50):
    """Bookings that are over or were cancelled, newest first."""
    now = now or timezone.now()
    return (
        bookings_of(person)
        .filter(Q(end__lte=now) | Q(status=Booking.Status.CANCELLED))
        .order_by("-start")[:limit]
    )


@dataclass
class SpaceDay:
    """One space on one day: its bookings and the free gaps inside opening hours."""

    space: Space
    busy: list[Booking] = field(default_factory=list)
    free: list[tuple[dt.datetime, dt.datetime]] = field(default_factory=list)


def free_intervals(opens, closes, busy):
    """[opens, closes) minus the busy intervals, which come sorted by start."""
    gaps, cursor = [], opens
    for start, end in busy:
        if start > cursor:
            gaps.append((cursor, min(start, closes)))
        cursor = max(cursor, end)
        if cursor >= closes:
            break
    if cursor < closes:
        gaps.append((cursor, closes))
    return [(s, e) for s, e in gaps if e > s]


def hub_day(hub: Hub, day: dt.date, *, spaces=None) -> list[SpaceDay]:
    """Every active space of a hub on a day, with one query for all their bookings."""
    spaces = list(spaces if spaces is not None else active_spaces(hub))
    interval = hub.open_interval(day)
    days = {space.pk: SpaceDay(space) for space in spaces}
    if interval is None:
        return list(days.values())
    opens, closes = interval
    bookings = (
        Booking.objects.confirmed()
        .filter(space__in=[s.pk for s in spaces])
        .overlapping(opens, closes)
        .select_related("organization")
        .order_by("start")
    )
    for booking in bookings:
        days[booking.space_id].busy.append(booking)
    for entry in days.values():
        busy = [(timezone.localtime(b.start), timezone.localtime(b.end)) for b in entry.busy]
        entry.free = free_intervals(opens, closes, busy)
    return list(days.values())
