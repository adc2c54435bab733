"""Fixtures of the recurring-booking tests."""

import datetime as dt

import pytest
from django.utils import timezone

from conftest import make_person
from hubro.bookings.tests.rules_support import plain_day
from hubro.bookings.tests.series_support import weekly
from hubro.core.models import Organization


@pytest.fixture
def tuesday():
    """A Tuesday at least two days ahead."""
    day = timezone.localdate() + dt.timedelta(days=2)
    return day + dt.timedelta(days=(1 - day.weekday()) % 7)


@pytest.fixture
def space(desk):
    """The desk in a hub open every day of the year, holidays too, so that the dates of
    a test never depend on the calendar it runs in."""
    desk.hub.observe_public_holidays = False
    desk.hub.save()
    return desk


@pytest.fixture
def series(space, kari, tuesday):
    return weekly(space, kari, tuesday, 5).series


@pytest.fixture
def day():
    return plain_day(timezone.localdate() + dt.timedelta(days=2))


@pytest.fixture
def statsforvalteren(lyngdal):
    return Organization.objects.create(
        orgnr="974763907", name="Statsforvalteren i Agder", sector="state", municipality=lyngdal
    )


@pytest.fixture
def guest(statsforvalteren):
    """Someone whose organization is not a member of the hub."""
    return make_person("gina@sf.test", statsforvalteren, name="Gina Gjest")
