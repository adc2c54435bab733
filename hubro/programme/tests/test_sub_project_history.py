"""A sub-project's history shows every status change with its date and reason."""

import datetime as dt

import pytest
from django.urls import reverse

from hubro.programme import actions
from hubro.programme.models import PilotSubProject

pytestmark = pytest.mark.django_db


def test_history_page_shows_every_change_with_date_and_reason(client, dina, lister, ai_project):
    client.force_login(dina)
    response = client.get(reverse("programme:sub_project", args=["lister", ai_project.slug]))
    assert response.status_code == 200
    page = response.content.decode()
    for text in (
        "Prosjektlederen sluttet",
        "Ny prosjektleder på plass",
        "Drives videre av kommunen",
        "Overlevert til Lyngdal kommune",
        "1. september 2022",
        "15. januar 2023",
        "2. mai 2024",
    ):
        assert text in page, text
    # Four rows: registered, paused, resumed, handed over.
    assert page.count("<tr>") - 1 == 4


def test_history_page_names_the_project_it_was_merged_into(client, dina, merged_project):
    client.force_login(dina)
    response = client.get(reverse("programme:sub_project", args=["lister", merged_project.slug]))
    page = response.content.decode()
    assert "Slått sammen med Stimulab" in page
    assert "Samme mål som Stimulab" in page


def test_pilot_page_lists_sub_projects_with_their_last_change(client, ola, ola_leads, ai_project):
    client.force_login(ola)
    page = client.get(reverse("programme:pilot", args=["lister"])).content.decode()
    assert "KI i forvaltningen" in page
    assert "Drives videre av kommunen" in page


def test_api_returns_every_change_in_order(api_as, dina, lister, ai_project, merged_project):
    response = api_as(dina).get("/api/v1/pilots/lister/sub-projects")
    assert response.status_code == 200
    by_slug = {p["slug"]: p for p in response.json()}
    history = by_slug[ai_project.slug]["history"]
    assert [(h["changed_on"], h["to_status"]) for h in history] == [
        ("2022-02-01", "ongoing"),
        ("2022-09-01", "paused"),
        ("2023-01-15", "ongoing"),
        ("2024-05-02", "handed_over"),
    ]
    assert history[1]["reason"] == "Prosjektlederen sluttet"
    assert history[3]["handed_over_to"]["name"] == "Lyngdal kommune"
    merged = by_slug[merged_project.slug]["history"][-1]
    assert merged["merged_into"] == "stimulab"
    assert merged["reason"] == "Samme mål som Stimulab"


def test_pilot_api_includes_history_and_leaders(api_as, dina, lister, ola_leads, ai_project):
    data = api_as(dina).get("/api/v1/pilots/lister").json()
    assert data["leaders"][0]["name"] == "Ola Nordmann"
    assert len(data["sub_projects"][-1]["history"]) == 4


def test_history_is_not_found_for_someone_outside_the_programme(client, api_as, kari, ai_project):
    client.force_login(kari)
    url = reverse("programme:sub_project", args=["lister", ai_project.slug])
    assert client.get(url).status_code == 404
    assert api_as(kari).get("/api/v1/pilots/lister/sub-projects").status_code == 404


def test_status_change_through_programme_goes_into_the_projects_history(dina, lister, stimulab):
    link = PilotSubProject.objects.get(project=stimulab)
    actions.change_sub_project_status(
        link,
        to_status="paused",
        changed_on=dt.date(2024, 1, 5),
        reason="Venter på finansiering",
        actor=dina,
    )
    last = stimulab.status_history.order_by("pk").last()
    assert (last.to_status, last.reason, last.changed_on) == (
        "paused",
        "Venter på finansiering",
        dt.date(2024, 1, 5),
    )


def test_outsider_cannot_change_a_sub_projects_status(kari, lister, stimulab):
    from hubro.core.errors import NotFound

    link = PilotSubProject.objects.get(project=stimulab)
    with pytest.raises(NotFound):
        actions.change_sub_project_status(
            link, to_status="paused", changed_on=dt.date(2024, 1, 5), reason="x", actor=kari
        )


def test_steering_member_changes_status_on_the_page_and_it_joins_the_history(
    client, siri, lister, stimulab
):
    client.force_login(siri)
    url = reverse("programme:sub_project", args=["lister", stimulab.slug])
    response = client.post(
        url,
        {"to_status": "paused", "changed_on": "2024-02-01", "reason": "Venter på svar fra fylket"},
    )
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "Venter på svar fra fylket" in page
    assert "1. februar 2024" in page
    missing_reason = client.post(url, {"to_status": "ongoing", "changed_on": "2024-03-01"})
    assert missing_reason.status_code == 422
    assert stimulab.status_history.count() == 2


def test_people_who_only_see_the_pilot_cannot_change_status(client, per, lister, stimulab):
    client.force_login(per)
    url = reverse("programme:sub_project", args=["lister", stimulab.slug])
    page = client.get(url)
    assert page.status_code == 200
    assert "Endre status" not in page.content.decode()
    response = client.post(url, {"to_status": "paused", "changed_on": "2024-02-01", "reason": "x"})
    assert response.status_code == 404
    assert stimulab.status_history.count() == 1
