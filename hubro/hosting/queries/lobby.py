"""What the lobby screen shows. It opens without sign-in, so it shows no personal data
except the names of people who chose to show theirs (``Person.show_presence``):

- today's events at the hub that are open to others (invite-only ones are left out);
- each meeting and project room: free now and until when, or busy until when;
- who is here now, by name, only for people who opted in.

``present_names`` is the one place the screen reads presence, so that the presence
rules (who is shown) can be applied there and nowhere else."""

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from hubro.bookings.models import PURPOSE_KINDS, Booking
from hubro.bookings.presence import present_bookings
from hubro.core.timeutil import day_bounds, local_date
from hubro.insights.visibility import lobby_shows_names


@dataclass(slots=True)
class RoomNow:
    name: str
    capacity: int
    free: bool
    until: dt.datetime | None  # free until / busy until (local); None: the rest of the day


@dataclass(slots=True)
class LobbyEvent:
    title: str
    start: dt.datetime
    end: dt.datetime
    place: str


@dataclass
class Lobby:
    hub_name: str
    now: dt.datetime
    open_now: bool
    closes: dt.datetime | None
    events: list[LobbyEvent] = field(default_factory=list)
    rooms: list[RoomNow] = field(default_factory=list)
    people: list[str] = field(default_factory=list)


def present_names(hub, now: dt.datetime) -> list[str]:
    """The names of the people at the hub now who opted in to show them, sorted. Only
    names: not their organization, space or times; none at a hub that keeps its
    statistics to its hosts (``visibility.lobby_shows_names``)."""
    if not lobby_shows_names(hub):
        return []
    rows = (
        present_bookings(hub, local_date(now), now=now)
        .filter(start__lte=now, end__gt=now, person__show_presence=True)
        .values_list("person__name", flat=True)
        .distinct()
    )
    return sorted({name for name in rows if name}, key=str.casefold)


def _rooms(hub, now: dt.datetime, closes: dt.datetime | None) -> list[RoomNow]:
    rooms = list(
        hub.spaces.filter(is_active=True, kind__in=PURPOSE_KINDS)
        .order_by("kind", "position", "name")
        .values_list("pk", "name", "capacity")
    )
    end_of_day = closes or day_bounds(local_date(now))[1]
    busy: dict[int, list[tuple[dt.datetime, dt.datetime]]] = {pk: [] for pk, _n, _c in rooms}
    for space_id, start, end in (
        Booking.objects.confirmed()
        .filter(space_id__in=list(busy), end__gt=now, start__lt=end_of_day)
        .order_by("space_id", "start")
        .values_list("space_id", "start", "end")
    ):
        busy[space_id].append((start, end))
    result = []
    for pk, name, capacity in rooms:
        cursor, free, until = now, True, None
        for start, end in busy[pk]:
            if start <= cursor < end:
                free, cursor = False, end  # busy now: runs on through adjoining bookings
                continue
            if not free:
                break
            until = start  # free until the next booking
            break
        if not free:
            until = cursor
        elif until is None and closes is not None:
            until = closes
        result.append(
            RoomNow(
                name=name,
                capacity=capacity,
                free=free,
                until=timezone.localtime(until) if until else None,
            )
        )
    return result


def lobby(hub, *, now: dt.datetime | None = None) -> Lobby:
    """The lobby screen's content at ``now``."""
    from hubro.events.models import Event

    now = now or timezone.now()
    day = local_date(now)
    interval = hub.open_interval(day)
    closes = interval[1] if interval else None
    start, end = day_bounds(day)
    events = [
        LobbyEvent(
            title=title,
            start=timezone.localtime(event_start),
            end=timezone.localtime(event_end),
            place=place or "",
        )
        for title, event_start, event_end, place in Event.objects.filter(
            hub=hub, cancelled_at__isnull=True, start__lt=end, end__gt=max(start, now)
        )
        .exclude(audience=Event.Audience.INVITED)
        .order_by("start", "pk")
        .values_list("title", "start", "end", "space__name")
    ]
    return Lobby(
        hub_name=hub.name,
        now=timezone.localtime(now),
        open_now=bool(interval and interval[0] <= now < interval[1]),
        closes=timezone.localtime(closes) if closes else None,
        events=events,
        rooms=_rooms(hub, now, closes),
        people=present_names(hub, now),
    )
