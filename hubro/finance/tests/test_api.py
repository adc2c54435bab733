"""The finance API: the fixed year endpoint and the read endpoints, in the schema."""

import datetime as dt
from decimal import Decimal

import pytest

from hubro.finance import actions

from .conftest import YEAR


@pytest.fixture
def set_up(hub, vera, four, costs_2025, usage_2025):
    actions.set_up_key(hub, YEAR, "equal", actor=vera)
    actions.choose_key(hub, YEAR, "usage", actor=vera)
    nav = four[0]
    actions.save_agreement(
        hub,
        actor=vera,
        organization=nav,
        starts_on=dt.date(YEAR, 1, 1),
        ends_on=dt.date(YEAR, 12, 31),
        status="intent",
        basis="share",
    )


@pytest.mark.django_db
def test_the_year_endpoint_has_the_fixed_shape_with_only_the_keys_set_up(
    api_as, hub, vera, four, set_up
):
    response = api_as(vera).get(f"/api/v1/hubs/{hub.slug}/finance/{YEAR}")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {
        "year",
        "costs_total",
        "income_signed",
        "income_intent",
        "coverage",
        "gap",
        "shares",
    }
    assert body["year"] == YEAR
    assert body["costs_total"] == "100000.00"
    assert body["income_signed"] == "0.00"
    assert body["income_intent"] == "14285.71"
    assert body["gap"] == "85714.29"
    assert body["coverage"] == "0.14"
    assert set(body["shares"]) == {"equal", "usage"}
    assert body["shares"]["usage"][0] == {
        "orgnr": four[0].orgnr,
        "name": four[0].name,
        "amount": "14285.71",
    }
    assert sum(Decimal(row["amount"]) for row in body["shares"]["equal"]) == Decimal("100000.00")


@pytest.mark.django_db
def test_the_read_endpoints_answer_for_the_host(api_as, hub, vera, four, set_up):
    api = api_as(vera)
    budget = api.get(f"/api/v1/hubs/{hub.slug}/finance/{YEAR}/budget").json()
    assert budget["costs_total"] == "100000.00"
    assert {line["counted_this_year"] for line in budget["lines"]} == {"60000.00", "40000.00"}
    shares = api.get(f"/api/v1/hubs/{hub.slug}/finance/{YEAR}/shares").json()
    assert shares["chosen"] == "usage"
    assert shares["set_up"] == ["equal", "usage"]
    assert len(shares["keys"]) == 5
    assert shares["keys"]["usage"][3]["per_person_day"] is None
    coverage = api.get(f"/api/v1/hubs/{hub.slug}/finance/coverage").json()
    assert any(row["year"] == YEAR and row["gap"] == "85714.29" for row in coverage["years"])
    assert coverage["runs_out_in"] == YEAR
    agreements = api.get(f"/api/v1/hubs/{hub.slug}/finance/agreements").json()
    assert agreements[0]["basis"] == "share"
    one = api.get(f"/api/v1/finance/agreements/{agreements[0]['id']}").json()
    assert one["orgnr"] == four[0].orgnr
    statement = api.get(f"/api/v1/hubs/{hub.slug}/finance/{YEAR}/statements/{four[0].orgnr}")
    assert statement.status_code == 200
    body = statement.json()
    assert body["buyer"]["orgnr"] == four[0].orgnr
    assert body["lines"][0]["vat_category"] == "E"
    assert body["total"] == "14285.71"


@pytest.mark.django_db
def test_a_bad_year_is_a_422_and_an_unknown_hub_a_404(api_as, vera, hub):
    api = api_as(vera)
    assert api.get(f"/api/v1/hubs/{hub.slug}/finance/1800").status_code == 422
    assert api.get("/api/v1/hubs/nowhere/finance/2025").status_code == 404


@pytest.mark.django_db
def test_every_finance_endpoint_is_in_the_openapi_schema(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in [
        "/api/v1/hubs/{slug}/finance/{year}",
        "/api/v1/hubs/{slug}/finance/{year}/budget",
        "/api/v1/hubs/{slug}/finance/{year}/shares",
        "/api/v1/hubs/{slug}/finance/{year}/statements/{orgnr}",
        "/api/v1/hubs/{slug}/finance/coverage",
        "/api/v1/hubs/{slug}/finance/agreements",
        "/api/v1/finance/agreements/{agreement_id}",
    ]:
        assert "get" in paths[path], path
