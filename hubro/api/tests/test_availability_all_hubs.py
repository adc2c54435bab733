"""GET /api/v1/availability: free time of every hub on a day, and the queries behind it."""

import datetime as dt

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import ApiClient, at
from hubro.bookings.models import Booking
from hubro.bookings.queries import all_hubs_day, hub_day
from hubro.spaces.models import ClosedDay, Hub, OpeningHours, Space

pytestmark = pytest.mark.django_db


def interval(day, start_hour, end_hour):
    return {"start": at(day, start_hour).isoformat(), "end": at(day, end_hour).isoformat()}


def book(space, person, start, end, *, status=Booking.Status.CONFIRMED):
    """A booking written straight to the database, as an override or an import may."""
    return Booking.objects.create(
        space=space,
        person=person,
        organization=person.memberships.first().organization,
        start=start,
        end=end,
        status=status,
        cancelled_at=timezone.now() if status == Booking.Status.CANCELLED else None,
    )


@pytest.fixture
def second_hub(hub):
    """Another hub, open 09-15 on every day, with one desk."""
    other = Hub.objects.create(
        name="Annen hub",
        slug="annen",
        municipality=hub.municipality,
        host_organization=hub.host_organization,
    )
    OpeningHours.objects.bulk_create(
        OpeningHours(hub=other, weekday=day, opens=dt.time(9), closes=dt.time(15))
        for day in range(7)
    )
    Space.objects.create(hub=other, name="Plass A", kind=Space.Kind.DESK)
    return other


def test_it_lists_every_active_hub_with_its_spaces_free_time(
    kari, desk, meeting_room, second_hub, tomorrow
):
    ApiClient(kari).post(
        "/api/v1/bookings",
        {
            "space": desk.pk,
            "start": at(tomorrow, 9).isoformat(),
            "end": at(tomorrow, 12).isoformat(),
        },
    )
    response = ApiClient(kari).get("/api/v1/availability", date=tomorrow.isoformat())
    assert response.status_code == 200
    body = response.json()
    assert [entry["hub"] for entry in body] == ["annen", "testlab"]  # by name
    annen, testlab = body
    assert annen["spaces"][0]["free"] == [interval(tomorrow, 9, 15)]
    free = {entry["space"]: entry["free"] for entry in testlab["spaces"]}
    assert free == {
        desk.pk: [interval(tomorrow, 7, 9), interval(tomorrow, 12, 18)],
        meeting_room.pk: [interval(tomorrow, 7, 18)],
    }


def test_it_matches_the_per_hub_availability(kari, desk, meeting_room, second_hub, tomorrow):
    client = ApiClient(kari)
    for space, hours in [(desk, (8, 10)), (desk, (13, 14)), (meeting_room, (7, 18))]:
        client.post(
            "/api/v1/bookings",
            {
                "space": space.pk,
                "start": at(tomorrow, hours[0]).isoformat(),
                "end": at(tomorrow, hours[1]).isoformat(),
            },
        )
    everything = client.get("/api/v1/availability", date=tomorrow.isoformat()).json()
    for entry in everything:
        one = client.get(f"/api/v1/hubs/{entry['hub']}/availability", date=tomorrow.isoformat())
        assert entry["spaces"] == one.json()


def test_inactive_hubs_and_spaces_are_left_out(kari, desk, meeting_room, second_hub, tomorrow):
    second_hub.is_active = False
    second_hub.save()
    meeting_room.is_active = False
    meeting_room.save()
    body = ApiClient(kari).get("/api/v1/availability", date=tomorrow.isoformat()).json()
    assert body == [
        {"hub": "testlab", "spaces": [{"space": desk.pk, "free": [interval(tomorrow, 7, 18)]}]}
    ]


def test_a_closed_hub_lists_its_spaces_with_no_free_time(kari, desk, second_hub, tomorrow):
    desk.hub.opening_hours.filter(weekday=tomorrow.weekday()).delete()
    body = ApiClient(kari).get("/api/v1/availability", date=tomorrow.isoformat()).json()
    testlab = next(entry for entry in body if entry["hub"] == "testlab")
    assert testlab["spaces"] == [{"space": desk.pk, "free": []}]


def test_a_closed_day_closes_only_that_hub(kari, desk, second_hub, tomorrow):
    ClosedDay.objects.create(hub=second_hub, date=tomorrow, reason="Flytting")
    body = ApiClient(kari).get("/api/v1/availability", date=tomorrow.isoformat()).json()
    free = {entry["hub"]: entry["spaces"][0]["free"] for entry in body}
    assert free == {"annen": [], "testlab": [interval(tomorrow, 7, 18)]}


def test_a_bad_date_is_422(kari, desk):
    response = ApiClient(kari).get("/api/v1/availability", date="i morgen")
    assert response.status_code == 422
    assert response.json()["code"] == "invalid"


def test_it_needs_a_token(desk, tomorrow):
    response = ApiClient().get("/api/v1/availability", date=tomorrow.isoformat())
    assert response.status_code == 401


def test_a_booking_from_an_earlier_day_still_blocks_the_morning(kari, desk, tomorrow):
    # Bookings past the opening hours exist (a host may override the rules); one that
    # started two days before and ends at 10 must be found without scanning history.
    book(desk, kari, at(tomorrow - dt.timedelta(days=2), 8), at(tomorrow, 10))
    # A cancelled booking that starts later must not hide it.
    book(desk, kari, at(tomorrow, 6), at(tomorrow, 6, 30), status=Booking.Status.CANCELLED)
    (entry,) = hub_day(desk.hub, tomorrow)
    assert entry.free == [(at(tomorrow, 10), at(tomorrow, 18))]
    assert [b.end for b in entry.busy] == [at(tomorrow, 10)]
    (space,) = next(h for h in all_hubs_day(tomorrow) if h.hub == desk.hub).spaces
    assert space.free == [(at(tomorrow, 10), at(tomorrow, 18))]


def test_bookings_that_end_before_opening_or_are_cancelled_leave_the_day_free(
    kari, desk, tomorrow
):
    book(desk, kari, at(tomorrow - dt.timedelta(days=1), 8), at(tomorrow, 7))  # ends at opening
    book(desk, kari, at(tomorrow, 9), at(tomorrow, 11), status=Booking.Status.CANCELLED)
    (entry,) = hub_day(desk.hub, tomorrow)
    assert entry.busy == []
    assert entry.free == [(at(tomorrow, 7), at(tomorrow, 18))]
    (space,) = next(h for h in all_hubs_day(tomorrow) if h.hub == desk.hub).spaces
    assert space.free == [(at(tomorrow, 7), at(tomorrow, 18))]


def test_free_times_are_in_local_time(kari, desk, tomorrow):
    # The gap after a booking starts at its end, read from the database in UTC.
    book(desk, kari, at(tomorrow, 7), at(tomorrow, 10))
    (space,) = all_hubs_day(tomorrow)[0].spaces
    ((start, end),) = space.free
    assert (str(start.tzinfo), start.hour, end.hour) == (settings.TIME_ZONE, 10, 18)


def test_the_number_of_queries_does_not_grow_with_hubs_or_spaces(kari, desk, second_hub, tomorrow):
    book(desk, kari, at(tomorrow, 9), at(tomorrow, 10))
    with CaptureQueriesContext(connection) as few:
        all_hubs_day(tomorrow)
    for n in range(3):
        extra = Hub.objects.create(
            name=f"Hub {n}",
            slug=f"hub-{n}",
            municipality=desk.hub.municipality,
            host_organization=desk.hub.host_organization,
        )
        OpeningHours.objects.create(
            hub=extra, weekday=tomorrow.weekday(), opens=dt.time(8), closes=dt.time(16)
        )
        for k in range(4):
            space = Space.objects.create(hub=extra, name=f"Plass {k}", kind=Space.Kind.DESK)
            book(space, kari, at(tomorrow, 8 + k), at(tomorrow, 9 + k))
    with CaptureQueriesContext(connection) as many:
        result = all_hubs_day(tomorrow)
    assert sum(len(h.spaces) for h in result) == 14
    assert len(many.captured_queries) == len(few.captured_queries) <= 6
