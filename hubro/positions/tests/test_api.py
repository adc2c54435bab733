"""The positions API: list open ones, register, record hires."""

import datetime as dt

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_a_coordinator_registers_a_position_and_a_hire(api_as, hub, nav, nav_coordinator, kari):
    api = api_as(nav_coordinator)
    deadline = (timezone.localdate() + dt.timedelta(days=10)).isoformat()
    created = api.post(
        "/api/v1/positions",
        {
            "title": "Seniorrådgiver",
            "organization": nav.orgnr,
            "hubs": [hub.slug],
            "announcement_url": "https://example.org/utlysning",
            "deadline": deadline,
        },
    )
    assert created.status_code == 201, created.content
    position = created.json()
    assert position["hubs"] == [hub.slug] and position["organization"] == nav.orgnr
    listed = api_as(kari).get("/api/v1/positions", hub=hub.slug).json()
    assert [item["title"] for item in listed] == ["Seniorrådgiver"]
    hire = api.post(f"/api/v1/positions/{position['id']}/hires", {"hub": hub.slug, "count": 2})
    assert hire.status_code == 201 and hire.json()["count"] == 2
    refused = api_as(kari).post(
        f"/api/v1/positions/{position['id']}/hires", {"hub": hub.slug, "count": 1}
    )
    assert refused.status_code == 404


@pytest.mark.parametrize(
    "change, code",
    [
        ({"hubs": ["finnes-ikke"]}, "unknown_hub"),
        ({"announcement_url": "ftp://x"}, "invalid_url"),
        ({"deadline": "2000-01-01"}, "deadline_before_announced"),
        ({"organization": "000000000"}, "unknown_organization"),
        ({"hubs": []}, "invalid"),
    ],
)
def test_bad_input_answers_422_with_a_code(api_as, hub, nav, nav_coordinator, change, code):
    data = {
        "title": "X",
        "organization": nav.orgnr,
        "hubs": [hub.slug],
        "announcement_url": "https://example.org/x",
        "deadline": "2099-01-01",
        **change,
    }
    response = api_as(nav_coordinator).post("/api/v1/positions", data)
    assert response.status_code == 422 and response.json()["code"] == code
