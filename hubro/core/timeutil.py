"""Local time helpers. Hubro stores UTC and thinks in the configured zone."""

import datetime as dt

from django.utils import timezone


def local_tz():
    return timezone.get_default_timezone()


def local_datetime(day: dt.date, time: dt.time) -> dt.datetime:
    """The aware datetime for a wall-clock time on a day in the local zone."""
    return dt.datetime.combine(day, time, tzinfo=local_tz())


def local_date(moment: dt.datetime) -> dt.date:
    return timezone.localtime(moment, local_tz()).date()


def day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[midnight, next midnight) of a local day, which is 23 or 25 hours at DST changes."""
    return local_datetime(day, dt.time.min), local_datetime(
        day + dt.timedelta(days=1), dt.time.min
    )


def is_aware(value: dt.datetime) -> bool:
    return value.tzinfo is not None and value.tzinfo.utcoffset(value) is not None
