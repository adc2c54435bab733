"""Status reports and assessments reach the pilot's own steering group, the programme
owner and the evaluators, and nobody else (pages and API answer 404)."""

import datetime as dt

import pytest
from django.urls import reverse

from hubro.programme import actions

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(lister, ola, ola_leads, stimulab):
    return actions.file_status_report(
        lister,
        period_start=dt.date(2024, 2, 1),
        period_end=dt.date(2024, 2, 29),
        summary="Labben er i jevn bruk",
        risks="Husleien etter 2025",
        needs="Avklaring om videre finansiering",
        progress={stimulab.pk: "Ny versjon av arealkartet"},
        actor=ola,
    )


@pytest.fixture
def assessment(lister, eirik, ola_leads):
    return actions.record_assessment(
        lister,
        milestone="midway",
        assessed_on=dt.date(2023, 6, 1),
        summary="God framdrift i labben",
        recommendations="Konsentrer innsatsen",
        goal_scores={1: (4, "Sterkt fagmiljø"), 4: (3, "Klynger i gang")},
        success_factors={"leadership": "Kommunedirektøren stiller opp"},
        barriers={"short_funding": "Usikker drift etter 2025"},
        actor=eirik,
    )


def _report_urls(report):
    return [
        reverse("programme:status_reports", args=["lister"]),
        reverse("programme:status_report", args=["lister", report.pk]),
    ]


@pytest.mark.parametrize("who", ["ola", "siri", "dina", "eirik"])
def test_steering_group_owner_and_evaluator_see_status_reports(request, client, report, who):
    person = request.getfixturevalue(who)
    client.force_login(person)
    for url in _report_urls(report):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Husleien etter 2025" in response.content.decode() or url.endswith(
            "statusrapporter/"
        )


@pytest.mark.parametrize("who", ["kari", "per"])
def test_status_reports_do_not_leak_to_others(request, client, api_as, report, who):
    person = request.getfixturevalue(who)
    client.force_login(person)
    for url in _report_urls(report):
        assert client.get(url).status_code == 404, url
    assert api_as(person).get("/api/v1/pilots/lister/status-reports").status_code == 404


def test_other_pilots_steering_group_sees_the_pilot_but_no_reports(client, per, report):
    client.force_login(per)
    page = client.get(reverse("programme:pilot", args=["lister"]))
    assert page.status_code == 200
    assert "Statusrapporter" not in page.content.decode()


@pytest.mark.parametrize("who", ["ola", "siri", "dina", "eirik"])
def test_assessment_visible_to_steering_owner_and_evaluator(
    request, client, api_as, assessment, who
):
    person = request.getfixturevalue(who)
    client.force_login(person)
    response = client.get(reverse("programme:assessment", args=[assessment.pk]))
    assert response.status_code == 200
    assert "Sterkt fagmiljø" in response.content.decode()
    data = api_as(person).get(f"/api/v1/assessments/{assessment.pk}").json()
    assert data["goal_scores"][0] == {"goal": 1, "score": 4, "text": "Sterkt fagmiljø"}
    assert data["barriers"][0]["code"] == "short_funding"


@pytest.mark.parametrize("who", ["kari", "per"])
def test_assessments_do_not_leak(request, client, api_as, assessment, who):
    person = request.getfixturevalue(who)
    client.force_login(person)
    assert client.get(reverse("programme:assessment", args=[assessment.pk])).status_code == 404
    api = api_as(person)
    assert api.get(f"/api/v1/assessments/{assessment.pk}").status_code == 404
    assert api.get("/api/v1/pilots/lister/assessments").status_code == 404
    assert api.get("/api/v1/assessments").json() == []


def test_programme_page_hides_other_pilots_assessments(client, per, assessment, ofoten):
    client.force_login(per)
    page = client.get(reverse("programme:programme", args=["statens-hus"])).content.decode()
    assert "Sterkt fagmiljø" not in page
    assert "bare synlige for pilotens styringsgruppe" in page


def test_programme_not_found_for_outsider(client, api_as, kari, lister):
    client.force_login(kari)
    assert client.get(reverse("programme:programme", args=["statens-hus"])).status_code == 404
    assert client.get(reverse("programme:pilot", args=["lister"])).status_code == 404
    api = api_as(kari)
    assert api.get("/api/v1/programmes").json() == []
    assert api.get("/api/v1/programmes/statens-hus").status_code == 404
    assert api.get("/api/v1/pilots/lister").status_code == 404


def test_owner_lists_programme_and_all_assessments(api_as, dina, assessment, ofoten):
    api = api_as(dina)
    programmes = api.get("/api/v1/programmes").json()
    assert [p["slug"] for p in programmes] == ["statens-hus"]
    assert programmes[0]["budget"] in ("16000000.00", 16000000.0, "16000000")
    assert len(programmes[0]["goals"]) == 5
    assert [a["id"] for a in api.get("/api/v1/assessments").json()] == [assessment.pk]


def test_menu_entry_only_for_participants(client, kari, dina, lister):
    client.force_login(kari)
    assert reverse("programme:index") not in client.get("/").content.decode()
    client.force_login(dina)
    assert reverse("programme:index") in client.get("/").content.decode()


def test_the_steering_group_cannot_record_an_assessment(client, ola, ola_leads, lister):
    client.force_login(ola)
    assert client.get(reverse("programme:assessment_new", args=["lister"])).status_code == 404


def test_openapi_lists_programme_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/programmes",
        "/api/v1/programmes/{slug}",
        "/api/v1/pilots/{slug}",
        "/api/v1/pilots/{slug}/sub-projects",
        "/api/v1/pilots/{slug}/status-reports",
        "/api/v1/assessments",
        "/api/v1/assessments/{assessment_id}",
        "/api/v1/self-assessments/{hub_slug}",
    ):
        assert path in paths, path
