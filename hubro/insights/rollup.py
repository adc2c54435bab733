"""The daily roll-up behind the indicators: ``PresenceDay`` rows for past days.

A past day's presence is settled (check-in and release happen on the day), so each past
local day is rolled up once, with one INSERT … SELECT, and read from the narrow roll-up
table afterwards. A saved or deleted booking of a past day unmarks the day (signal
receivers in ``apps.py``), and the next reader rolls it up again. Bulk writes that skip
signals (imports, ``QuerySet.update`` on old bookings) need ``hubro insights_rollup
--rebuild``."""

import datetime as dt

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from .models import PresenceDay, RolledDay

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
    from .queries import live_rows_sql

    sql, params = live_rows_sql(None, None, first, last)
    try:
        with transaction.atomic():
            PresenceDay.objects.filter(day__gte=first, day__lte=last).delete()
            with connection.cursor() as cursor:
                cursor.execute(
                    f"INSERT INTO insights_presenceday ({COLUMNS}) {sql}",
                    params,
                )
            days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
            RolledDay.objects.filter(day__in=days).delete()
            RolledDay.objects.bulk_create(RolledDay(day=day) for day in days)
    except IntegrityError:
        # Another reader rolled the same days up at the same moment; theirs stands.
        pass


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


def forget(day: dt.date) -> None:
    """A booking of ``day`` changed: roll the day up again when it is next read."""
    if day <= yesterday():
        RolledDay.objects.filter(day=day).delete()


def rebuild() -> int:
    """Throw the roll-up away; readers fill it again as they need it."""
    RolledDay.objects.all().delete()
    count, _ = PresenceDay.objects.all().delete()
    return count
