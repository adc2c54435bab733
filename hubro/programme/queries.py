"""Reads of programmes, pilots, reports and assessments, scoped to what the asking
person may see (``hubro.programme.access``). Whatever the person may not see raises
``NotFound``."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import timezone

from hubro.core.errors import Invalid, NotFound
from hubro.core.permissions import is_admin
from hubro.spaces.models import Hub

from . import access
from .models import (
    Assessment,
    AssessmentGoalScore,
    PhaseDocument,
    Pilot,
    PilotSubProject,
    Programme,
    ProgrammeRole,
    StatusReport,
)

# --- Programmes and pilots -----------------------------------------------------------------


def visible_programmes(person):
    """The programmes ``person`` takes part in (every one for administrators)."""
    if not (person and person.is_authenticated and person.is_active):
        return Programme.objects.none()
    programmes = Programme.objects.select_related("owner")
    if is_admin(person):
        return programmes
    ids = set(ProgrammeRole.objects.filter(person=person).values_list("programme_id", flat=True))
    steered = access.pilot_ids_steered_by(person)
    ids |= set(Pilot.objects.filter(pk__in=steered).values_list("programme_id", flat=True))
    ids |= set(Pilot.objects.filter(hub__hosts=person).values_list("programme_id", flat=True))
    return programmes.filter(pk__in=ids)


def get_programme_for(person, slug) -> Programme:
    programme = visible_programmes(person).filter(slug=slug).first()
    if programme is None:
        raise NotFound(code="programme_not_found")
    return programme


def get_pilot_for(person, slug) -> Pilot:
    pilot = (
        Pilot.objects.filter(slug=slug, programme__in=visible_programmes(person))
        .select_related("programme__owner", "host_municipality", "region", "hub")
        .first()
    )
    if pilot is None:
        raise NotFound(code="pilot_not_found")
    return pilot


def pilots_of(programme):
    return programme.pilots.select_related("host_municipality", "region", "hub").prefetch_related(
        "phases"
    )


def _history_prefetch():
    from hubro.community.models import ProjectStatusChange

    return Prefetch(
        "project__status_history",
        queryset=ProjectStatusChange.objects.select_related(
            "merged_into", "handed_over_to"
        ).order_by("changed_on", "recorded_at", "pk"),
    )


def sub_projects_of(pilot):
    """The pilot's sub-projects, each with its project and full status history."""
    return (
        PilotSubProject.objects.filter(pilot=pilot)
        .select_related("project", "project__merged_into", "project__taken_over_by")
        .prefetch_related(_history_prefetch())
        .order_by("position", "pk")
    )


def get_sub_project_for(person, pilot_slug, project_slug) -> PilotSubProject:
    pilot = get_pilot_for(person, pilot_slug)
    link = sub_projects_of(pilot).filter(project__slug=project_slug).first()
    if link is None:
        raise NotFound(code="sub_project_not_found")
    return link


def pilot_detail(pilot):
    """What the pilot page shows besides the pilot itself."""
    return {
        "steering_organizations": pilot.steering_organizations.select_related("organization"),
        "steering_members": pilot.steering_members.select_related("person", "organization"),
        "leaders": pilot.leaders.select_related("person", "organization").order_by("starts_on"),
        "local_goals": pilot.local_goals.prefetch_related("national_goals"),
        "phases": pilot.phases.prefetch_related(
            "documents", "approvals__decided_by_organization"
        ).order_by("starts_on"),
        "sub_projects": with_history(sub_projects_of(pilot)),
    }


def with_history(links):
    """The links as a list, each with ``history`` (oldest first) and ``last_change``."""
    links = list(links)
    for link in links:
        link.history = list(link.project.status_history.all())
        link.last_change = link.history[-1] if link.history else None
    return links


# --- Status reports ------------------------------------------------------------------------


def status_reports_for(person, pilot):
    if not access.may_see_reports(person, pilot):
        raise NotFound(code="status_reports_not_found")
    return (
        StatusReport.objects.filter(pilot=pilot)
        .select_related("filed_by")
        .prefetch_related("lines__project")
        .order_by("-period_start", "-pk")
    )


def get_status_report_for(person, pk) -> StatusReport:
    report = StatusReport.objects.select_related("pilot__programme").filter(pk=pk).first()
    if report is None or not access.may_see_reports(person, report.pilot):
        raise NotFound(code="status_report_not_found")
    return report


def get_document_for(person, pk) -> PhaseDocument:
    document = (
        PhaseDocument.objects.select_related("phase__pilot__programme").filter(pk=pk).first()
    )
    if document is None or not access.may_see_reports(person, document.phase.pilot):
        raise NotFound(code="document_not_found")
    return document


# --- Assessments ---------------------------------------------------------------------------


def _assessments():
    return Assessment.objects.select_related("pilot__programme", "evaluator").prefetch_related(
        Prefetch("goal_scores", queryset=AssessmentGoalScore.objects.select_related("goal")),
        "findings",
    )


def assessments_for(person, pilot):
    if not access.may_see_assessments(person, pilot):
        raise NotFound(code="assessments_not_found")
    return _assessments().filter(pilot=pilot).order_by("assessed_on", "pk")


def get_assessment_for(person, pk) -> Assessment:
    assessment = _assessments().filter(pk=pk).first()
    if assessment is None or not access.may_see_assessments(person, assessment.pilot):
        raise NotFound(code="assessment_not_found")
    return assessment


def visible_assessments(person):
    """Every assessment ``person`` may see, across programmes (for the API list)."""
    result = []
    for programme in visible_programmes(person):
        for pilot in programme.pilots.all():
            if access.may_see_assessments(person, pilot):
                result.append(pilot.pk)
    return _assessments().filter(pilot_id__in=result).order_by("pilot__name", "assessed_on")


def latest_assessment(assessments):
    """The latest by milestone (final after midway after pre-project), then by date."""
    ordered = sorted(
        assessments,
        key=lambda a: (Assessment.MILESTONE_ORDER.get(a.milestone, -1), a.assessed_on, a.pk),
    )
    return ordered[-1] if ordered else None


# --- The programme page ----------------------------------------------------------------------


@dataclass
class GoalCell:
    """One pilot and one national goal: the latest judgement and the measured use."""

    goal: object
    score: AssessmentGoalScore | None = None
    figures: list = field(default_factory=list)


@dataclass
class PilotRow:
    pilot: Pilot
    phase: object = None
    may_see_assessments: bool = False
    assessment: Assessment | None = None
    scope: str = ""
    figures_available: bool = True
    cells: list[GoalCell] = field(default_factory=list)


def indicator_period(today=None) -> tuple[dt.date, dt.date]:
    """The measured use next to the assessments: the last twelve months."""
    today = today or timezone.localdate()
    return today - dt.timedelta(days=365), today


def pilot_scope(pilot) -> str:
    if pilot.hub_id:
        return f"hub:{pilot.hub.slug}"
    if pilot.region_id:
        return f"region:{pilot.region.slug}"
    return ""


@dataclass
class ShownFigure:
    label: str
    text: str
    goal: int | None


def _figures(scope, start, end, viewer):
    """The insights indicators of a scope, ready to show (the top-level figures only,
    not their breakdowns); ``None`` when the insights app cannot answer.

    Who sees which hub, and how, is decided by ``hubro.insights.visibility`` alone
    (docs/privacy.md): the programme's owner and evaluators see every pilot hub,
    suppressed and perturbed; a viewer who may see no hub of the scope gets none."""
    try:
        from hubro.insights import indicators
        from hubro.insights.visibility import NoVisibleHubs
    except ImportError:
        return None
    try:
        figures = indicators.compute(scope, start, end, viewer=viewer, compare=False)
    except (NotFound, NoVisibleHubs, Invalid):
        figures = []
    return [
        ShownFigure(
            label=str(f.label),
            text=indicators.display(f.value, f.unit, f.suppressed, getattr(f, "reason", "")),
            goal=f.goal,
        )
        for f in figures
        if "." not in f.key
    ]


def current_phase(pilot, today=None):
    today = today or timezone.localdate()
    current = None
    for phase in sorted(pilot.phases.all(), key=lambda p: p.starts_on):
        if phase.starts_on <= today:
            current = phase
    return current


def programme_overview(person, programme, *, today=None) -> list[PilotRow]:
    """For every pilot and national goal: the latest assessment the person may see, next
    to the insights figures for that goal in the pilot's hub (or region)."""
    goals = list(programme.goals.order_by("number"))
    start, end = indicator_period(today)
    rows = []
    for pilot in pilots_of(programme):
        row = PilotRow(pilot=pilot, phase=current_phase(pilot, today))
        row.may_see_assessments = access.may_see_assessments(person, pilot)
        if row.may_see_assessments:
            row.assessment = latest_assessment(_assessments().filter(pilot=pilot))
        scores = {s.goal_id: s for s in row.assessment.goal_scores.all()} if row.assessment else {}
        row.scope = pilot_scope(pilot)
        figures = _figures(row.scope, start, end, person) if row.scope else []
        row.figures_available = figures is not None
        for goal in goals:
            row.cells.append(
                GoalCell(
                    goal=goal,
                    score=scores.get(goal.pk),
                    figures=[f for f in figures or () if f.goal == goal.number],
                )
            )
        rows.append(row)
    return rows


# --- Hub self-assessment ---------------------------------------------------------------------


def self_assessment_hubs(person):
    """The hubs whose self-assessment ``person`` may see."""
    if not (person and person.is_authenticated and person.is_active):
        return Hub.objects.none()
    hubs = Hub.objects.order_by("name")
    if is_admin(person):
        return hubs
    return hubs.filter(pk__in=[h.pk for h in hubs if access.may_see_self_assessment(person, h)])


def get_self_assessment_hub_for(person, slug) -> Hub:
    hub = Hub.objects.filter(slug=slug).first()
    if hub is None or not access.may_see_self_assessment(person, hub):
        raise NotFound(code="hub_not_found")
    return hub


def get_round_for(person, hub, pk):
    round_ = hub.self_assessment_rounds.filter(pk=pk).first()
    if round_ is None:
        raise NotFound(code="round_not_found")
    return round_
