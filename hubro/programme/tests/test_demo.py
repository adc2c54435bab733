"""The demo holds the Statens hus programme with the histories the evaluation tells."""

import pytest

from hubro.core.demo import build_demo
from hubro.programme.demo import EVALUATOR_EMAIL, OWNER_EMAIL
from hubro.programme.demo_followup import GOAL_TEXT_BY_SCORE
from hubro.programme.models import (
    Assessment,
    Pilot,
    PilotLeader,
    Programme,
    ProgrammeRole,
    SelfAssessmentRound,
    StatusReport,
)
from hubro.programme.selfassessment import combine, disagreements

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(places, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return build_demo(), build_demo()


def _active_on(pilot, day):
    """How many of the pilot's sub-projects were ongoing or paused on ``day``."""
    count = 0
    for link in pilot.sub_projects.select_related("project"):
        changes = [c for c in link.project.status_history.all() if c.changed_on <= day]
        if changes and changes[-1].to_status in ("ongoing", "paused"):
            count += 1
    return count


def _programme_owner_period_budget_and_goals(demo):
    programme = Programme.objects.get(slug="statens-hus")
    assert programme.owner.orgnr == "972417858"
    assert (programme.starts_on.year, programme.ends_on.isoformat()) == (2021, "2025-06-30")
    assert programme.budget == 16_000_000
    assert programme.goals.count() == 5
    roles = set(ProgrammeRole.objects.values_list("person__email", "role"))
    assert {(OWNER_EMAIL, "owner"), (EVALUATOR_EMAIL, "evaluator")} <= roles


def _four_pilots_with_phases_leaders_and_assessments(demo):
    import datetime as dt

    assert Pilot.objects.count() == 4
    for pilot in Pilot.objects.all():
        kinds = list(pilot.phases.order_by("starts_on").values_list("kind", flat=True))
        assert kinds == ["pre_project", "main", "extension", "ended"], pilot
        assert pilot.phases.get(kind="pre_project").documents.exists()
        milestones = Assessment.objects.filter(pilot=pilot).values_list("milestone", flat=True)
        assert set(milestones) == {"midway", "final"}
        assert StatusReport.objects.filter(pilot=pilot).count() == 5
        assert pilot.steering_members.exists()
        # The final judgement per national goal is the pilot's own, not a stock phrase.
        final = Assessment.objects.get(pilot=pilot, milestone="final")
        texts = [score.text for score in final.goal_scores.order_by("goal__number")]
        assert len(texts) == 5 and not set(texts) & set(GOAL_TEXT_BY_SCORE.values()), pilot
    assert PilotLeader.objects.filter(ends_on__isnull=False).exists(), "a change of leader"
    narvik = Pilot.objects.get(slug="narvik-ofoten")
    assert _active_on(narvik, dt.date(2022, 12, 31)) == 4
    assert _active_on(narvik, dt.date(2023, 1, 2)) == 3


def _real_histories(demo):
    from hubro.community.models import Project

    samarbeid = Project.objects.get(slug="orkland-samarbeid").status_history.last()
    assert (samarbeid.to_status, samarbeid.merged_into.slug) == ("merged", "orkland-utenforskap")
    analyse = Project.objects.get(slug="lister-analyse").status_history.last()
    assert analyse.to_status == "handed_over"
    assert "fylkes" in analyse.handed_over_to.name.lower()
    medborgerskap = Project.objects.get(slug="lister-digitalt-medborgerskap")
    assert "Bibliotekene" in medborgerskap.status_history.last().reason
    samlokalisering = Project.objects.get(slug="lister-samlokalisering").status_history.last()
    assert samlokalisering.merged_into.slug == "lister-regionlab"


def _lister_self_assessment_shows_disagreement_on_financing(demo):
    for round_ in SelfAssessmentRound.objects.filter(hub__slug="regionlab-lister"):
        assert round_.responses.count() == 2
        assert "financing" in [item.code for item in disagreements(combine(round_))]


def _second_run_adds_nothing_to_the_programme(demo):
    _first, second = demo
    programme_kinds = {
        "programmes", "pilots", "phases", "sub-projects", "status reports", "assessments",
        "self-assessments", "self-assessment rounds", "steering members", "pilot leaders",
    }  # fmt: skip
    assert {k: v for k, v in second.new.items() if k in programme_kinds} == {}


def test_the_demo_tells_the_programme_story(demo):
    # One build (twice, for idempotency) is slow, so every check runs on it here.
    _programme_owner_period_budget_and_goals(demo)
    _four_pilots_with_phases_leaders_and_assessments(demo)
    _real_histories(demo)
    _lister_self_assessment_shows_disagreement_on_financing(demo)
    _second_run_adds_nothing_to_the_programme(demo)
