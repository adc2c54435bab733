"""The roll-ups above the daily one: pairs of organizations per whole month and year
(read by the SQL reference, ``queries.pairs``; the engine counts pairs itself), and
the stored counts of settled periods. Both give the same numbers as the live
computation and follow changes to past bookings."""

import datetime as dt

import pytest

from hubro.bookings.models import Booking
from hubro.insights import queries, rollup
from hubro.insights.indicators import compute
from hubro.insights.models import OrgPair, RolledPairs, SettledFigures

from .conftest import MONDAY, book

pytestmark = pytest.mark.django_db

MARCH = (dt.date(2025, 3, 1), dt.date(2025, 3, 31))
YEAR = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
WEDNESDAY = MONDAY + dt.timedelta(days=2)


def values(viewer, period, scope="all", compare=True):
    return {f.key: f.value for f in compute(scope, *period, viewer=viewer, compare=compare)}


def all_live(monkeypatch):
    """Make every day of 2025 count as today or later: nothing is rolled up or stored."""
    monkeypatch.setattr(rollup, "yesterday", lambda: dt.date(2024, 6, 30))


def test_split_period_uses_whole_settled_years_and_months(monkeypatch):
    monkeypatch.setattr(rollup, "yesterday", lambda: dt.date(2025, 6, 15))
    periods, ranges = rollup.split_period(dt.date(2023, 12, 30), dt.date(2025, 6, 20))
    assert periods == [202400, *range(202501, 202506)]
    assert ranges == [
        (dt.date(2023, 12, 30), dt.date(2023, 12, 31)),
        (dt.date(2025, 6, 1), dt.date(2025, 6, 20)),
    ]
    assert rollup.split_period(dt.date(2025, 2, 2), dt.date(2025, 2, 27)) == (
        [],
        [(dt.date(2025, 2, 2), dt.date(2025, 2, 27))],
    )


@pytest.mark.parametrize("period", [MARCH, YEAR], ids=["month", "year"])
def test_pairs_from_the_roll_up_equal_the_live_count(world, admin_person, monkeypatch, period):
    rolled = queries.pairs(None, None, *period)
    key = 202503 if period == MARCH else 202500
    assert RolledPairs.objects.filter(period=key).exists()
    assert OrgPair.objects.filter(period=key).count() == 2
    all_live(monkeypatch)
    assert values(admin_person, period, compare=False)["organization_pairs"] == rolled == 2


@pytest.mark.parametrize("scope", ["all", "hub:testlab"])
def test_a_pair_seen_in_two_months_of_a_quarter_counts_once(
    world, admin_person, kari, ola, nav, lyngdal_kommune, monkeypatch, scope
):
    # Nav and Lyngdal kommune meet in February too (and in March, see the world).
    day = dt.date(2025, 2, 20)
    book(world["desk2"], kari, nav, day, 8, 12)
    book(world["desk2"], ola, lyngdal_kommune, day, 13, 15)
    quarter = (dt.date(2025, 1, 1), dt.date(2025, 3, 31))
    hub_ids = None if scope == "all" else [world["desk2"].hub_id]
    rolled = queries.pairs(hub_ids, None, *quarter)
    if scope == "all":  # one hub of two: its days are joined directly
        assert RolledPairs.objects.filter(period__in=[202501, 202502, 202503]).count() == 3
    all_live(monkeypatch)
    assert values(admin_person, quarter, scope, compare=False)["organization_pairs"] == 2
    assert rolled == 2


def test_a_changed_booking_drops_the_pairs_of_its_month_and_year(world, admin_person, ola):
    assert queries.pairs(None, None, *YEAR) == 2
    assert values(admin_person, YEAR)["organization_pairs"] == 2
    assert RolledPairs.objects.filter(period__in=[202503, 202500]).count() == 2
    # Ola (Lyngdal kommune) joins Siri (Agder) at the hub on Wednesday: a third pair.
    book(world["desk2"], ola, ola.memberships.get().organization, WEDNESDAY, 9, 12)
    assert not RolledPairs.objects.filter(period__in=[202503, 202500]).exists()
    assert not OrgPair.objects.filter(period__in=[202503, 202500]).exists()
    assert RolledPairs.objects.filter(period=202501).exists()  # other months stay
    assert queries.pairs(None, None, *YEAR) == 3
    assert values(admin_person, YEAR)["organization_pairs"] == 3
    assert values(admin_person, MARCH)["organization_pairs"] == 3


def test_stored_figures_of_a_settled_period_equal_the_computed_ones(
    world, admin_person, monkeypatch
):
    computed = values(admin_person, MARCH)
    assert SettledFigures.objects.filter(start=MARCH[0], end=MARCH[1]).exists()
    # The comparison period (February) is stored too.
    assert SettledFigures.objects.filter(start=dt.date(2025, 2, 1)).exists()
    assert values(admin_person, MARCH) == computed  # read from the stored counts
    for scope in ("hub:testlab", "region:lister-test", "org:889640782"):
        first = values(admin_person, MARCH, scope)  # computed, then stored
        assert values(admin_person, MARCH, scope) == first  # read back
    all_live(monkeypatch)
    assert values(admin_person, MARCH) == computed


def test_a_period_that_includes_today_is_not_stored(world, admin_person, monkeypatch):
    monkeypatch.setattr(rollup, "yesterday", lambda: dt.date(2025, 3, 4))
    values(admin_person, MARCH, compare=False)
    assert not SettledFigures.objects.filter(end=MARCH[1]).exists()


def test_a_changed_booking_drops_the_stored_figures_that_read_its_day(world, admin_person, ola):
    before = values(admin_person, MARCH)
    assert before["returning_users"] == 1  # Ola in January, February and March
    # Ola's January visit is inside March's six-month window for returning users.
    Booking.objects.filter(person=ola, start__date=dt.date(2025, 1, 15)).delete()
    assert not SettledFigures.objects.filter(start=MARCH[0], end=MARCH[1]).exists()
    after = values(admin_person, MARCH)
    assert after["returning_users"] == 0
    assert after["person_days"] == before["person_days"]


def test_rebuild_drops_pairs_and_stored_figures(world, admin_person):
    values(admin_person, YEAR)
    queries.pairs(None, None, *YEAR)
    assert OrgPair.objects.exists() and SettledFigures.objects.exists()
    rollup.rebuild()
    assert not OrgPair.objects.exists()
    assert not RolledPairs.objects.exists()
    assert not SettledFigures.objects.exists()
    assert values(admin_person, YEAR)["organization_pairs"] == 2
