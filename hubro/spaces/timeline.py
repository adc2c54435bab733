"""A hub's day as a grid of time cells per space, for the day view's timeline.

The cells follow the wall clock: with 30-minute cells, columns start on the hour and the
half hour, so that the tables of every kind of space line up. A hub that opens off the
grid (say 07:15) gets a shorter first column (07:15–07:30); the same at closing time.

A cell is free only when the whole cell is free. A booking that starts or ends inside a
cell makes the cell busy ("partially" when some of it is still free). The free minutes
of such a cell are not lost: the free periods (``Row.runs``) have exact times and link
to the booking form, so 08:00–08:15 before a booking at 08:15 can still be booked.

Consecutive busy cells are merged into one table cell (a ``colspan``), so that a
booking reads as one "Opptatt 08:00–15:30" and not as fifteen separate cells.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from hubro.core.timeutil import local_datetime

from .models import Space

CELL_MINUTES = 30

FREE, BUSY, PAST = "free", "busy", "past"


@dataclass
class Column:
    """One column of the grid: [start, end) in local time."""

    start: dt.datetime
    end: dt.datetime

    @property
    def on_the_hour(self) -> bool:
        return self.start.minute == 0


@dataclass
class Cell:
    """One table cell of a space's row. A busy or past cell may span several columns."""

    state: str
    start: dt.datetime
    end: dt.datetime
    span: int = 1
    partial: bool = False
    # For busy cells: the bookings' own times (local), which may reach outside the cell.
    busy: list[tuple[dt.datetime, dt.datetime]] = field(default_factory=list)
    # The purposes of its bookings whose people chose to show them.
    purposes: list[str] = field(default_factory=list)


@dataclass
class Row:
    space: Space
    cells: list[Cell]
    busy: list[tuple[dt.datetime, dt.datetime]]
    # Free periods that can still be booked (the part already over is cut off).
    runs: list[tuple[dt.datetime, dt.datetime]]
    # The space had free time this day, but all of it is over.
    free_but_past: bool = False
    # (start, end, purpose) of the bookings whose people chose to show the purpose.
    purposes: list[tuple[dt.datetime, dt.datetime, str]] = field(default_factory=list)


@dataclass
class Group:
    kind: str
    label: str
    rows: list[Row]


@dataclass
class Timeline:
    columns: list[Column]
    groups: list[Group]


def _minutes(moment: dt.datetime) -> int:
    local = timezone.localtime(moment)
    return local.hour * 60 + local.minute


def _at(day: dt.date, minutes: int) -> dt.datetime:
    return local_datetime(day, dt.time(minutes // 60, minutes % 60))


def columns_for(opens: dt.datetime, closes: dt.datetime, step: int = CELL_MINUTES) -> list[Column]:
    """The columns between opening and closing, aligned to multiples of ``step`` minutes
    after midnight; the first and last are cut to the opening hours."""
    day = timezone.localtime(opens).date()
    first, last = _minutes(opens), _minutes(closes)
    columns = []
    edge = first - first % step
    while edge < last:
        start, end = max(edge, first), min(edge + step, last)
        columns.append(Column(_at(day, start), _at(day, end)))
        edge += step
    return columns


def _merge(intervals):
    merged = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _covered(start, end, busy) -> dt.timedelta:
    total = dt.timedelta()
    for b_start, b_end in busy:
        overlap = min(end, b_end) - max(start, b_start)
        if overlap > dt.timedelta():
            total += overlap
    return total


def _cells(columns: list[Column], busy, now: dt.datetime) -> list[Cell]:
    merged = _merge(busy)
    cells: list[Cell] = []
    for column in columns:
        covered = _covered(column.start, column.end, merged)
        if covered:
            state = BUSY
            partial = covered < column.end - column.start
        else:
            state = PAST if column.end <= now else FREE
            partial = False
        previous = cells[-1] if cells else None
        if state != FREE and previous is not None and previous.state == state:
            previous.end = column.end
            previous.span += 1
            previous.partial = previous.partial or partial
        else:
            cells.append(Cell(state, column.start, column.end, partial=partial))
    for cell in cells:
        if cell.state == BUSY:
            cell.busy = [(s, e) for s, e in busy if s < cell.end and e > cell.start]
    return cells


def _bookable_runs(free, columns: list[Column], now: dt.datetime):
    """The free periods that are not over, starting no earlier than the current cell."""
    current = next((c.start for c in columns if c.end > now), None)
    runs = []
    for start, end in free:
        if end <= now or current is None:
            continue
        runs.append((max(start, current), end))
    return [(s, e) for s, e in runs if e > s]


def build_timeline(
    entries, interval, *, now: dt.datetime | None = None, show_purposes: bool = True
) -> Timeline:
    """Rows of cells for the ``SpaceDay`` entries of ``bookings.queries.hub_day``,
    grouped by kind of space in ``Space.Kind`` order. ``interval`` is the hub's
    (opens, closes) that day, or None when it is closed: then there are no columns.
    ``show_purposes=False`` leaves out the purposes people chose to show to the hub's
    members (for visitors, who see free and busy only)."""
    now = now or timezone.now()
    columns = columns_for(*interval) if interval else []
    groups = []
    for kind, label in Space.Kind.choices:
        rows = []
        for entry in entries:
            if entry.space.kind != kind:
                continue
            busy = [(timezone.localtime(b.start), timezone.localtime(b.end)) for b in entry.busy]
            runs = _bookable_runs(entry.free, columns, now)
            shown = [
                (timezone.localtime(b.start), timezone.localtime(b.end), b.purpose)
                for b in entry.busy
                if show_purposes and b.show_purpose and b.purpose
            ]
            cells = _cells(columns, busy, now)
            for cell in cells:
                if cell.state == BUSY:
                    cell.purposes = [p for s, e, p in shown if s < cell.end and e > cell.start]
            rows.append(
                Row(
                    space=entry.space,
                    cells=cells,
                    busy=busy,
                    runs=runs,
                    free_but_past=bool(entry.free) and not runs,
                    purposes=shown,
                )
            )
        if rows:
            groups.append(Group(kind, label, rows))
    return Timeline(columns, groups)
