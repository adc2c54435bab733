import datetime as dt
import re
from collections import defaultdict
from io import StringIO
from itertools import pairwise

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from hubro.bookings.actions import create_booking
from hubro.bookings.models import Booking
from hubro.core.demo import DEMO_PASSWORD, build_demo
from hubro.core.models import Membership, Municipality, Organization, Person
from hubro.core.timeutil import local_datetime
from hubro.spaces.models import Hub, HubHost, OpeningHours, Space

PILOTS = {
    "regionlab-lister": "4225",
    "sentrumsgarden-narvik": "1806",
    "statens-hus-nordfjordeid": "4649",
    "innovasjonshub-orkland": "5059",
}


def loaddemo() -> str:
    out = StringIO()
    call_command("loaddemo", stdout=out)
    return out.getvalue()


def snapshot() -> dict[str, int]:
    return {
        "organizations": Organization.objects.count(),
        "people": Person.objects.count(),
        "memberships": Membership.objects.count(),
        "hubs": Hub.objects.count(),
        "spaces": Space.objects.count(),
        "opening hours": OpeningHours.objects.count(),
        "hub hosts": HubHost.objects.count(),
        "bookings": Booking.objects.count(),
        "cancelled": Booking.objects.filter(status=Booking.Status.CANCELLED).count(),
    }


def kinds(hub: Hub) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for space in hub.spaces.all():
        counts[space.kind] += 1
    return dict(counts)


def next_weekday_after(day: dt.date) -> dt.date:
    day += dt.timedelta(days=1)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


@pytest.fixture
def demo(places):
    return loaddemo()


@pytest.mark.django_db
def test_it_is_idempotent(demo):
    first = snapshot()
    second_output = loaddemo()

    assert snapshot() == first
    assert "no changes" in second_output
    assert "new" not in second_output


@pytest.mark.django_db
def test_it_prints_counts_and_the_demo_accounts(demo):
    assert "(password: hubro-demo-2026)" in demo
    for email in ("ansatt@demo.hubro.test", "vert@demo.hubro.test", "admin@demo.hubro.test"):
        assert email in demo
    assert re.search(rf"bookings\s+{Booking.objects.count()}\s", demo)
    assert re.search(rf"people\s+{Person.objects.count()}\s", demo)


@pytest.mark.django_db
def test_it_builds_the_four_pilots(demo):
    hubs = {hub.slug: hub for hub in Hub.objects.select_related("municipality", "region")}

    assert set(PILOTS) <= set(hubs)
    for slug, number in PILOTS.items():
        assert hubs[slug].municipality.number == number
        assert hubs[slug].is_active
    assert kinds(hubs["regionlab-lister"]) == {"office": 7, "desk": 4, "meeting_room": 2}
    assert kinds(hubs["sentrumsgarden-narvik"]) == {"office": 7, "meeting_room": 3}
    assert kinds(hubs["statens-hus-nordfjordeid"]) == {
        "desk": 6,
        "office": 2,
        "meeting_room": 2,
        "project_room": 1,
    }
    assert hubs["regionlab-lister"].region.slug == "lister"
    assert hubs["statens-hus-nordfjordeid"].region.slug == "nordfjord"
    assert hubs["statens-hus-nordfjordeid"].opened_on == dt.date(2025, 4, 1)
    assert hubs["regionlab-lister"].opened_on == dt.date(2023, 1, 9)
    assert "Planlagt" in hubs["innovasjonshub-orkland"].description


@pytest.mark.django_db
def test_the_pilots_have_their_members_and_hours(demo):
    lister = Hub.objects.get(slug="regionlab-lister")
    members = set(lister.member_organizations.values_list("name", flat=True))

    assert {"Skatteetaten", "Lyngdal kommune", "Sirdal kommune", "Agder fylkeskommune"} <= members
    assert lister.opening_hours_on(dt.date(2026, 1, 9)).closes == dt.time(16)  # a Friday
    assert lister.opening_hours_on(dt.date(2026, 1, 8)).closes == dt.time(17)
    assert lister.opening_hours_on(dt.date(2026, 1, 10)).opens == dt.time(9)  # a Saturday
    orkland = Hub.objects.get(slug="innovasjonshub-orkland")
    assert list(orkland.opening_hours.values_list("weekday", flat=True)) == [0, 1, 2, 3]


@pytest.mark.django_db
def test_the_fixed_accounts_exist_and_can_sign_in(demo):
    for email in ("ansatt@demo.hubro.test", "vert@demo.hubro.test", "admin@demo.hubro.test"):
        assert Client().login(email=email, password=DEMO_PASSWORD), email

    ansatt = Person.objects.get(email="ansatt@demo.hubro.test")
    assert ansatt.primary_membership.organization.sector == Organization.Sector.STATE
    assert ansatt.primary_membership.role == Membership.Role.MEMBER
    vert = Person.objects.get(email="vert@demo.hubro.test")
    assert not vert.is_staff and not vert.is_superuser  # hosts need no admin access
    assert list(vert.hosted_hubs.values_list("slug", flat=True)) == ["regionlab-lister"]
    admin = Person.objects.get(email="admin@demo.hubro.test")
    assert admin.is_superuser and admin.is_staff


@pytest.mark.django_db
def test_every_demo_person_can_sign_in_and_belongs_somewhere(demo):
    person = Person.objects.filter(email__endswith="@nav.demo.hubro.test").first()

    assert Client().login(email=person.email, password=DEMO_PASSWORD)
    assert not Person.objects.filter(memberships__isnull=True).exists()


@pytest.mark.django_db
def test_every_organization_has_one_coordinator(demo):
    for organization in Organization.objects.all():
        coordinators = organization.memberships.filter(role=Membership.Role.COORDINATOR)
        assert coordinators.count() == 1, organization.name


@pytest.mark.django_db
def test_it_does_not_create_municipalities(places):
    before = Municipality.objects.count()
    loaddemo()
    assert Municipality.objects.count() == before


@pytest.mark.django_db
def test_demo_bookings_never_overlap(demo):
    by_space = defaultdict(list)
    for booking in Booking.objects.confirmed():
        by_space[booking.space_id].append((booking.start, booking.end))

    assert by_space
    for intervals in by_space.values():
        intervals.sort()
        for (_, end), (next_start, _) in pairwise(intervals):
            assert end <= next_start


@pytest.mark.django_db
def test_demo_bookings_fall_inside_opening_hours(demo):
    for booking in Booking.objects.select_related("space__hub"):
        day = timezone.localtime(booking.start).date()
        opens, closes = booking.space.hub.open_interval(day)
        assert opens <= booking.start < booking.end <= closes
        assert booking.created_at <= booking.start
        if booking.is_cancelled:
            assert booking.created_at <= booking.cancelled_at <= timezone.now()


@pytest.mark.django_db
def test_lister_is_busier_than_narvik_and_orkland(demo):
    def count(slug):
        return Booking.objects.filter(space__hub__slug=slug).count()

    assert count("regionlab-lister") > count("statens-hus-nordfjordeid")
    assert count("statens-hus-nordfjordeid") > count("sentrumsgarden-narvik")
    assert count("sentrumsgarden-narvik") > count("innovasjonshub-orkland")
    cancelled = Booking.objects.filter(status=Booking.Status.CANCELLED).count()
    assert 0 < cancelled < Booking.objects.count() * 0.15


@pytest.mark.django_db
def test_people_based_elsewhere_book_desks_at_lister(demo):
    assert Booking.objects.filter(
        space__hub__slug="regionlab-lister", organization__name__contains="UDI"
    ).exists()


@pytest.mark.django_db
def test_the_employee_has_past_and_upcoming_bookings(demo):
    ansatt = Person.objects.get(email="ansatt@demo.hubro.test")
    now = timezone.now()
    upcoming = ansatt.bookings.confirmed().filter(start__gt=now)

    assert 1 <= upcoming.count() <= 2
    assert ansatt.bookings.filter(end__lt=now).count() >= 3
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    assert not upcoming.filter(space__kind=Space.Kind.DESK, start__date=tomorrow).exists()


@pytest.mark.django_db
def test_open_desks_at_lister_stay_free_for_the_walkthrough(demo):
    today = timezone.localdate()
    ansatt = Person.objects.get(email="ansatt@demo.hubro.test")
    desks = Space.objects.filter(hub__slug="regionlab-lister", kind=Space.Kind.DESK)
    for day in {today + dt.timedelta(days=1), next_weekday_after(today)}:
        start, end = local_datetime(day, dt.time(9)), local_datetime(day, dt.time(15))
        free = [
            desk
            for desk in desks
            if not Booking.objects.confirmed().filter(space=desk).overlapping(*day_bounds(day))
        ]
        assert len(free) >= 2, day
        if day.weekday() < 5:
            booking = create_booking(
                space=free[0], person=ansatt, start=start, end=end, actor=ansatt
            )
            assert booking.pk


def day_bounds(day):
    return local_datetime(day, dt.time.min), local_datetime(
        day + dt.timedelta(days=1), dt.time.min
    )


@pytest.mark.django_db
def test_bookings_are_the_same_for_a_given_date(places):
    def bookings():
        return sorted(
            (b.space.name, b.person.email, b.start, b.end, b.status)
            for b in Booking.objects.select_related("space", "person")
        )

    day = dt.date(2026, 3, 4)
    build_demo(today=day)
    first = bookings()
    Booking.objects.all().delete()
    build_demo(today=day)

    assert bookings() == first


@pytest.mark.django_db
def test_it_explains_missing_municipalities(db):
    Municipality.objects.all().delete()

    with pytest.raises(CommandError, match="hubro migrate"):
        loaddemo()
