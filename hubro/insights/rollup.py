"""The daily roll-up behind the indicators: ``PresenceDay`` rows for past days.

A past day's presence is settled (check-in and release happen on the day), so each past
local day is rolled up once, with one INSERT … SELECT, and read from the narrow roll-up
table afterwards. A saved or deleted booking of a past day unmarks the day (signal
receivers in ``apps.py``), and the next reader rolls it up again. Bulk writes that skip
signals (imports, ``QuerySet.update`` on old bookings) need ``hubro insights_rollup
--rebuild``."""

import contextlib
import datetime as dt

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from .models import OrgPair, PresenceDay, RolledDay, RolledPairs, SettledFigures

COLUMNS = "hub_id, day, person_id, organization_id, sector, remote, weekday, month, first_hour"


def yesterday() -> dt.date:
    return timezone.localdate() - dt.timedelta(days=1)


def _ranges(days: list[dt.date]):
    """Contiguous [first, last] runs of sorted days."""
    run = []
    for day in days:
        if run and day != run[-1] + dt.timedelta(days=1):
            yield run[0], run[-1]
            run = []
        run.append(day)
    if run:
        yield run[0], run[-1]


def roll_up(first: dt.date, last: dt.date) -> None:
    """(Re)build the roll-up of local days ``first``–``last`` (all in the past)."""
    from . import engine
    from .queries import live_rows_sql

    sql, params = live_rows_sql(None, None, first, last)
    # Another reader may roll the same days up at the same moment; theirs stands.
    with contextlib.suppress(IntegrityError), transaction.atomic():
        PresenceDay.objects.filter(day__gte=first, day__lte=last).delete()
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO insights_presenceday ({COLUMNS}) {sql}",
                params,
            )
        columns, use = engine.pack(first, last), engine.pack_use(first, last)
        RolledDay.objects.filter(day__gte=first, day__lte=last).delete()
        RolledDay.objects.bulk_create(
            RolledDay(day=day, columns=data, use=use[day]) for day, data in columns.items()
        )


def ensure(first: dt.date, last: dt.date) -> None:
    """Roll up every day of ``first``–``last`` that is not rolled up yet."""
    have = set(
        RolledDay.objects.filter(day__gte=first, day__lte=last).values_list("day", flat=True)
    )
    missing = [
        day
        for day in (first + dt.timedelta(days=n) for n in range((last - first).days + 1))
        if day not in have
    ]
    for start, end in _ranges(missing):
        roll_up(start, end)


def repack(days: list[dt.date]) -> dict[dt.date, tuple[bytes, bytes]]:
    """Pack the rows and the booking use of rolled-up ``days`` again (their packed
    columns were dropped) and store them; returns (columns, use) per day."""
    from . import engine

    fresh: dict[dt.date, tuple[bytes, bytes]] = {}
    for first, last in _ranges(sorted(days)):
        columns, use = engine.pack(first, last), engine.pack_use(first, last)
        fresh.update((day, (columns[day], use[day])) for day in columns)
    for day, (columns, use) in fresh.items():
        RolledDay.objects.filter(day=day).update(columns=columns, use=use)
    return fresh


def drop_columns(before: dt.date) -> int:
    """``PresenceDay`` rows of days before ``before`` changed in place (retention moves
    them to stand-ins): drop their packed columns, which still name the people."""
    return RolledDay.objects.filter(day__lt=before).update(columns=None, use=None)


def forget(day: dt.date) -> None:
    """A booking of ``day`` changed: roll the day up again when it is next read, and
    drop the pairs of its month and year and the stored figures of every settled
    period that read it."""
    if day <= yesterday():
        periods = [day.year * 100 + day.month, day.year * 100]
        with transaction.atomic():
            RolledDay.objects.filter(day=day).delete()
            RolledPairs.objects.filter(period__in=periods).delete()
            OrgPair.objects.filter(period__in=periods).delete()
            SettledFigures.objects.filter(first__lte=day, end__gte=day).delete()


def rebuild() -> int:
    """Throw the roll-up away; readers fill it again as they need it."""
    with transaction.atomic():
        SettledFigures.objects.all().delete()
        RolledPairs.objects.all().delete()
        OrgPair.objects.all().delete()
        RolledDay.objects.all().delete()
        count, _ = PresenceDay.objects.all().delete()
    return count


# --- Pairs of organizations per whole month and year ---------------------------------


def month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def split_period(start: dt.date, end: dt.date):
    """Split ``start``–``end`` into whole settled years and months (as ``OrgPair``
    periods) and the days left over (a list of (first, last) ranges). Only whole
    years and months that end by yesterday are settled."""
    last_settled = yesterday()
    periods, ranges = [], []
    day = start
    loose_from = None
    while day <= end:
        year_end = dt.date(day.year, 12, 31)
        mend = month_end(day.year, day.month)
        if day.month == 1 and day.day == 1 and year_end <= end and year_end <= last_settled:
            step, period = year_end, day.year * 100
        elif day.day == 1 and mend <= end and mend <= last_settled:
            step, period = mend, day.year * 100 + day.month
        else:
            step, period = None, None
        if period is None:
            if loose_from is None:
                loose_from = day
            day += dt.timedelta(days=1)
            continue
        if loose_from is not None:
            ranges.append((loose_from, day - dt.timedelta(days=1)))
            loose_from = None
        periods.append(period)
        day = step + dt.timedelta(days=1)
    if loose_from is not None:
        ranges.append((loose_from, end))
    return periods, ranges


_PAIRS_OF_DAYS = (
    "SELECT DISTINCT a.organization_id, b.organization_id "
    "FROM (SELECT DISTINCT hub_id, day, organization_id FROM insights_presenceday "
    "WHERE day >= %s AND day <= %s) a "
    "JOIN (SELECT DISTINCT hub_id, day, organization_id FROM insights_presenceday "
    "WHERE day >= %s AND day <= %s) b "
    "ON a.hub_id = b.hub_id AND a.day = b.day AND a.organization_id < b.organization_id"
)


def _roll_up_pairs(period: int) -> None:
    year, month = divmod(period, 100)
    try:
        with transaction.atomic():
            OrgPair.objects.filter(period=period).delete()
            with connection.cursor() as cursor:
                if month:
                    first, last = dt.date(year, month, 1), month_end(year, month)
                    ensure(first, last)
                    cursor.execute(
                        "INSERT INTO insights_orgpair (period, org_a, org_b) "
                        f"SELECT %s, t.* FROM ({_PAIRS_OF_DAYS}) t",
                        [period, first, last, first, last],
                    )
                else:
                    for m in range(1, 13):
                        ensure_pairs([period + m])
                    cursor.execute(
                        "INSERT INTO insights_orgpair (period, org_a, org_b) "
                        "SELECT DISTINCT %s, org_a, org_b FROM insights_orgpair "
                        "WHERE period > %s AND period <= %s",
                        [period, period, period + 12],
                    )
            RolledPairs.objects.create(period=period)
    except IntegrityError:
        pass  # another reader built the same period at the same moment


def ensure_pairs(periods: list[int]) -> None:
    """Build the pairs of every settled month or year in ``periods`` not built yet."""
    have = set(RolledPairs.objects.filter(period__in=periods).values_list("period", flat=True))
    for period in periods:
        if period not in have:
            _roll_up_pairs(period)
