"""Surveys of need and benefit: sent by e-mail to a hub's users, answered anonymously
with a one-time link, shown under the privacy threshold; free text only once approved."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from conftest import make_person
from hubro.core.errors import Conflict
from hubro.core.models import Organization
from hubro.insights import beside
from hubro.insights.indicators import resolve_scope
from hubro.surveys.actions import create_survey, send_survey, submit_answers
from hubro.surveys.models import Answer, Invite, Question, Response, Survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def county(lyngdal):
    return Organization.objects.create(
        orgnr="921707134", name="Agder fylkeskommune", sector="county", municipality=lyngdal
    )


@pytest.fixture
def survey(hub, vera):
    return create_survey(
        actor=vera,
        hub=hub,
        kind=Survey.Kind.RUNNING,
        title="Hva betyr huben for deg?",
        closes_on=timezone.localdate() + dt.timedelta(days=14),
    )


def _tokens():
    return [re.search(r"/undersokelser/svar/([^/\s]+)/", m.body).group(1) for m in mail.outbox]


def _send_to_hub_users(survey, vera, capture):
    mail.outbox.clear()
    with capture(execute=True):
        assert send_survey(survey, actor=vera, to_hub_users=True) == 6
    return _tokens()


def _questions(survey):
    scale = survey.questions.filter(kind=Question.Kind.SCALE, goal=1).get()
    text = survey.questions.get(kind=Question.Kind.TEXT)
    return scale, text


def test_a_survey_sent_to_a_hubs_users_is_answered_by_six_and_shown(
    survey, users, vera, django_capture_on_commit_callbacks
):
    tokens = _send_to_hub_users(survey, vera, django_capture_on_commit_callbacks)
    assert len(tokens) == 6 and len(set(tokens)) == 6
    (nynorsk,) = [m for m in mail.outbox if m.to == ["stat0@nav.test"]]
    assert nynorsk.extra_headers["Content-Language"] == "nn"
    scale, text = _questions(survey)
    client = Client()  # no sign-in: the link is the key
    for n, token in enumerate(tokens):
        page = client.get(f"/undersokelser/svar/{token}/")
        assert page.status_code == 200
        assert scale.text in page.content.decode()
        done = client.post(
            f"/undersokelser/svar/{token}/",
            {f"q{scale.pk}": str(4 + n % 2), f"q{text.pk}": f"Svar {n}"},
        )
        assert "Takk for svaret" in done.content.decode()
    assert Response.objects.filter(survey=survey).count() == 6
    assert Invite.objects.filter(survey=survey, answered=True).count() == 6

    host = Client()
    host.force_login(vera)
    html = host.get(f"/undersokelser/{survey.pk}/resultater/").content.decode()
    section = html.split(f'data-question="{scale.pk}"')[1].split("</section>")[0]
    assert "Antall svar: 6" in section
    assert "Snitt: 4,5" in section
    # 3 state and 3 municipal answers: each group rests on fewer than 5 people.
    groups = section.split("data-groups")[1]
    assert "Statlig" in groups and "<td>&lt;5</td>" in groups
    assert "<td>3</td>" not in groups

    # The goal-5 figure beside the indicators, and goal 1's perceived benefit.
    scope = resolve_scope(f"hub:{survey.hub.slug}", vera)
    today = timezone.localdate()
    (found,) = [
        s
        for s in beside.sections(scope, today - dt.timedelta(days=1), today)
        if s.key == "surveys"
    ]
    figures = {figure.key: figure for figure in found.figures}
    assert figures["survey_responses"].value == 6 and figures["survey_responses"].goal == 5
    assert figures["survey_benefit_1"].value == 4.5


def test_a_question_with_three_answers_is_suppressed(
    survey, users, vera, django_capture_on_commit_callbacks
):
    tokens = _send_to_hub_users(survey, vera, django_capture_on_commit_callbacks)
    scale, _text = _questions(survey)
    other = survey.questions.get(goal=2)
    for n, token in enumerate(tokens):
        answers = {scale.pk: 5, other.pk: 3}
        if n < 3:
            answers = {scale.pk: 5}
        submit_answers(token, answers)
    host = Client()
    host.force_login(vera)
    html = host.get(f"/undersokelser/{survey.pk}/resultater/").content.decode()
    section = html.split(f'data-question="{other.pk}"')[1].split("</section>")[0]
    assert "Antall svar: &lt;5" in section
    assert "Snitt" not in section.split("data-groups")[0]
    shown = html.split(f'data-question="{scale.pk}"')[1].split("</section>")[0]
    assert "Antall svar: 6" in shown


def test_free_text_shows_only_after_a_host_approved_it(
    survey, users, vera, kari, django_capture_on_commit_callbacks
):
    tokens = _send_to_hub_users(survey, vera, django_capture_on_commit_callbacks)
    scale, text = _questions(survey)
    for n, token in enumerate(tokens):
        submit_answers(token, {scale.pk: 3, text.pk: f"Fritekst nummer {n}"})
    reader = Client()
    reader.force_login(kari)  # a member of the hub's organizations: may see its results
    before = reader.get(f"/undersokelser/{survey.pk}/resultater/").content.decode()
    assert "Fritekst nummer" not in before
    host = Client()
    host.force_login(vera)
    answer = Answer.objects.get(text="Fritekst nummer 2")
    assert (
        host.post(f"/undersokelser/{survey.pk}/resultater/", {"approve": answer.pk}).status_code
        == 302
    )
    after = reader.get(f"/undersokelser/{survey.pk}/resultater/").content.decode()
    assert "Fritekst nummer 2" in after
    assert "Fritekst nummer 1" not in after
    assert (
        reader.post(f"/undersokelser/{survey.pk}/resultater/", {"approve": answer.pk}).status_code
        == 404
    )


def test_a_link_works_once_and_answers_hold_no_person(
    survey, users, vera, django_capture_on_commit_callbacks
):
    tokens = _send_to_hub_users(survey, vera, django_capture_on_commit_callbacks)
    scale, _text = _questions(survey)
    submit_answers(tokens[0], {scale.pk: 2})
    with pytest.raises(Conflict):
        submit_answers(tokens[0], {scale.pk: 5})
    again = Client().get(f"/undersokelser/svar/{tokens[0]}/")
    assert "allerede svart" in again.content.decode()
    assert Client().get("/undersokelser/svar/ikke-en-lenke/").status_code == 404
    names = {field.name for field in Response._meta.get_fields()} | {
        field.name for field in Invite._meta.get_fields()
    }
    assert not names & {"person", "invite", "email", "token"}


def test_bad_answers_get_a_clear_error(survey, users, vera, django_capture_on_commit_callbacks):
    tokens = _send_to_hub_users(survey, vera, django_capture_on_commit_callbacks)
    scale, _text = _questions(survey)
    client = Client()
    bad = client.post(f"/undersokelser/svar/{tokens[0]}/", {f"q{scale.pk}": "9"})
    assert bad.status_code == 422
    empty = client.post(f"/undersokelser/svar/{tokens[0]}/", {})
    assert empty.status_code == 422, empty.content.decode()[-3000:]
    assert "Svar på minst ett spørsmål" in empty.content.decode()
    assert not Response.objects.exists()


def test_the_host_builds_and_sends_a_before_opening_survey_to_an_organization(
    hub, vera, county, kari, nav, django_capture_on_commit_callbacks
):
    make_person("fylke@agder.test", county, name="Fylke Person")
    client = Client()
    client.force_login(vera)
    created = client.post(
        "/undersokelser/ny/",
        {
            "hub": hub.pk,
            "kind": "before_opening",
            "title": "Behov for kontorplass",
            "closes_on": (timezone.localdate() + dt.timedelta(days=7)).isoformat(),
        },
    )
    assert created.status_code == 302
    survey = Survey.objects.get()
    assert survey.questions.filter(kind="choice", multiple=True).exists()  # which days
    bad = client.post(
        f"/undersokelser/{survey.pk}/",
        {
            "add": "1",
            "question-kind": "choice",
            "question-text": "Hvilken etasje?",
            "question-choices": "Første",
        },
    )
    assert bad.status_code == 422 and "minst to alternativer" in bad.content.decode()
    nothing = client.post(f"/undersokelser/{survey.pk}/", {"send": "1"})
    assert nothing.status_code == 422 and "Ingen mottakere" in nothing.content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(
            f"/undersokelser/{survey.pk}/", {"send": "1", "send-organizations": [county.pk]}
        )
    assert sent.status_code == 302
    assert [m.to for m in mail.outbox] == [["fylke@agder.test"]]
    survey.refresh_from_db()
    assert survey.status == "sent" and survey.recipients == 1
    # Sent surveys cannot be changed.
    question = survey.questions.first()
    assert client.post(f"/undersokelser/{survey.pk}/", {"remove": question.pk}).status_code == 404


def test_other_people_cannot_make_or_manage_surveys(survey, kari, outsider_person):
    client = Client()
    client.force_login(kari)
    assert client.get("/undersokelser/ny/").status_code == 404
    # A draft is the host's only.
    assert client.get(f"/undersokelser/{survey.pk}/resultater/").status_code == 404
    client.force_login(outsider_person)
    assert client.get(f"/undersokelser/{survey.pk}/").status_code == 404


@pytest.fixture
def outsider_person(places):
    from hubro.core.models import Municipality

    org = Organization.objects.create(
        orgnr="974760673",
        name="Brønnøysundregistrene",
        sector="state",
        municipality=Municipality.objects.get(number="1813"),
    )
    return make_person("olga@brreg.test", org, name="Olga Utenfor")
