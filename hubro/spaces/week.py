"""The week view: seven days of a hub's spaces, or of one space, with free and busy
times and a way to book each free gap."""

import datetime as dt
from dataclasses import dataclass, field

from hubro.bookings.queries import SpaceDay, hub_day

from .models import Hub
from .queries import active_spaces


@dataclass
class WeekDay:
    day: dt.date
    interval: tuple[dt.datetime, dt.datetime] | None
    closure: str | None
    entries: dict[int, SpaceDay] = field(default_factory=dict)


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def hub_week(hub: Hub, monday: dt.date, *, spaces=None) -> list[WeekDay]:
    """Monday to Sunday of the hub (or of ``spaces`` in it): each day's opening hours,
    why it is closed, and per space its bookings and free gaps."""
    spaces = list(spaces if spaces is not None else active_spaces(hub))
    week = []
    for offset in range(7):
        day = monday + dt.timedelta(days=offset)
        interval = hub.open_interval(day)
        entry = WeekDay(day, interval, hub.closure(day) if interval is None else None)
        if interval is not None and spaces:
            entry.entries = {item.space.pk: item for item in hub_day(hub, day, spaces=spaces)}
        week.append(entry)
    return week
