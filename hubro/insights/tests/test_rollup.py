"""The daily roll-up gives the same numbers as reading the bookings live, and follows
changes to past bookings."""

import datetime as dt

import pytest

from hubro.bookings.models import Booking
from hubro.insights import rollup
from hubro.insights.indicators import compute
from hubro.insights.models import PresenceDay, RolledDay

from .conftest import MONDAY, SUNDAY

pytestmark = pytest.mark.django_db


def values(viewer, scope="all"):
    return {f.key: f.value for f in compute(scope, MONDAY, SUNDAY, viewer=viewer)}


def test_live_and_rolled_up_give_the_same_numbers(world, admin_person, monkeypatch):
    rolled = values(admin_person)
    assert PresenceDay.objects.exists()
    assert RolledDay.objects.filter(day=MONDAY).exists()
    monkeypatch.setattr(rollup, "yesterday", lambda: MONDAY - dt.timedelta(days=200))
    live = values(admin_person)
    assert live == rolled
    assert rolled["person_days"] == 7


def test_a_changed_past_booking_is_rolled_up_again(world, admin_person, kari):
    assert values(admin_person, "hub:testlab")["person_days"] == 6
    booking = Booking.objects.get(person=kari, start__date=MONDAY, space__kind="desk")
    booking.status, booking.cancelled_at = Booking.Status.CANCELLED, booking.start
    booking.save()
    assert not RolledDay.objects.filter(day=MONDAY).exists()
    # Kari still had her meeting on Monday: the person-day stays; her desk hours go.
    assert values(admin_person, "hub:testlab")["person_days"] == 6
    Booking.objects.filter(person=kari, start__date=MONDAY).delete()
    assert values(admin_person, "hub:testlab")["person_days"] == 5


def test_rebuild_empties_the_roll_up(world, admin_person):
    values(admin_person)
    assert rollup.rebuild() > 0
    assert not RolledDay.objects.exists()
    assert values(admin_person)["person_days"] == 7
