"""Evaluators record assessments; the programme page shows the latest per pilot and
goal next to the measured use."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from hubro.core.errors import Invalid
from hubro.programme import actions, queries
from hubro.programme.models import Assessment

pytestmark = pytest.mark.django_db


def test_evaluator_records_an_assessment_on_the_form(client, eirik, lister):
    client.force_login(eirik)
    url = reverse("programme:assessment_new", args=["lister"])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "milestone": "final",
            "assessed_on": "2025-05-20",
            "summary": "Labben er etablert",
            "goal_1_score": "4",
            "goal_1_text": "Tydelig fagmiljø",
            "goal_5_score": "",
            "goal_5_text": "For tidlig å si",
            "success_factors": ["leadership", "financing"],
            "barriers": ["measuring"],
            "recommendations": "Fortsett med få delprosjekter",
        },
    )
    assessment = Assessment.objects.get()
    assert response.status_code == 302
    scores = {s.goal.number: (s.score, s.text) for s in assessment.goal_scores.all()}
    assert scores == {1: (4, "Tydelig fagmiljø"), 5: (None, "For tidlig å si")}
    assert sorted(assessment.findings.values_list("kind", "code")) == [
        ("barrier", "measuring"),
        ("criterion", "financing"),
        ("criterion", "leadership"),
    ]
    page = client.get(response.url).content.decode()
    assert "Fortsett med få delprosjekter" in page
    assert "Bærekraftig finansiering" in page


def test_score_outside_one_to_five_is_refused(eirik, lister):
    with pytest.raises(Invalid) as exc:
        actions.record_assessment(
            lister,
            milestone="midway",
            assessed_on=dt.date(2023, 1, 1),
            goal_scores={1: (6, "")},
            actor=eirik,
        )
    assert exc.value.code == "invalid_score"


def test_a_barrier_code_is_not_a_success_factor(eirik, lister):
    with pytest.raises(Invalid):
        actions.record_assessment(
            lister,
            milestone="midway",
            assessed_on=dt.date(2023, 1, 1),
            success_factors={"silos": ""},
            actor=eirik,
        )


def test_programme_page_shows_latest_assessment_next_to_figures(
    client, dina, eirik, lister, monkeypatch
):
    for milestone, day, text in (
        ("midway", dt.date(2023, 6, 1), "Midtveis: lovende"),
        ("final", dt.date(2025, 5, 1), "Slutt: etablert"),
    ):
        actions.record_assessment(
            lister,
            milestone=milestone,
            assessed_on=day,
            goal_scores={1: (3 if milestone == "midway" else 5, text)},
            actor=eirik,
        )
    calls = []

    def fake_figures(scope, start, end, viewer, pilot=None):
        calls.append(scope)
        return [
            queries.ShownFigure(label="Bookinger", text="42", goal=1),
            queries.ShownFigure(label="Klyngemøter", text="7", goal=4),
        ]

    monkeypatch.setattr(queries, "_figures", fake_figures)
    client.force_login(dina)
    response = client.get(reverse("programme:programme", args=["statens-hus"]))
    page = response.content.decode()
    assert "Slutt: etablert" in page
    assert "Midtveis: lovende" not in page
    assert "Bookinger: 42" in page
    assert "Klyngemøter: 7" in page
    assert calls == ["hub:testlab"]
    assert "16\xa0000\xa0000\xa0kr" in page


def test_programme_page_works_with_the_real_indicators(client, dina, lister):
    client.force_login(dina)
    response = client.get(reverse("programme:programme", args=["statens-hus"]))
    assert response.status_code == 200
    rows = queries.programme_overview(dina, lister.programme)
    assert rows[0].figures_available


def test_latest_assessment_prefers_final_over_midway():
    midway = Assessment(pk=1, milestone="midway", assessed_on=dt.date(2023, 1, 1))
    final = Assessment(pk=2, milestone="final", assessed_on=dt.date(2022, 1, 1))
    assert queries.latest_assessment([final, midway]) is final


def test_owner_gets_suppressed_hub_figures_though_not_a_member(dina, lister, kari, desk):
    """The ministry is not a member of the pilot's hub, but follows the pilot."""
    from hubro.bookings.models import Booking
    from hubro.core.timeutil import local_datetime

    day = timezone.localdate() - dt.timedelta(days=3)
    Booking.objects.create(
        space=desk,
        person=kari,
        organization=kari.primary_membership.organization,
        start=local_datetime(day, dt.time(9)),
        end=local_datetime(day, dt.time(15)),
    )
    rows = queries.programme_overview(dina, lister.programme)
    shown = [f for cell in rows[0].cells for f in cell.figures]
    assert shown, "the owner sees figures for the pilot's hub"
    assert "Unike brukere" not in [f.label for f in shown]  # not tied to a goal


def test_hub_restricted_to_hosts_still_gives_the_owner_suppressed_figures(dina, lister):
    """The programme's owner follows every pilot hub, suppressed, whatever the hub's
    statistics setting (the matrix in docs/privacy.md)."""
    from hubro.insights.models import StatisticsSetting

    StatisticsSetting.objects.create(hub=lister.hub, audience="hosts")
    rows = queries.programme_overview(dina, lister.programme)
    shown = [f for cell in rows[0].cells for f in cell.figures]
    assert shown, "the owner sees the pilot hub's figures, suppressed"


def test_outsider_to_the_programme_gets_no_figures_through_it(per, lister):
    # Per steers another pilot and is no member of the hub: no figures for Lister.
    rows = queries.programme_overview(per, lister.programme)
    lister_row = next(r for r in rows if r.pilot == lister)
    assert [f for cell in lister_row.cells for f in cell.figures] == []
