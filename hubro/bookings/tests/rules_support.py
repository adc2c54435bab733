"""Helpers shared by the booking-rule tests."""

import datetime as dt

import holidays

from hubro.bookings.models import BookingRule

NORWAY = holidays.country_holidays("NO")


def plain_day(after: dt.date) -> dt.date:
    """The first day on or after ``after`` that is no Norwegian public holiday."""
    while after in NORWAY:
        after += dt.timedelta(days=1)
    return after


def next_holiday(after: dt.date) -> dt.date:
    day = after
    while day not in NORWAY:
        day += dt.timedelta(days=1)
    return day


def rule(hub, kind="", **limits):
    return BookingRule.objects.create(hub=hub, space_kind=kind, **limits)
