"""GET /api/v1/indicators: the shape, and bad input as 422 {code, detail}."""

import pytest

from .conftest import MONDAY, SUNDAY

pytestmark = pytest.mark.django_db
UNITS = {
    "people",
    "organizations",
    "person_days",
    "days",
    "hours",
    "events",
    "clusters",
    "projects",
    "ratio",
    "nok",
}


def test_it_answers_scope_period_and_figures(world, admin_person, api_as):
    response = api_as(admin_person).get(
        "/api/v1/indicators", scope="all", **{"from": MONDAY.isoformat(), "to": SUNDAY.isoformat()}
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["scope"], body["from"], body["to"]) == ("all", "2025-03-03", "2025-03-09")
    figures = {f["key"]: f for f in body["figures"]}
    assert figures["person_days"]["value"] == 7
    assert figures["person_days"]["goal"] is None
    assert figures["remote_person_days"]["goal"] == 3
    assert {f["unit"] for f in body["figures"]} <= UNITS
    assert all(
        set(f) >= {"key", "label", "goal", "unit", "value", "suppressed"} for f in body["figures"]
    )


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"scope": "galaxy:far", "from": "2025-03-03", "to": "2025-03-09"}, "invalid_scope"),
        ({"scope": "all", "from": "2025-03-09", "to": "2025-03-03"}, "invalid_period"),
        ({"scope": "all", "from": "2020-01-01", "to": "2025-03-03"}, "invalid_period"),
    ],
)
def test_bad_input_is_a_422_with_a_code(admin_person, api_as, params, code):
    response = api_as(admin_person).get("/api/v1/indicators", **params)
    assert response.status_code == 422
    assert response.json()["code"] == code


def test_a_malformed_date_is_a_422(admin_person, api_as):
    response = api_as(admin_person).get(
        "/api/v1/indicators", scope="all", **{"from": "yesterday", "to": "2025-03-09"}
    )
    assert response.status_code == 422
    assert set(response.json()) >= {"code", "detail"}


def test_unknown_hub_is_not_found(admin_person, api_as):
    response = api_as(admin_person).get(
        "/api/v1/indicators", scope="hub:nowhere", **{"from": "2025-03-03", "to": "2025-03-09"}
    )
    assert response.status_code == 404


def test_it_is_in_the_openapi_schema(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/indicators" in schema["paths"]
