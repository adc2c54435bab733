"""Goal 5 (new knowledge for localisation policy) on the dashboard: the programme's own
assessments of the pilots in the scope, beside whatever is measured for the goal.

The evaluators score each pilot against each national goal at the pre-project, midway
and final assessments (``hubro.programme``). The card shows, for the pilots whose
assessments the viewer may see (``programme.access``), the latest score for goal 5 at
the end of the period, the change from the end of the previous period, the mean score
per milestone as the trend, and the material written in the period."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats
from django.utils.translation import gettext as _

from hubro.programme import access
from hubro.programme.models import (
    Assessment,
    AssessmentGoalScore,
    Pilot,
    SelfAssessmentRound,
    StatusReport,
)

GOAL = 5


@dataclass
class Judgement:
    pilot: str
    assessment_pk: int
    milestone: str
    assessed_on: dt.date
    score: int | None
    text: str


@dataclass
class MilestonePoint:
    label: str
    value: float | None
    text: str
    incomplete: bool = False


@dataclass
class Evidence:
    pilots: int = 0  # pilots in the scope
    hidden: int = 0  # of those, pilots whose assessments the viewer may not see
    judgements: list[Judgement] = field(default_factory=list)
    mean: Decimal | None = None
    previous_mean: Decimal | None = None
    trend: list[MilestonePoint] = field(default_factory=list)
    assessments: int = 0  # assessments made in the period
    status_reports: int = 0  # status reports covering part of the period
    rounds: int = 0  # self-assessment rounds held in the period

    @property
    def visible(self) -> int:
        return self.pilots - self.hidden

    @property
    def mean_text(self) -> str:
        return _score_text(self.mean)

    @property
    def change_text(self) -> str:
        if self.mean is None or self.previous_mean is None:
            return _("Ingen vurdering ved slutten av forrige periode.")
        if self.mean == self.previous_mean:
            return _("Uendret fra forrige periode (%(before)s)") % {
                "before": _score_text(self.previous_mean)
            }
        amount = formats.number_format(abs(self.mean - self.previous_mean), 1)
        text = (
            _("Opp %(amount)s fra forrige periode (%(before)s)")
            if self.mean > self.previous_mean
            else _("Ned %(amount)s fra forrige periode (%(before)s)")
        )
        return text % {"amount": amount, "before": _score_text(self.previous_mean)}

    @property
    def change_direction(self) -> str:
        if self.mean is None or self.previous_mean is None:
            return ""
        if self.mean == self.previous_mean:
            return "same"
        return "up" if self.mean > self.previous_mean else "down"


def _score_text(mean) -> str:
    if mean is None:
        return ""
    return _("%(score)s av 5") % {"score": formats.number_format(mean, 1)}


def _mean(scores) -> Decimal | None:
    scores = [s for s in scores if s is not None]
    if not scores:
        return None
    return (Decimal(sum(scores)) / len(scores)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def pilots_in(scope):
    """The pilots a dashboard scope covers: all of them for the programme, the pilots
    of a region (by the pilot's region or its hub's), a hub's pilot; none for an
    organization."""
    pilots = Pilot.objects.select_related("programme", "hub").order_by("name")
    if scope.kind == "all":
        return list(pilots)
    if scope.kind == "hub":
        return list(pilots.filter(hub__in=[hub.pk for hub in scope.hubs]))
    if scope.kind == "region":
        slug = scope.key.partition(":")[2]
        return list(pilots.filter(region__slug=slug)) or list(
            pilots.filter(hub__region__slug=slug)
        )
    return []


def _latest(scores, until: dt.date):
    """Per pilot, the goal-5 score of its latest assessment made by ``until``."""
    latest = {}
    for score in scores:
        assessment = score.assessment
        if assessment.assessed_on > until:
            continue
        key = (
            Assessment.MILESTONE_ORDER.get(assessment.milestone, -1),
            assessment.assessed_on,
            assessment.pk,
        )
        current = latest.get(assessment.pilot_id)
        if current is None or key > current[0]:
            latest[assessment.pilot_id] = (key, score)
    return {pilot: item[1] for pilot, item in latest.items()}


def goal5_evidence(viewer, scope, start: dt.date, end: dt.date, previous_end: dt.date):
    """The programme's own judgement of goal 5 for the scope, as ``viewer`` may see it."""
    pilots = pilots_in(scope)
    visible = [pilot for pilot in pilots if access.may_see_assessments(viewer, pilot)]
    evidence = Evidence(pilots=len(pilots), hidden=len(pilots) - len(visible))
    if not visible:
        return evidence
    ids = [pilot.pk for pilot in visible]
    scores = list(
        AssessmentGoalScore.objects.filter(assessment__pilot__in=ids, goal__number=GOAL)
        .select_related("assessment__pilot")
        .order_by("assessment__assessed_on", "pk")
    )
    now = _latest(scores, end)
    evidence.judgements = [
        Judgement(
            pilot=score.assessment.pilot.name,
            assessment_pk=score.assessment.pk,
            milestone=score.assessment.get_milestone_display(),
            assessed_on=score.assessment.assessed_on,
            score=score.score,
            text=score.text,
        )
        for score in sorted(now.values(), key=lambda s: s.assessment.pilot.name)
    ]
    evidence.mean = _mean(s.score for s in now.values())
    evidence.previous_mean = _mean(s.score for s in _latest(scores, previous_end).values())
    for milestone, label in Assessment.Milestone.choices:
        mean = _mean(
            s.score
            for s in scores
            if s.assessment.milestone == milestone and s.assessment.assessed_on <= end
        )
        if mean is not None:
            evidence.trend.append(MilestonePoint(str(label), float(mean), _score_text(mean)))
    evidence.assessments = Assessment.objects.filter(
        pilot__in=ids, assessed_on__range=(start, end)
    ).count()
    evidence.status_reports = StatusReport.objects.filter(
        pilot__in=ids, period_start__lte=end, period_end__gte=start
    ).count()
    hubs = [pilot.hub for pilot in visible if pilot.hub_id]
    evidence.rounds = SelfAssessmentRound.objects.filter(
        hub__in=[hub.pk for hub in hubs if access.may_see_self_assessment(viewer, hub)],
        held_on__range=(start, end),
    ).count()
    return evidence
