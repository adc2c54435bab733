"""Helpers shared by the recurring-booking tests."""

import datetime as dt

from django.utils import timezone

from conftest import ApiClient, at
from hubro.bookings.actions import (
    create_series,
)
from hubro.bookings.recurrence import Repeat


def weeks(first, n):
    return [first + dt.timedelta(weeks=i) for i in range(n)]


def weekly(space, person, first, n=4, *, actor=None, hours=(9, 11), **kwargs):
    return create_series(
        space,
        person,
        at(first, hours[0]),
        at(first, hours[1]),
        Repeat(freq="weekly", count=n),
        actor=actor or person,
        **kwargs,
    )


def api_series(person, space, first, repeat, hours=(9, 11), **extra):
    return ApiClient(person).post(
        "/api/v1/bookings",
        {
            "space": space.pk,
            "start": at(first, hours[0]).isoformat(),
            "end": at(first, hours[1]).isoformat(),
            "repeat": repeat,
            **extra,
        },
    )


def confirmed_dates(series):
    return [
        timezone.localtime(b.start).date()
        for b in series.bookings.filter(status="confirmed").order_by("start")
    ]
