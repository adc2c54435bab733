"""The read API for clusters, projects and regions: shapes, filters, 404s, schema."""

import datetime as dt
from decimal import Decimal

import pytest

from conftest import ApiClient
from hubro.community.actions import (
    add_funding_line,
    add_project_partner,
    change_project_status,
    create_project,
)
from hubro.events.models import Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(cluster, world, nav, agder_fk):
    project = create_project(
        title="Felles vakt", cluster=cluster, created_on=dt.date(2024, 1, 1), actor=None
    )
    add_project_partner(project, organization=nav, role="owner", actor=None)
    add_funding_line(
        project,
        source="Fylket",
        amount=Decimal("1000.50"),
        year=2024,
        status="granted",
        funder=agder_fk,
        actor=None,
    )
    add_funding_line(project, source="Staten", amount="99.50", year=2025, actor=None)
    change_project_status(
        project,
        to_status="ongoing",
        changed_on=dt.date(2024, 2, 1),
        reason="Oppstart.",
        actor=None,
    )
    return project


def test_cluster_list_shape(cluster, kari):
    response = ApiClient(kari).get("/api/v1/clusters")
    assert response.status_code == 200
    assert response.json() == [
        {
            "slug": "landbruk",
            "name": "Landbruk",
            "topic": "Landbruk",
            "state": "active",
            "home_hubs": [{"slug": "testlab", "name": "Testlab"}],
            "organizations": 4,
            "projects": 0,
        }
    ]


def test_cluster_detail_has_members_counts_meetings_and_activity(
    cluster, project, kari, world, make_event
):
    make_event(
        world, title="Møte", start=dt.datetime(2025, 3, 3, 9, tzinfo=dt.UTC), cluster=cluster
    )
    make_event(
        world,
        title="Hemmelig",
        start=dt.datetime(2025, 3, 4, 9, tzinfo=dt.UTC),
        cluster=cluster,
        audience=Event.Audience.INVITED,
    )
    body = ApiClient(kari).get(f"/api/v1/clusters/{cluster.slug}").json()
    assert body["contact"] == {"name": "Ola Nordmann", "email": "ola@lyngdal.test"}
    assert {row["key"]: row["organizations"] for row in body["by_sector"]} == {
        "state": 1,
        "municipal": 2,
        "county": 1,
        "other": 0,
    }
    assert {row["key"]: row["organizations"] for row in body["by_level"]} == {
        "local": 1,
        "regional": 2,
        "national": 1,
    }
    ipr = next(o for o in body["member_organizations"] if o["orgnr"] == "123456785")
    assert ipr["sector"] == "inter_municipal" and ipr["sector_group"] == "municipal"
    assert [m["title"] for m in body["meetings"]] == ["Møte"]
    assert body["project_list"] == [
        {"slug": "felles-vakt", "title": "Felles vakt", "status": "ongoing"}
    ]
    assert body["activity"] == [
        {"year": 2024, "meetings": 0, "projects": 1},
        {"year": 2025, "meetings": 1, "projects": 0},
    ]


def test_project_detail_has_partners_funding_as_decimal_strings_and_history(project, kari):
    body = ApiClient(kari).get("/api/v1/projects/felles-vakt").json()
    assert body["status"] == "ongoing" and body["cluster"] == "landbruk" and body["hub"] is None
    assert body["partners"] == [
        {
            "organization": {
                "orgnr": "889640782",
                "name": "Arbeids- og velferdsetaten",
                "sector": "state",
                "sector_group": "state",
                "level": "national",
            },
            "role": "owner",
        }
    ]
    assert body["funding_lines"][0] == {
        "source": "Fylket",
        "funder": "921707134",
        "amount": "1000.50",
        "year": 2024,
        "status": "granted",
    }
    assert body["funding_totals"] == {
        "applied": "99.50",
        "granted": "1000.50",
        "rejected": "0.00",
        "total": "1100.00",
    }
    assert [
        (c["from_status"], c["to_status"], c["changed_on"], c["reason"])
        for c in body["status_history"]
    ] == [
        ("", "idea", "2024-01-01", "Registrert i Hubro."),
        ("idea", "ongoing", "2024-02-01", "Oppstart."),
    ]


def test_project_list_filters(project, project_at_hub, kari):
    api = ApiClient(kari)
    assert [p["slug"] for p in api.get("/api/v1/projects").json()] == [
        "felles-vakt",
        "prosjekt-pa-huben",
    ]
    assert [p["slug"] for p in api.get("/api/v1/projects", status="ongoing").json()] == [
        "felles-vakt"
    ]
    assert [p["slug"] for p in api.get("/api/v1/projects", sector="state").json()] == [
        "felles-vakt"
    ]
    assert [p["slug"] for p in api.get("/api/v1/projects", hub="testlab").json()] == [
        "felles-vakt",
        "prosjekt-pa-huben",
    ]
    assert api.get("/api/v1/projects", cluster="landbruk").json()[0]["slug"] == "felles-vakt"


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"status": "bogus"}, "invalid"),
        ({"sector": "inter_municipal"}, "invalid"),
        ({"hub": "finnes-ikke"}, "unknown_hub"),
        ({"cluster": "finnes-ikke"}, "unknown_cluster"),
    ],
)
def test_bad_project_filters_answer_422_with_a_code(kari, places, params, code):
    response = ApiClient(kari).get("/api/v1/projects", **params)
    assert response.status_code == 422
    assert response.json()["code"] == code


@pytest.mark.parametrize(
    "path", ["/api/v1/clusters/finnes-ikke", "/api/v1/projects/finnes-ikke", "/api/v1/regions/x"]
)
def test_unknown_things_are_404_with_a_code(kari, places, path):
    response = ApiClient(kari).get(path)
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_region_detail_shape_and_no_invited_only_leak(
    lister, world, cluster, project, kari, make_event, now
):
    make_event(world, title="Åpen", start=now + dt.timedelta(days=1))
    make_event(
        world, title="Lukket", start=now + dt.timedelta(days=1), audience=Event.Audience.INVITED
    )
    body = ApiClient(kari).get("/api/v1/regions/lister").json()
    assert body["slug"] == "lister" and body["kind"] == "ipr"
    assert [m["number"] for m in body["municipalities"]] == [
        "4206",
        "4207",
        "4226",
        "4227",
        "4225",
        "4228",
    ]
    assert body["hubs"] == [{"slug": "testlab", "name": "Testlab"}]
    assert [e["title"] for e in body["upcoming_events"]] == ["Åpen"]
    assert body["clusters"] == [{"slug": "landbruk", "name": "Landbruk"}]
    assert [p["slug"] for p in body["projects"]] == ["felles-vakt"]


def test_region_list(kari, world, lister):
    regions = {r["slug"]: r for r in ApiClient(kari).get("/api/v1/regions").json()}
    assert regions["lister"] == {
        "slug": "lister",
        "name": lister.name,
        "kind": "ipr",
        "municipalities": 6,
        "hubs": 1,
    }


def test_every_endpoint_needs_a_token(places):
    for path in ("/api/v1/clusters", "/api/v1/projects", "/api/v1/regions/lister"):
        assert ApiClient().get(path).status_code == 401


def test_the_endpoints_are_in_the_openapi_schema(kari, places):
    schema = ApiClient(kari).get("/api/v1/openapi.json").json()
    for path in (
        "/api/v1/clusters",
        "/api/v1/clusters/{slug}",
        "/api/v1/projects",
        "/api/v1/projects/{slug}",
        "/api/v1/regions",
        "/api/v1/regions/{slug}",
    ):
        assert "get" in schema["paths"][path], path
    assert "ProjectDetailOut" in schema["components"]["schemas"]
