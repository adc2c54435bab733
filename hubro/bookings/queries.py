"""Reads of bookings, scoped to what the asking person may see."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.utils import timezone

from hubro.core.errors import NotFound
from hubro.spaces.models import ClosedDay, Hub, OpeningHours, Space
from hubro.spaces.queries import active_spaces

from .models import Booking, FavouriteSpace


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
    """Bookings that are over, or were cancelled or released, newest first."""
    now = now or timezone.now()
    return (
        bookings_of(person)
        .filter(Q(end__lte=now) | ~Q(status=Booking.Status.CONFIRMED))
        .order_by("-start")[:limit]
    )


def favourite_spaces_of(person):
    """The person's favourite spaces that can still be booked, by hub and name."""
    if not person.is_authenticated:
        return Space.objects.none()
    return (
        Space.objects.filter(is_active=True, hub__is_active=True)
        .filter(favourited_by__person=person)
        .select_related("hub")
        .order_by("hub__name", "name")
    )


def is_favourite(person, space) -> bool:
    return (
        person.is_authenticated
        and FavouriteSpace.objects.filter(person=person, space=space).exists()
    )


@dataclass
class SpaceDay:
    """One space on one day: its bookings and the free gaps inside opening hours."""

    space: Space
    busy: list[Booking] = field(default_factory=list)
    free: list[tuple[dt.datetime, dt.datetime]] = field(default_factory=list)


@dataclass(slots=True)
class SpaceFree:
    """One space's free gaps on a day, without its bookings (see ``all_hubs_day``)."""

    space_id: int
    free: list[tuple[dt.datetime, dt.datetime]] = field(default_factory=list)


@dataclass(slots=True)
class HubFree:
    """One hub on a day: the free gaps of each of its active spaces."""

    hub: Hub
    spaces: list[SpaceFree] = field(default_factory=list)


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


def _confirmed_in_window(spaces, lower, upper):
    """The confirmed bookings of ``spaces`` (a queryset) that share an instant with
    [lower, upper), in two queries whose cost does not grow with the stored history.

    A plain ``start < upper AND end > lower`` walks every earlier booking of each space
    in the (space, start, end) index. Instead: the bookings that start inside the window
    (a short range of that index per space), plus, per space, the one confirmed booking
    that started last before the window, kept if it runs into it. Confirmed bookings of
    a space never overlap, so no earlier one can reach the window. That last booking is
    a correlated subquery, one backward index step per space, inside a single query."""
    spaces = spaces.order_by()
    confirmed = Booking.objects.confirmed().order_by()  # callers sort; no joins for it
    starting_inside = confirmed.filter(
        space_id__in=spaces.values("pk"), start__gte=lower, start__lt=upper
    )
    last_before = (
        confirmed.filter(space_id=OuterRef("pk"), start__lt=lower)
        .order_by("-start")
        .values("pk")[:1]
    )
    running_into = confirmed.filter(
        pk__in=spaces.values(last=Subquery(last_before)), end__gt=lower
    )
    return starting_inside, running_into


def hub_day(hub: Hub, day: dt.date, *, spaces=None) -> list[SpaceDay]:
    """Every active space of a hub on a day, with its bookings and free time.

    A fixed number of queries whatever the number of spaces (see
    ``_confirmed_in_window``), and as fast with ten years of bookings stored as with one."""
    spaces = list(spaces if spaces is not None else active_spaces(hub))
    interval = hub.open_interval(day)
    days = {space.pk: SpaceDay(space) for space in spaces}
    if interval is None or not days:
        return list(days.values())
    opens, closes = interval
    bookings = []
    for part in _confirmed_in_window(Space.objects.filter(pk__in=list(days)), opens, closes):
        bookings.extend(part.filter(end__gt=opens).select_related("organization"))
    bookings.sort(key=lambda b: (b.start, b.space_id))
    for booking in bookings:
        days[booking.space_id].busy.append(booking)
    for entry in days.values():
        busy = [(timezone.localtime(b.start), timezone.localtime(b.end)) for b in entry.busy]
        entry.free = free_intervals(opens, closes, busy)
    return list(days.values())


def _close_gaps(gaps, cursor, closes):
    if cursor < closes:
        gaps.append((cursor, closes))


def all_hubs_day(day: dt.date) -> list[HubFree]:
    """The free time of every active space of every active hub on a day, by hub name.

    Six queries in all (hubs, their opening hours and closed days that day, spaces,
    and the two of ``_confirmed_in_window``), never one per hub or per space. A hub
    closed that day (weekday, holiday, closed day) lists its spaces with no free time.
    Only the columns the gaps need are read, and each time is turned into local time
    once."""
    hubs = list(
        Hub.objects.filter(is_active=True)
        .prefetch_related(
            Prefetch("opening_hours", queryset=OpeningHours.objects.order_by("weekday")),
            Prefetch("closed_days", queryset=ClosedDay.objects.filter(date=day)),
        )
        .order_by("name")
    )
    result = {hub.pk: HubFree(hub) for hub in hubs}
    windows = {hub.pk: hub.open_interval(day) for hub in hubs}
    spaces = (
        Space.objects.filter(hub_id__in=list(result), is_active=True)
        .order_by("hub_id", "kind", "position", "name")
        .values_list("pk", "hub_id")
    )
    window_of = {}  # space id -> its hub's (opens, closes), for the open hubs
    for space_id, hub_id in spaces:
        result[hub_id].spaces.append(SpaceFree(space_id))
        if windows[hub_id] is not None:
            window_of[space_id] = windows[hub_id]
    if not window_of:
        return list(result.values())
    lower = min(opens for opens, _ in window_of.values())
    upper = max(closes for _, closes in window_of.values())
    open_spaces = Space.objects.filter(
        hub_id__in=[pk for pk, window in windows.items() if window], is_active=True
    )
    rows = []
    for part in _confirmed_in_window(open_spaces, lower, upper):
        rows.extend(part.filter(end__gt=lower).values_list("space_id", "start", "end"))
    rows.sort()
    # Gaps are computed space by space straight from the sorted rows: few objects per
    # row, which keeps the garbage collector out of the way of thousands of rows. Local
    # times share the windows' tzinfo, so comparing them needs no UTC offsets.
    tz = lower.tzinfo
    free, cursor, current = {}, None, None
    for space_id, start, end in rows:
        if space_id != current:
            if current is not None:
                _close_gaps(free[current], cursor, window_of[current][1])
            current, cursor, free[space_id] = space_id, window_of[space_id][0], []
        closes = window_of[space_id][1]
        start = start.astimezone(tz)
        if cursor >= closes or start >= closes:
            continue
        if start > cursor:
            free[space_id].append((cursor, start))
        end = end.astimezone(tz)
        if end > cursor:
            cursor = end
    if current is not None:
        _close_gaps(free[current], cursor, window_of[current][1])
    for hub_free in result.values():
        for entry in hub_free.spaces:
            if entry.space_id in free:
                entry.free = free[entry.space_id]
            elif entry.space_id in window_of:
                entry.free = [window_of[entry.space_id]]
    return list(result.values())
