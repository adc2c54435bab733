"""Fixtures of the survey tests."""

import datetime as dt

import pytest
from django.utils import timezone

from conftest import at, make_person
from hubro.bookings.models import Booking
from hubro.spaces.models import Space


@pytest.fixture
def users(hub, nav, lyngdal_kommune):
    """Six people who booked at the hub last month: three from the state, three from the
    municipality; one reads nynorsk."""
    people = [
        make_person(f"stat{n}@nav.test", nav, name=f"Stat {n}", language="nn" if n == 0 else "nb")
        for n in range(3)
    ] + [
        make_person(f"kommune{n}@lyngdal.test", lyngdal_kommune, name=f"Kommune {n}")
        for n in range(3)
    ]
    day = timezone.localdate() - dt.timedelta(days=30)
    for n, person in enumerate(people):
        # Each at a desk of their own: a desk is never double-booked (PostgreSQL refuses).
        Booking.objects.create(
            space=Space.objects.create(hub=hub, name=f"Plass {n}", kind=Space.Kind.DESK),
            person=person,
            organization=person.primary_membership.organization,
            start=at(day, 9),
            end=at(day, 15),
        )
    return people
