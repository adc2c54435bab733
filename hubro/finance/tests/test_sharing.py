"""Four organizations, known use: every key's shares match figures computed by hand.

Costs 100 000,00 kr; person-days Nav 1, Farsund 2, Kvinesdal 4, Lyngdal 0; employees
3, 3, 3, 2; fixed shares 40/30/20/10 %; base plus usage with a 25 % base."""

from decimal import Decimal

import pytest

from hubro.finance import actions
from hubro.finance.coverage import year_coverage
from hubro.finance.sharing import Source

from .conftest import YEAR

D = Decimal


@pytest.fixture
def keys_set_up(hub, vera, four, costs_2025, usage_2025):
    for kind in ("equal", "fixed", "usage", "employees"):
        actions.set_up_key(hub, YEAR, kind, actor=vera)
    actions.set_up_key(hub, YEAR, "base_usage", actor=vera, base_percent=D("25"))
    for org, weight, employees in zip(four, [40, 30, 20, 10], [3, 3, 3, 2], strict=True):
        actions.set_fixed_share(hub, YEAR, org, D(weight), actor=vera)
        actions.set_employee_count(hub, YEAR, org, employees, actor=vera)


def amounts(shares, kind):
    return [row.amount for row in shares.shares[kind]]


@pytest.mark.django_db
def test_shares_under_every_key_match_hand_computed_figures(hub, four, keys_set_up):
    shares = year_coverage(hub, YEAR).shares
    assert shares.costs == D("100000.00")
    assert [row.organization for row in shares.shares["equal"]] == four
    assert amounts(shares, "equal") == [D("25000.00")] * 4
    assert amounts(shares, "fixed") == [D("40000.00"), D("30000.00"), D("20000.00"), D("10000.00")]
    # 100 000 × 1/7, 2/7, 4/7: floors 14 285.71, 28 571.42, 57 142.85 leave 2 øre, which go
    # to the two largest shares.
    assert amounts(shares, "usage") == [D("14285.71"), D("28571.43"), D("57142.86"), D("0.00")]
    # 25 000 split equally (6 250 each) + 75 000 × 1/7, 2/7, 4/7 (the øre left to the largest).
    assert amounts(shares, "base_usage") == [
        D("16964.28"),
        D("27678.57"),
        D("49107.15"),
        D("6250.00"),
    ]
    # 100 000 × 3/11 = 27 272.72…, three times, + 2/11 = 18 181.81…: 3 øre to the three largest.
    assert amounts(shares, "employees") == [
        D("27272.73"),
        D("27272.73"),
        D("27272.73"),
        D("18181.81"),
    ]
    for kind, rows in shares.shares.items():
        assert sum(row.amount for row in rows) == D("100000.00"), kind


@pytest.mark.django_db
def test_each_share_is_also_given_per_person_day_of_own_use(hub, keys_set_up):
    rows = year_coverage(hub, YEAR).shares.shares["usage"]
    assert [row.person_days for row in rows] == [1, 2, 4, 0]
    assert [row.per_person_day for row in rows] == [
        D("14285.71"),
        D("14285.72"),
        D("14285.72"),
        None,
    ]


@pytest.mark.django_db
def test_only_the_keys_the_host_set_up_are_computed_unless_comparing(hub, vera, four, costs_2025):
    actions.set_up_key(hub, YEAR, "equal", actor=vera)
    assert list(year_coverage(hub, YEAR).shares.shares) == ["equal"]
    assert len(year_coverage(hub, YEAR, all_keys=True).shares.shares) == 5


@pytest.mark.django_db
def test_register_numbers_win_over_hand_entered_ones_and_say_so(
    hub, vera, four, costs_2025, monkeypatch
):
    from hubro.core.models import Region

    hub.region = Region.objects.get(slug="lister")
    hub.save()
    nav, farsund, _kvinesdal, _lyngdal = four
    actions.set_employee_count(hub, YEAR, nav, 3, actor=vera)
    actions.set_employee_count(hub, YEAR, farsund, 5, actor=vera)
    monkeypatch.setattr(
        "hubro.registry.queries.employees_by_organization",
        lambda region, orgnrs: {nav.orgnr: 7},
    )
    participants = year_coverage(hub, YEAR).shares.participants
    found = {p.organization.pk: (p.employees, p.employees_source) for p in participants}
    assert found[nav.pk] == (7, Source.REGISTER)
    assert found[farsund.pk] == (5, Source.MANUAL)
    assert found[four[2].pk] == (0, Source.MISSING)


@pytest.mark.django_db
def test_a_fixed_payer_is_left_out_of_the_sharing_and_its_amount_deducted(
    hub, vera, four, costs_2025
):
    import datetime as dt

    nav = four[0]
    actions.save_agreement(
        hub,
        actor=vera,
        organization=nav,
        starts_on=dt.date(YEAR, 1, 1),
        ends_on=dt.date(YEAR, 12, 31),
        status="signed",
        basis="fixed",
        yearly_amount=D("10000.00"),
    )
    actions.set_up_key(hub, YEAR, "equal", actor=vera)
    shares = year_coverage(hub, YEAR).shares
    assert shares.to_share == D("90000.00")
    assert [row.organization for row in shares.shares["equal"]] == four[1:]
    assert amounts(shares, "equal") == [D("30000.00")] * 3


@pytest.mark.django_db
def test_choosing_a_key_replaces_the_years_earlier_choice(hub, vera, four):
    actions.choose_key(hub, YEAR, "equal", actor=vera)
    actions.choose_key(hub, YEAR, "usage", actor=vera)
    assert year_coverage(hub, YEAR).shares.chosen == "usage"
