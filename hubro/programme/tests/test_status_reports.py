"""Filing a pilot's status report: progress per sub-project, risks, needs."""

import datetime as dt

import pytest
from django.urls import reverse

from hubro.core.errors import Conflict, Invalid, NotFound
from hubro.programme import actions
from hubro.programme.models import StatusReport

pytestmark = pytest.mark.django_db


def _form(stimulab, **extra):
    data = {
        "period_start": "2024-03-01",
        "period_end": "2024-03-31",
        "summary": "Mars gikk bra",
        "risks": "Få brukere fra staten",
        "needs": "Hjelp med å måle bruk",
        f"progress_{stimulab.pk}": "Workshop med fylket",
    }
    data.update(extra)
    return data


def test_steering_member_files_a_report_with_progress_per_sub_project(
    client, siri, lister, stimulab
):
    client.force_login(siri)
    url = reverse("programme:status_report_new", args=["lister"])
    form = client.get(url)
    assert f'name="progress_{stimulab.pk}"' in form.content.decode()
    response = client.post(url, _form(stimulab))
    report = StatusReport.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("programme:status_report", args=["lister", report.pk])
    assert (report.filed_by, report.needs) == (siri, "Hjelp med å måle bruk")
    assert [(line.project, line.progress) for line in report.lines.all()] == [
        (stimulab, "Workshop med fylket")
    ]
    listing = client.get(reverse("programme:status_reports", args=["lister"])).content.decode()
    assert "Mars gikk bra" in listing


def test_period_that_ends_before_it_starts_is_a_field_error(client, siri, stimulab):
    client.force_login(siri)
    response = client.post(
        reverse("programme:status_report_new", args=["lister"]),
        _form(stimulab, period_end="2024-02-01"),
    )
    assert response.status_code == 422
    assert "Perioden kan ikke slutte før den begynner" in response.content.decode()
    assert not StatusReport.objects.exists()


def test_same_period_twice_is_refused_on_the_form(client, siri, stimulab):
    client.force_login(siri)
    url = reverse("programme:status_report_new", args=["lister"])
    client.post(url, _form(stimulab))
    response = client.post(url, _form(stimulab))
    assert response.status_code == 422
    assert "allerede en statusrapport" in response.content.decode()
    assert StatusReport.objects.count() == 1


def test_owner_and_outsiders_cannot_file(client, dina, kari, lister):
    for person in (dina, kari):
        client.force_login(person)
        url = reverse("programme:status_report_new", args=["lister"])
        assert client.get(url).status_code == 404


def test_action_refuses_progress_for_another_pilots_project(siri, lister, ofoten, hub):
    from hubro.community.actions import create_project
    from hubro.programme.models import PilotSubProject

    other = create_project(title="Narvik-prosjekt", hub=hub, status="ongoing", actor=None)
    PilotSubProject.objects.create(pilot=ofoten, project=other)
    with pytest.raises(Invalid) as exc:
        actions.file_status_report(
            lister,
            period_start=dt.date(2024, 1, 1),
            period_end=dt.date(2024, 1, 31),
            progress={other.pk: "nope"},
            actor=siri,
        )
    assert exc.value.code == "unknown_sub_project"


def test_action_refuses_people_outside_the_pilot(kari, per, lister):
    with pytest.raises(NotFound):
        actions.file_status_report(
            lister, period_start=dt.date(2024, 1, 1), period_end=dt.date(2024, 1, 31), actor=kari
        )
    # Per sees the programme (he steers Ofoten) but may not report for Lister.
    with pytest.raises(Invalid) as exc:
        actions.file_status_report(
            lister, period_start=dt.date(2024, 1, 1), period_end=dt.date(2024, 1, 31), actor=per
        )
    assert exc.value.code == "forbidden"


def test_api_files_and_lists_a_report(api_as, ola, ola_leads, stimulab):
    api = api_as(ola)
    response = api.post(
        "/api/v1/pilots/lister/status-reports",
        {
            "period_start": "2024-04-01",
            "period_end": "2024-04-30",
            "needs": "Svar på søknaden",
            "progress": [{"project": "stimulab", "progress": "Pilot i to kommuner"}],
        },
    )
    assert response.status_code == 201, response.content
    assert response.json()["lines"] == [
        {"project": "stimulab", "title": "Stimulab", "progress": "Pilot i to kommuner"}
    ]
    again = api.post(
        "/api/v1/pilots/lister/status-reports",
        {"period_start": "2024-04-01", "period_end": "2024-04-30"},
    )
    assert again.status_code == 409
    assert again.json()["code"] == "report_exists"
    bad = api.post(
        "/api/v1/pilots/lister/status-reports",
        {"period_start": "2024-05-01", "period_end": "nope"},
    )
    assert bad.status_code == 422
    listed = api.get("/api/v1/pilots/lister/status-reports").json()
    assert [r["needs"] for r in listed] == ["Svar på søknaden"]


def test_conflict_error_type(siri, lister):
    actions.file_status_report(
        lister, period_start=dt.date(2024, 1, 1), period_end=dt.date(2024, 1, 31), actor=siri
    )
    with pytest.raises(Conflict):
        actions.file_status_report(
            lister, period_start=dt.date(2024, 1, 1), period_end=dt.date(2024, 1, 31), actor=siri
        )


def test_api_refuses_a_nul_character_with_422_and_files_nothing(api_as, ola, ola_leads, stimulab):
    # PostgreSQL cannot store NUL in text; the form refuses it, so must the API (not a 500).
    api = api_as(ola)
    for payload in (
        {"summary": "Mars\u0000gikk bra"},
        {"risks": "\u0000"},
        {"progress": [{"project": "stimulab", "progress": "Pilot\u0000"}]},
    ):
        response = api.post(
            "/api/v1/pilots/lister/status-reports",
            {"period_start": "2024-04-01", "period_end": "2024-04-30", **payload},
        )
        assert response.status_code == 422, response.content
        assert response.json()["code"] == "invalid_text"
    assert not StatusReport.objects.exists()
