"""Coverage and runway: costs per year against signed and intended income."""

import datetime as dt
from decimal import Decimal

import pytest

from hubro.finance import actions
from hubro.finance.coverage import costs_by_year, runway, year_coverage
from hubro.finance.models import CostLine

D = Decimal


@pytest.mark.django_db
def test_a_fit_out_spread_over_three_years_counts_a_third_each_year(hub):
    CostLine.objects.create(
        hub=hub, year=2024, category="fit_out", planned=D("100000.00"), spread_years=3
    )
    assert costs_by_year(hub, [2023, 2024, 2025, 2026, 2027]) == {
        2023: D("0.00"),
        2024: D("33333.34"),
        2025: D("33333.33"),
        2026: D("33333.33"),
        2027: D("0.00"),
    }


@pytest.mark.django_db
def test_the_actual_amount_counts_once_it_is_entered(hub):
    CostLine.objects.create(hub=hub, year=2025, category="rent", planned=D("10.00"))
    CostLine.objects.create(
        hub=hub, year=2025, category="operation", planned=D("10.00"), actual=D("12.50")
    )
    assert costs_by_year(hub, [2025])[2025] == D("22.50")


@pytest.mark.django_db
def test_income_is_split_by_status_and_prorated_by_days(hub, vera, nav, lyngdal_kommune):
    CostLine.objects.create(hub=hub, year=2025, category="rent", planned=D("100000.00"))
    actions.save_agreement(
        hub,
        actor=vera,
        organization=nav,
        starts_on=dt.date(2025, 1, 1),
        ends_on=dt.date(2025, 12, 31),
        status="signed",
        basis="fixed",
        yearly_amount=D("36500"),
    )
    actions.save_agreement(
        hub,
        actor=vera,
        organization=lyngdal_kommune,
        starts_on=dt.date(2025, 1, 1),
        ends_on=dt.date(2025, 6, 30),
        status="intent",
        basis="fixed",
        yearly_amount=D("36500"),
    )
    row = year_coverage(hub, 2025)
    assert row.income_signed == D("36500.00")
    assert row.income_intent == D("18100.00")  # 181 of 365 days
    assert row.gap == D("45400.00")
    assert row.coverage == D("0.5460")


@pytest.mark.django_db
def test_a_draft_brings_no_income(hub, vera, nav):
    CostLine.objects.create(hub=hub, year=2025, category="rent", planned=D("100.00"))
    actions.save_agreement(
        hub,
        actor=vera,
        organization=nav,
        starts_on=dt.date(2025, 1, 1),
        ends_on=dt.date(2025, 12, 31),
        status="draft",
        basis="fixed",
        yearly_amount=D("100"),
    )
    assert year_coverage(hub, 2025).gap == D("100.00")


@pytest.mark.django_db
def test_project_overhead_is_a_percentage_of_its_granted_funding(hub, vera):
    from hubro.community.models import FundingLine, Project

    project = Project.objects.create(title="Stimulab", slug="stimulab", hub=hub)
    FundingLine.objects.create(
        project=project, source="A", amount=D("200000"), year=2025, status="granted"
    )
    FundingLine.objects.create(
        project=project, source="B", amount=D("900000"), year=2025, status="applied"
    )
    FundingLine.objects.create(
        project=project, source="C", amount=D("50000"), year=2024, status="granted"
    )
    CostLine.objects.create(hub=hub, year=2025, category="rent", planned=D("100000.00"))
    actions.save_agreement(
        hub,
        actor=vera,
        project=project,
        starts_on=dt.date(2025, 1, 1),
        ends_on=dt.date(2025, 12, 31),
        status="signed",
        basis="percent",
        percentage=D("7.5"),
    )
    assert year_coverage(hub, 2025).income_signed == D("15000.00")


@pytest.mark.django_db
def test_share_agreements_bring_the_share_under_the_chosen_key(hub, vera, nav, lyngdal_kommune):
    CostLine.objects.create(hub=hub, year=2025, category="rent", planned=D("1000.00"))
    for org in (nav, lyngdal_kommune):
        actions.save_agreement(
            hub,
            actor=vera,
            organization=org,
            starts_on=dt.date(2025, 1, 1),
            ends_on=dt.date(2025, 12, 31),
            status="intent",
            basis="share",
        )
    assert year_coverage(hub, 2025).income_intent == D("0.00")  # no key chosen yet
    actions.choose_key(hub, 2025, "equal", actor=vera)
    row = year_coverage(hub, 2025)
    assert row.income_intent == D("1000.00")
    assert row.covered


@pytest.mark.django_db
def test_runway_names_the_first_uncovered_year_and_warns_about_next_year(hub, vera, nav):
    for year in (2025, 2026, 2027):
        CostLine.objects.create(hub=hub, year=year, category="rent", planned=D("1000.00"))
    actions.save_agreement(
        hub,
        actor=vera,
        organization=nav,
        starts_on=dt.date(2025, 1, 1),
        ends_on=dt.date(2025, 12, 31),
        status="signed",
        basis="fixed",
        yearly_amount=D("1000"),
    )
    result = runway(hub, today=dt.date(2025, 11, 1))
    assert [row.year for row in result.rows] == [2025, 2026, 2027]
    assert result.runs_out_in == 2026
    assert result.next_year.year == 2026
    assert result.warning


@pytest.mark.django_db
def test_demo_narvik_runs_out_in_2025_and_warns(places):
    from hubro.core.demo import build_demo
    from hubro.spaces.models import Hub

    build_demo(today=dt.date(2026, 11, 28))
    narvik = Hub.objects.get(slug="sentrumsgarden-narvik")
    result = runway(narvik, today=dt.date(2026, 11, 28))
    by_year = {row.year: row for row in result.rows}
    first = by_year[2024]
    assert D("950000") <= first.costs <= D("1050000")  # about 1 MNOK the first year
    assert first.covered
    assert result.runs_out_in == 2025
    assert by_year[2025].gap > D("500000")
    assert by_year[2026].income == 0
    assert by_year[2026].gap == by_year[2026].costs > 0
    assert result.warning
    lister = Hub.objects.get(slug="regionlab-lister")
    lister_runway = runway(lister, today=dt.date(2026, 11, 28))
    assert lister_runway.runs_out_in is None
    assert all(row.covered for row in lister_runway.rows)
    assert {row.year for row in lister_runway.rows if row.income_intent} >= {2025, 2026, 2027}
    assert not lister_runway.warning


@pytest.mark.django_db
def test_a_year_short_by_one_ore_never_reads_as_fully_covered(api_as, hub, vera, nav):
    CostLine.objects.create(hub=hub, year=2025, category="rent", planned=D("100000.00"))
    actions.save_agreement(
        hub,
        actor=vera,
        organization=nav,
        starts_on=dt.date(2025, 1, 1),
        ends_on=dt.date(2025, 12, 31),
        status="signed",
        basis="fixed",
        yearly_amount=D("99999.99"),
    )
    row = year_coverage(hub, 2025)
    assert row.gap == D("0.01")
    assert row.coverage == D("0.9999")
    assert row.coverage_percent == D("99")
    years = api_as(vera).get(f"/api/v1/hubs/{hub.slug}/finance/coverage").json()["years"]
    assert [y["coverage"] for y in years if y["year"] == 2025] == ["0.99"]
