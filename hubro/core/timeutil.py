"""Local time helpers. Hubro stores UTC and thinks in the configured zone."""

import datetime as dt

from django.utils import dateformat, timezone, translation


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


# Dates as each UI language writes them ("mandag 30. november 2026", "Monday 30 November
# 2026"); Django's date filter takes one pattern for all languages.
NORWEGIAN = {
    "long": "l j. F Y",  # mandag 30. november 2026
    "medium": "D j. F Y",  # man. 30. november 2026
    "short": "D j. b Y",  # man. 30. nov 2026
    "date": "j. F Y",  # 30. november 2026
    "day_month": "j. F",  # 30. november
    "weekday_day_month": "l j. F",  # mandag 30. november
    "short_day_month": "j. b",  # 30. nov
}
PATTERNS = {
    "nb": NORWEGIAN,
    "nn": NORWEGIAN,
    "en": {
        "long": "l j F Y",
        "medium": "D j F Y",
        "short": "D j M Y",
        "date": "j F Y",
        "day_month": "j F",
        "weekday_day_month": "l j F",
        "short_day_month": "j M",
    },
}


def format_day(value, style: str = "long") -> str:
    if value in (None, ""):
        return ""
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        value = timezone.localtime(value)
    patterns = PATTERNS.get(translation.get_language(), NORWEGIAN)
    return dateformat.format(value, patterns.get(style, patterns["long"]))


def when(booking) -> str:
    """A booking's time in words, e.g. "man. 30. november 2026, 09:00–15:00"."""
    start, end = timezone.localtime(booking.start), timezone.localtime(booking.end)
    return f"{format_day(start, 'medium')}, {start:%H:%M}–{end:%H:%M}"


# The dates Hubro takes as input. Far outside them, date arithmetic overflows (year 1
# minus a day, year 9999 plus one) and no hub has anything to show anyway.
DATE_MIN = dt.date(1900, 1, 1)
DATE_MAX = dt.date(2199, 12, 31)


def date_in_bounds(day: dt.date) -> bool:
    return DATE_MIN <= day <= DATE_MAX
