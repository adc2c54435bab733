"""The survey API: create, send, results under the threshold, OpenAPI."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import timezone

from hubro.surveys.actions import submit_answers
from hubro.surveys.models import Survey

pytestmark = pytest.mark.django_db


def test_a_host_creates_sends_and_reads_results_through_the_api(
    api_as,
    hub,
    vera,
    kari,
    users,
    django_capture_on_commit_callbacks,
):
    api = api_as(vera)
    closes = (timezone.localdate() + dt.timedelta(days=7)).isoformat()
    created = api.post(
        "/api/v1/surveys",
        {
            "hub": hub.slug,
            "kind": "running",
            "title": "Nytte",
            "closes_on": closes,
            "questions": [
                {"kind": "scale", "text": "Nytte for klynger?", "goal": 4},
                {"kind": "choice", "text": "Dag?", "choices": ["Mandag", "Fredag"]},
            ],
        },
    )
    assert created.status_code == 201, created.content
    survey_id = created.json()["id"]
    assert [q["kind"] for q in created.json()["questions"]] == ["scale", "choice"]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        sent = api.post(f"/api/v1/surveys/{survey_id}/send", {"to_hub_users": True})
    assert sent.json() == {"recipients": 6}
    again = api.post(f"/api/v1/surveys/{survey_id}/send", {"to_hub_users": True})
    assert again.status_code == 409 and again.json()["code"] == "sent"
    survey = Survey.objects.get(pk=survey_id)
    scale, choice = survey.questions.all()
    for n, message in enumerate(mail.outbox):
        token = re.search(r"/undersokelser/svar/([^/\s]+)/", message.body).group(1)
        submit_answers(token, {scale.pk: 4, choice.pk: "Mandag" if n < 5 else "Fredag"})
    results = api_as(kari).get(f"/api/v1/surveys/{survey_id}/results").json()
    assert results[0]["answers"] == 6 and results[0]["mean"] == 4.0
    days = {value["label"]: value for value in results[1]["values"]}
    # 5 Mondays alone would give away the one Friday: both are hidden.
    assert days["Fredag"] == {"label": "Fredag", "value": None, "suppressed": True}
    assert days["Mandag"]["suppressed"]


def test_bad_input_answers_422(api_as, hub, vera, kari):
    api = api_as(vera)
    past = api.post(
        "/api/v1/surveys",
        {"hub": hub.slug, "kind": "running", "title": "X", "closes_on": "2020-01-01"},
    )
    assert past.status_code == 422 and past.json()["detail"]
    bad_kind = api.post(
        "/api/v1/surveys",
        {"hub": hub.slug, "kind": "nope", "title": "X", "closes_on": "2099-01-01"},
    )
    assert bad_kind.status_code == 422
    not_host = api_as(kari).post(
        "/api/v1/surveys",
        {"hub": hub.slug, "kind": "running", "title": "X", "closes_on": "2099-01-01"},
    )
    assert not_host.status_code == 422 and not_host.json()["code"] == "not_allowed"
    assert api_as(kari).get("/api/v1/surveys/999999/results").status_code == 404


def test_the_endpoints_are_in_the_openapi_document(api_as, vera):
    paths = api_as(vera).get("/api/v1/openapi.json").json()["paths"]
    for path in ("/api/v1/surveys", "/api/v1/surveys/{survey_id}/results", "/api/v1/positions"):
        assert path in paths
