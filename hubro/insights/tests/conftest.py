import datetime as dt

import pytest

from conftest import at, make_person
from hubro.bookings.models import Booking
from hubro.core.models import Membership, Municipality, Organization, Region
from hubro.spaces.models import Hub, OpeningHours, Space

MONDAY = dt.date(2025, 3, 3)
SUNDAY = dt.date(2025, 3, 9)


def book(space, person, org, day, start, end, *, status="confirmed", checked_in=False):
    """A booking written directly (past times cannot go through the booking action)."""
    start_at = at(day, *start) if isinstance(start, tuple) else at(day, start)
    if isinstance(end, dt.datetime):
        end_at = end
    else:
        end_at = at(day, *end) if isinstance(end, tuple) else at(day, end)
    booking = Booking(space=space, person=person, organization=org, start=start_at, end=end_at)
    if status == "cancelled":
        booking.status, booking.cancelled_at = Booking.Status.CANCELLED, start_at
    if checked_in:
        booking.checked_in_at = start_at
    booking.save()
    return booking


@pytest.fixture
def lister(lyngdal, hub):
    region = Region.objects.create(slug="lister-test", name="Lister (test)")
    region.municipalities.add(lyngdal)
    hub.region = region
    hub.save()
    return region


@pytest.fixture
def agder(places):
    return Organization.objects.create(
        orgnr="921707134",
        name="Agder fylkeskommune",
        sector="county",
        municipality=Municipality.objects.get(number="4204"),
    )


@pytest.fixture
def checklab(lyngdal, lyngdal_kommune):
    hub = Hub.objects.create(
        name="Sjekklab",
        slug="sjekklab",
        municipality=lyngdal,
        host_organization=lyngdal_kommune,
        observe_public_holidays=False,
        release_no_shows=True,
    )
    OpeningHours.objects.bulk_create(
        OpeningHours(hub=hub, weekday=day, opens=dt.time(7), closes=dt.time(18))
        for day in range(7)
    )
    return hub


@pytest.fixture
def world(hub, lister, checklab, desk, meeting_room, kari, ola, nav, lyngdal_kommune, agder):
    """The hand-built world of test_indicators (see the expected numbers there)."""
    desk2 = Space.objects.create(hub=hub, name="Plass 2", kind=Space.Kind.DESK)
    check_desk = Space.objects.create(hub=checklab, name="Plass C", kind=Space.Kind.DESK)
    per = make_person("per@nav.test", nav, name="Per To-jobber")
    Membership.objects.create(person=per, organization=lyngdal_kommune, is_primary=False)
    siri = make_person("siri@agder.test", agder, name="Siri Fylke")
    mon, tue, wed = MONDAY, MONDAY + dt.timedelta(days=1), MONDAY + dt.timedelta(days=2)
    book(desk, kari, nav, mon, 8, 12)
    book(desk2, ola, lyngdal_kommune, mon, 8, 16)
    book(meeting_room, per, lyngdal_kommune, mon, 13, 14)
    book(meeting_room, kari, nav, mon, 10, 11)
    book(desk, per, nav, tue, 9, 15)
    book(desk2, siri, agder, tue, 9, 15)
    book(meeting_room, ola, lyngdal_kommune, tue, 9, 10, status="cancelled")
    book(desk, siri, agder, wed, 20, at(wed + dt.timedelta(days=1), 2))  # over midnight
    book(check_desk, ola, lyngdal_kommune, mon, 8, 12, checked_in=True)
    book(check_desk, kari, nav, tue, 8, 12)  # a day with no check-in
    # Earlier months: Ola comes back (three of the last six months), Kari once.
    book(desk2, ola, lyngdal_kommune, dt.date(2025, 1, 15), 8, 12)
    book(desk2, ola, lyngdal_kommune, dt.date(2025, 2, 12), 8, 12)
    book(desk2, kari, nav, dt.date(2025, 2, 13), 8, 12)
    return {"per": per, "siri": siri, "desk2": desk2, "check_desk": check_desk}
