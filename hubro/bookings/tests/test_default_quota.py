"""Finding 7: where a hub sets no quota, a default quota of future bookings per person
and hub (HUBRO_DEFAULT_BOOKING_QUOTA) keeps one member from holding every space for
years. A host's booking rule with a quota of its own replaces it."""

import datetime as dt

import pytest

from conftest import at
from hubro.bookings.actions import create_booking
from hubro.bookings.models import BookingRule
from hubro.core.errors import DomainError

pytestmark = pytest.mark.django_db


def book_many(space, person, tomorrow, count):
    made = []
    for n in range(count):
        day = tomorrow + dt.timedelta(days=n // 8)
        hour = 8 + n % 8
        made.append(
            create_booking(
                space=space,
                person=person,
                start=at(day, hour),
                end=at(day, hour + 1),
                actor=person,
            )
        )
    return made


def test_without_a_rule_of_the_hubs_a_person_holds_at_most_the_default(
    desk, meeting_room, kari, tomorrow, settings
):
    settings.HUBRO_DEFAULT_BOOKING_QUOTA = 5
    book_many(desk, kari, tomorrow, 4)
    book_many(meeting_room, kari, tomorrow, 1)  # the quota counts every space of the hub
    later = tomorrow + dt.timedelta(days=30)
    with pytest.raises(DomainError) as refused:
        create_booking(space=desk, person=kari, start=at(later, 9), end=at(later, 10), actor=kari)
    assert refused.value.code == "quota"
    assert "5" in str(refused.value.detail)


def test_the_api_refuses_over_the_default_quota_with_422(desk, kari, tomorrow, settings, api_as):
    settings.HUBRO_DEFAULT_BOOKING_QUOTA = 2
    book_many(desk, kari, tomorrow, 2)
    later = tomorrow + dt.timedelta(days=3)
    response = api_as(kari).post(
        "/api/v1/bookings",
        {"space": desk.pk, "start": at(later, 9).isoformat(), "end": at(later, 10).isoformat()},
    )
    assert response.status_code == 422
    assert response.json()["code"] == "quota"


def test_a_hosts_rule_replaces_the_default(hub, desk, kari, tomorrow, settings):
    settings.HUBRO_DEFAULT_BOOKING_QUOTA = 2
    BookingRule.objects.create(hub=hub, space_kind="", max_future_bookings=4)
    assert len(book_many(desk, kari, tomorrow, 4)) == 4
