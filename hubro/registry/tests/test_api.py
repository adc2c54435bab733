import pytest

from .expected import NAV, STATE_UNITS_SECOND


@pytest.mark.django_db
def test_municipality_units_have_the_fixed_shape(both, kari, api_as):
    response = api_as(kari).get("/api/v1/registry/municipalities/4225/units")
    assert response.status_code == 200
    body = response.json()
    assert {(u["name"], u["agency"]["orgnr"], u["employees"]) for u in body} == STATE_UNITS_SECOND[
        "4225"
    ]
    nav = next(u for u in body if u["name"] == "NAV LYNGDAL")
    assert set(nav) == {"orgnr", "name", "agency", "sector", "employees", "address", "nace"}
    assert nav["agency"] == {"orgnr": NAV, "name": "ARBEIDS- OG VELFERDSETATEN"}
    assert nav["sector"] == "state"
    assert nav["address"]["municipality_number"] == "4225"
    assert nav["nace"]["code"] == "84.120"


@pytest.mark.django_db
def test_all_sectors_on_request(both, kari, api_as):
    body = api_as(kari).get("/api/v1/registry/municipalities/4225/units", sector="all").json()
    assert {u["sector"] for u in body} == {"state", "municipal", "county"}


@pytest.mark.django_db
def test_region_units(both, kari, api_as):
    body = api_as(kari).get("/api/v1/registry/regions/ofoten/units").json()
    assert {u["name"] for u in body} == {
        n for n, _a, _e in STATE_UNITS_SECOND["1806"] | STATE_UNITS_SECOND["5503"]
    }


@pytest.mark.django_db
def test_changes_by_municipality_and_by_region_between_dates(both, kari, api_as):
    client = api_as(kari)
    body = client.get("/api/v1/registry/changes", municipality="4227").json()
    assert [(c["name"], c["kind"]) for c in body] == [("MATTILSYNET KVINESDAL", "moved")]
    moved = body[0]
    assert moved["before"] == {"municipality": "4227", "employees": 7}
    assert moved["after"] == {"municipality": "4225", "employees": 7}
    assert moved["agency"]["name"] == "MATTILSYNET"
    region = client.get("/api/v1/registry/changes", region="lister").json()
    assert {c["name"] for c in region} == {
        "NAV SIRDAL",
        "SKATTEETATEN FLEKKEFJORD",
        "MATTILSYNET KVINESDAL",
        "LYNGDAL KULTURHUS",
    }
    dated = client.get(
        "/api/v1/registry/changes", region="lister", **{"from": "2025-04-01"}
    ).json()
    assert "NAV SIRDAL" not in {c["name"] for c in dated}
    early = client.get("/api/v1/registry/changes", region="lister", to="2025-04-01").json()
    assert [c["name"] for c in early] == ["NAV SIRDAL"]
    assert early[0]["kind"] == "closed" and early[0]["date"] == "2025-03-31"


@pytest.mark.django_db
def test_bad_requests_answer_with_a_code(both, kari, api_as):
    client = api_as(kari)
    assert client.get("/api/v1/registry/municipalities/9999/units").status_code == 404
    assert client.get("/api/v1/registry/regions/nowhere/units").status_code == 404
    response = client.get("/api/v1/registry/changes")
    assert response.status_code == 422 and response.json()["code"] == "area_required"
    response = client.get("/api/v1/registry/changes", municipality="4225", to="yesterday")
    assert response.status_code == 422 and response.json()["code"] == "invalid_date"


@pytest.mark.django_db
def test_the_api_needs_a_token(both, api_as):
    assert api_as().get("/api/v1/registry/municipalities/4225/units").status_code == 401


@pytest.mark.django_db
def test_the_endpoints_are_in_the_openapi_schema(places, kari, api_as):
    from hubro.api.urls import api

    paths = api.get_openapi_schema()["paths"]
    assert "/api/v1/registry/municipalities/{number}/units" in paths
    assert "/api/v1/registry/regions/{slug}/units" in paths
    assert "/api/v1/registry/changes" in paths
