"""A hub shared by four organizations with known use, for the finance tests.

- Lyngdal kommune (host), Nav, Farsund kommune, Kvinesdal kommune are the members.
- In 2025 their people were present 1, 2, 4 and 0 person-days.
- The hub's costs in 2025 are 100 000,00 kr (rent 60 000, operation 40 000)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from conftest import make_person
from hubro.bookings.models import Booking
from hubro.core.models import Membership, Municipality, Organization
from hubro.finance.models import CostLine

YEAR = 2025


def at_day(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=timezone.get_default_timezone())


@pytest.fixture
def farsund(places):
    return Organization.objects.create(
        orgnr="964083266",
        name="Farsund kommune",
        sector="municipal",
        municipality=Municipality.objects.get(number="4206"),
    )


@pytest.fixture
def kvinesdal(places):
    return Organization.objects.create(
        orgnr="964964076",
        name="Kvinesdal kommune",
        sector="municipal",
        municipality=Municipality.objects.get(number="4227"),
    )


@pytest.fixture
def four(hub, lyngdal_kommune, nav, farsund, kvinesdal):
    """The four organizations in the order the shares are listed (by name)."""
    hub.member_organizations.add(farsund, kvinesdal)
    return [nav, farsund, kvinesdal, lyngdal_kommune]


@pytest.fixture
def costs_2025(hub):
    CostLine.objects.create(hub=hub, year=YEAR, category="rent", planned=Decimal("60000.00"))
    CostLine.objects.create(
        hub=hub,
        year=YEAR,
        category="operation",
        planned=Decimal("45000.00"),
        actual=Decimal("40000.00"),
    )


@pytest.fixture
def usage_2025(four, desk):
    """Person-days in 2025: Nav 1, Farsund 2, Kvinesdal 4, Lyngdal 0 (a cancelled
    booking does not count)."""
    nav, farsund, kvinesdal, lyngdal = four
    people = {org.pk: make_person(f"p{index}@finance.test", org) for index, org in enumerate(four)}
    plan = {nav: 1, farsund: 2, kvinesdal: 4}
    for index, (org, days) in enumerate(plan.items()):
        hour = 8 + 2 * index  # one desk: the organizations' bookings must not overlap
        for offset in range(days):
            day = dt.date(YEAR, 3, 3) + dt.timedelta(days=offset)
            Booking.objects.create(
                space=desk,
                person=people[org.pk],
                organization=org,
                start=at_day(day, hour),
                end=at_day(day, hour + 1),
            )
    Booking.objects.create(
        space=desk,
        person=people[lyngdal.pk],
        organization=lyngdal,
        start=at_day(dt.date(YEAR, 4, 1), 9),
        end=at_day(dt.date(YEAR, 4, 1), 10),
        status=Booking.Status.CANCELLED,
        cancelled_at=timezone.now(),
    )
    return plan


@pytest.fixture
def coordinator_nav(nav):
    return make_person(
        "koord@nav.test", nav, name="Kora Koordinator", role=Membership.Role.COORDINATOR
    )


@pytest.fixture
def coordinator_farsund(farsund):
    return make_person(
        "koord@farsund.test", farsund, name="Frida Koordinator", role=Membership.Role.COORDINATOR
    )
