"""An assessment's recommendations get a response and an action with a status, so that
the final evaluation sees what was followed up."""

import datetime as dt

import pytest
from django.urls import reverse

from hubro.core.errors import Invalid, NotFound
from hubro.followup import actions
from hubro.followup.actions import split_text
from hubro.followup.models import Recommendation
from hubro.programme import actions as programme_actions

pytestmark = pytest.mark.django_db

TEXT = """- Mål bruken jevnlig.
- Samle arbeidsgruppene
  i én gruppe.
- Avklar finansieringen før 2026."""


@pytest.fixture
def midway(lister, eirik):
    return programme_actions.record_assessment(
        lister,
        milestone="midway",
        assessed_on=dt.date(2023, 3, 1),
        recommendations=TEXT,
        actor=eirik,
    )


def test_split_text_finds_bullets_numbers_and_paragraphs():
    assert split_text(TEXT) == [
        "Mål bruken jevnlig.",
        "Samle arbeidsgruppene i én gruppe.",
        "Avklar finansieringen før 2026.",
    ]
    assert split_text("1. Først\n2) Så") == ["Først", "Så"]
    assert split_text("Én setning.\n\nEn til\nover to linjer.") == [
        "Én setning.",
        "En til over to linjer.",
    ]
    assert split_text("") == []


def test_recording_an_assessment_makes_its_recommendations_items(midway):
    items = list(midway.recommendation_items.all())
    assert [(i.number, i.status) for i in items] == [
        (1, "not_started"),
        (2, "not_started"),
        (3, "not_started"),
    ]


def test_the_steering_group_follows_up_and_the_evaluator_sees_it(client, siri, eirik, midway):
    item = midway.recommendation_items.get(number=3)
    client.force_login(siri)
    page = client.get(reverse("followup:assessment", args=[midway.pk]))
    edit = reverse("followup:recommendation", args=[item.pk])
    assert edit in page.text
    response = client.post(
        edit,
        {
            "response": "Enig.",
            "action": "Intensjonsavtaler med alle partnerne innen juni.",
            "status": "in_progress",
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.responded_by, item.action) == (
        "in_progress",
        siri,
        "Intensjonsavtaler med alle partnerne innen juni.",
    )
    # The evaluator reads the follow-up (on the assessment and the programme overview)
    # but does not edit it.
    client.force_login(eirik)
    page = client.get(reverse("followup:assessment", args=[midway.pk])).text
    assert "Intensjonsavtaler med alle partnerne innen juni." in page and edit not in page
    assert client.get(edit).status_code == 404
    overview = client.get(reverse("followup:recommendations", args=["statens-hus"])).text
    assert "Under arbeid" in overview and "Avklar finansieringen før 2026." in overview
    assessment_page = client.get(reverse("programme:assessment", args=[midway.pk])).text
    assert "Oppfølging av 3 anbefalinger" in assessment_page


def test_who_may_see_and_follow_up(client, dina, per, kari, midway):
    item = midway.recommendation_items.first()
    for person in (per, kari):  # another pilot's steering group, someone outside
        client.force_login(person)
        assert client.get(reverse("followup:assessment", args=[midway.pk])).status_code == 404
        with pytest.raises(NotFound):
            actions.follow_up_recommendation(item, response="x", status="done", actor=person)
    client.force_login(dina)  # the owner may follow up
    response = client.post(
        reverse("followup:recommendation", args=[item.pk]),
        {"response": "", "action": "", "status": "done"},
    )
    assert response.status_code == 422  # a status needs a response or an action
    assert "Skriv et svar eller et tiltak" in response.text
    item.refresh_from_db()
    assert item.status == "not_started"


def test_api_lists_and_follows_up(api_as, siri, eirik, per, midway):
    listed = api_as(eirik).get(f"/api/v1/assessments/{midway.pk}/recommendations")
    assert [r["number"] for r in listed.json()] == [1, 2, 3]
    item_id = listed.json()[0]["id"]
    client = api_as(siri)
    put = client.client.put(
        f"/api/v1/recommendations/{item_id}",
        {"response": "Gjort.", "action": "Månedlig telling.", "status": "done"},
        content_type="application/json",
        headers=client._headers(),
    )
    assert put.status_code == 200, put.content
    assert put.json()["status"] == "done"
    bad = client.client.put(
        f"/api/v1/recommendations/{item_id}",
        {"response": "x", "status": "finished"},
        content_type="application/json",
        headers=client._headers(),
    )
    assert (bad.status_code, bad.json()["code"]) == (422, "invalid_status")
    evaluator = api_as(eirik)
    refused = evaluator.client.put(
        f"/api/v1/recommendations/{item_id}",
        {"response": "x", "status": "done"},
        content_type="application/json",
        headers=evaluator._headers(),
    )
    assert (refused.status_code, refused.json()["code"]) == (422, "forbidden")
    assert api_as(per).get(f"/api/v1/assessments/{midway.pk}/recommendations").status_code == 404
    overview = api_as(eirik).get("/api/v1/programmes/statens-hus/recommendations").json()
    assert [r["status"] for r in overview] == ["done", "not_started", "not_started"]
    assert Recommendation.objects.filter(status="done").count() == 1


def test_a_failed_follow_up_writes_nothing(siri, midway):
    item = midway.recommendation_items.first()
    with pytest.raises(Invalid):
        actions.follow_up_recommendation(item, response="a\x00b", status="done", actor=siri)
    item.refresh_from_db()
    assert (item.response, item.status) == ("", "not_started")
