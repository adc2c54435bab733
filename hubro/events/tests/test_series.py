"""A recurring event is one event per date, each with its own registrations."""

import datetime as dt

import pytest

from conftest import at
from hubro.bookings.actions import create_booking
from hubro.core.errors import Invalid
from hubro.events.actions import create_event_series, register, series_dates
from hubro.events.models import Event

pytestmark = pytest.mark.django_db


def test_monthly_dates_keep_the_weekday_and_week_of_the_month():
    # 13 January 2026 is the second Tuesday.
    dates = series_dates(dt.date(2026, 1, 13), "monthly", count=4)
    assert dates == [
        dt.date(2026, 1, 13),
        dt.date(2026, 2, 10),
        dt.date(2026, 3, 10),
        dt.date(2026, 4, 14),
    ]
    assert all(day.weekday() == 1 for day in dates)


def test_a_last_weekday_stays_the_last():
    # 27 January 2026 is the last Tuesday (no fifth in February).
    assert series_dates(dt.date(2026, 1, 27), "monthly", count=2)[1] == dt.date(2026, 2, 24)


def test_weekly_dates_come_from_the_booking_recurrence():
    assert series_dates(dt.date(2026, 1, 5), "weekly", interval=2, count=3) == [
        dt.date(2026, 1, 5),
        dt.date(2026, 1, 19),
        dt.date(2026, 2, 2),
    ]


def test_a_series_needs_exactly_one_end():
    with pytest.raises(Invalid):
        series_dates(dt.date(2026, 1, 5), "weekly")
    with pytest.raises(Invalid):
        series_dates(dt.date(2026, 1, 5), "monthly", count=100)


def test_an_online_monthly_status_meeting_has_per_date_registration(
    vera, hub, kari, tomorrow, lyngdal_kommune
):
    result = create_event_series(
        actor=vera,
        freq="monthly",
        count=3,
        organizers=[lyngdal_kommune],
        kind=Event.Kind.NETWORK_MEETING,
        title="Statusmøte",
        start=at(tomorrow, 9),
        end=at(tomorrow, 9, 45),
        place=Event.Place.ONLINE,
        hub=hub,
        audience=Event.Audience.MEMBERS,
    )
    assert len(result.created) == 3 and not result.skipped
    assert "FREQ=MONTHLY" in result.series.rule
    first, second, _third = result.created
    register(first, kari, actor=kari)
    assert second.registrations.count() == 0
    assert {e.series_id for e in result.created} == {result.series.pk}


def test_a_taken_date_is_skipped_and_the_rest_are_made(vera, kari, meeting_room, tomorrow):
    create_booking(
        space=meeting_room,
        person=kari,
        start=at(tomorrow + dt.timedelta(days=7), 11),
        end=at(tomorrow + dt.timedelta(days=7), 12),
        actor=kari,
    )
    result = create_event_series(
        actor=vera,
        freq="weekly",
        count=3,
        kind=Event.Kind.LUNCH_TALK,
        title="Ukentlig lunsj",
        start=at(tomorrow, 11),
        end=at(tomorrow, 12),
        place=Event.Place.HUB,
        space=meeting_room,
        audience=Event.Audience.OPEN,
    )
    assert len(result.created) == 2
    assert [(day, exc.code) for day, exc in result.skipped] == [
        (tomorrow + dt.timedelta(days=7), "conflict")
    ]
    assert all(e.booking is not None for e in result.created)
