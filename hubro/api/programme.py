"""Programmes, pilots, sub-project histories, status reports, assessments and hub
self-assessments. Everything is scoped to what the caller may see
(``hubro.programme.access``); the rest answers 404."""

import datetime as dt
from decimal import Decimal

from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from hubro.core.errors import Invalid, NotFound
from hubro.programme import access, actions, queries
from hubro.programme.models import AssessmentFinding
from hubro.programme.selfassessment import combine

from .schemas import ErrorOut, MunicipalityOut, RegionOut

router = Router(tags=["programme"])


# --- Schemas -----------------------------------------------------------------------------------


class OrganizationRefOut(Schema):
    orgnr: str
    name: str


class GoalOut(Schema):
    number: int
    label: str
    text: str

    @staticmethod
    def resolve_label(obj):
        return str(obj.get_number_display())


class PilotRefOut(Schema):
    slug: str
    name: str


class ProgrammeOut(Schema):
    slug: str
    name: str
    description: str
    owner: OrganizationRefOut
    starts_on: dt.date
    ends_on: dt.date | None
    original_ends_on: dt.date | None = Field(None, description="Set when the period was extended.")
    budget: Decimal | None = Field(None, description="NOK.")
    budget_note: str
    goals: list[GoalOut]
    pilots: list[PilotRefOut]

    @staticmethod
    def resolve_goals(obj):
        return list(obj.goals.order_by("number"))

    @staticmethod
    def resolve_pilots(obj):
        return list(obj.pilots.order_by("name"))


class StatusChangeOut(Schema):
    changed_on: dt.date
    from_status: str
    to_status: str
    reason: str
    merged_into: str | None = Field(None, description="Slug of the project it was merged into.")
    handed_over_to: OrganizationRefOut | None = None

    @staticmethod
    def resolve_merged_into(obj):
        return obj.merged_into.slug if obj.merged_into_id else None


class SubProjectOut(Schema):
    slug: str
    title: str
    status: str
    added_on: dt.date | None
    history: list[StatusChangeOut]


def _sub_project(link) -> dict:
    project = link.project
    return {
        "slug": project.slug,
        "title": project.title,
        "status": project.status,
        "added_on": link.added_on,
        "history": list(project.status_history.all()),
    }


class PhaseOut(Schema):
    id: int
    kind: str
    starts_on: dt.date
    ends_on: dt.date | None
    documents: list[str] = Field(description="Document titles; download in the web UI.")
    approvals: list[str]

    @staticmethod
    def resolve_documents(obj):
        return [d.title for d in obj.documents.all()]

    @staticmethod
    def resolve_approvals(obj):
        return [f"{a.decision} {a.decided_on.isoformat()}" for a in obj.approvals.all()]


class SteeringOrganizationOut(Schema):
    organization: OrganizationRefOut
    role: str


class PersonRoleOut(Schema):
    id: int
    name: str
    organization: str | None
    role: str
    starts_on: dt.date | None
    ends_on: dt.date | None


class LeaderOut(Schema):
    name: str
    organization: str | None
    starts_on: dt.date
    ends_on: dt.date | None


class LocalGoalOut(Schema):
    id: int
    title: str
    description: str
    national_goals: list[int]


class PilotOut(Schema):
    slug: str
    name: str
    programme: str
    description: str
    host_municipality: MunicipalityOut
    region: RegionOut | None
    hub: str | None
    phases: list[PhaseOut]
    steering_organizations: list[SteeringOrganizationOut]
    steering_members: list[PersonRoleOut]
    leaders: list[LeaderOut]
    local_goals: list[LocalGoalOut]
    sub_projects: list[SubProjectOut]


def _pilot(pilot) -> dict:
    detail = queries.pilot_detail(pilot)
    return {
        "slug": pilot.slug,
        "name": pilot.name,
        "programme": pilot.programme.slug,
        "description": pilot.description,
        "host_municipality": pilot.host_municipality,
        "region": pilot.region,
        "hub": pilot.hub.slug if pilot.hub_id else None,
        "phases": list(detail["phases"]),
        "steering_organizations": list(detail["steering_organizations"]),
        "steering_members": [
            {
                "id": m.pk,
                "name": str(m.person),
                "organization": m.organization.name if m.organization_id else None,
                "role": m.role,
                "starts_on": m.starts_on,
                "ends_on": m.ends_on,
            }
            for m in detail["steering_members"]
        ],
        "leaders": [
            {
                "name": str(leader.person),
                "organization": leader.organization.name if leader.organization_id else None,
                "starts_on": leader.starts_on,
                "ends_on": leader.ends_on,
            }
            for leader in detail["leaders"]
        ],
        "local_goals": [
            {
                "id": goal.pk,
                "title": goal.title,
                "description": goal.description,
                "national_goals": sorted(g.number for g in goal.national_goals.all()),
            }
            for goal in detail["local_goals"]
        ],
        "sub_projects": [_sub_project(link) for link in detail["sub_projects"]],
    }


class ProgressOut(Schema):
    project: str
    title: str
    progress: str


class StatusReportOut(Schema):
    id: int
    pilot: str
    period_start: dt.date
    period_end: dt.date
    summary: str
    risks: str
    needs: str = Field(description="Needs from the ministry.")
    filed_by: str | None
    lines: list[ProgressOut]

    @staticmethod
    def resolve_pilot(obj):
        return obj.pilot.slug

    @staticmethod
    def resolve_filed_by(obj):
        return str(obj.filed_by) if obj.filed_by_id else None

    @staticmethod
    def resolve_lines(obj):
        return [
            {"project": line.project.slug, "title": line.project.title, "progress": line.progress}
            for line in obj.lines.all()
        ]


class ProgressIn(Schema):
    project: str = Field(description="Slug of one of the pilot's sub-projects.")
    progress: str


class StatusReportIn(Schema):
    period_start: dt.date
    period_end: dt.date
    summary: str = ""
    risks: str = ""
    needs: str = ""
    progress: list[ProgressIn] = Field(default_factory=list)


class GoalScoreOut(Schema):
    goal: int
    score: int | None
    text: str

    @staticmethod
    def resolve_goal(obj):
        return obj.goal.number


class FindingOut(Schema):
    code: str
    label: str
    note: str

    @staticmethod
    def resolve_label(obj):
        return str(obj.get_code_display())


class AssessmentOut(Schema):
    id: int
    pilot: str
    milestone: str
    assessed_on: dt.date
    evaluator: str | None
    summary: str
    recommendations: str
    goal_scores: list[GoalScoreOut]
    success_factors: list[FindingOut]
    barriers: list[FindingOut]

    @staticmethod
    def resolve_pilot(obj):
        return obj.pilot.slug

    @staticmethod
    def resolve_evaluator(obj):
        return str(obj.evaluator) if obj.evaluator_id else None

    @staticmethod
    def resolve_goal_scores(obj):
        return list(obj.goal_scores.all())

    @staticmethod
    def resolve_success_factors(obj):
        return [f for f in obj.findings.all() if f.kind == AssessmentFinding.Kind.SUCCESS_FACTOR]

    @staticmethod
    def resolve_barriers(obj):
        return [f for f in obj.findings.all() if f.kind == AssessmentFinding.Kind.BARRIER]


class ScorerScoreOut(Schema):
    scorer: str
    organization: str
    score: int
    comment: str


class CombinedItemOut(Schema):
    kind: str = Field(description="criterion or barrier")
    code: str
    label: str
    mean: Decimal | None
    lowest: int | None
    highest: int | None
    spread: int | None
    disagree: bool = Field(description="True when the spread is 2 or more.")
    scores: list[ScorerScoreOut]


class RoundOut(Schema):
    id: int
    title: str
    held_on: dt.date
    scorers: int
    items: list[CombinedItemOut]


class SelfAssessmentOut(Schema):
    hub: str
    rounds: list[RoundOut]


# --- Endpoints ---------------------------------------------------------------------------------


@router.get("/programmes", response=list[ProgrammeOut])
def list_programmes(request):
    """The programmes the caller takes part in (owner, evaluator, steering group, leader,
    host of a pilot's hub)."""
    return list(queries.visible_programmes(request.auth))


@router.get("/programmes/{slug}", response={200: ProgrammeOut, 404: ErrorOut})
def get_programme(request, slug: str):
    """One programme with its national goals and pilots."""
    return queries.get_programme_for(request.auth, slug)


@router.get("/pilots/{slug}", response={200: PilotOut, 404: ErrorOut})
def get_pilot(request, slug: str):
    """A pilot: phases, steering group, leader history, local goals (with the national
    goals they serve), and sub-projects with their full status history."""
    return _pilot(queries.get_pilot_for(request.auth, slug))


@router.get("/pilots/{slug}/sub-projects", response={200: list[SubProjectOut], 404: ErrorOut})
def list_sub_projects(request, slug: str):
    """The pilot's sub-projects, each with every status change (date, reason, merged into,
    handed over to)."""
    pilot = queries.get_pilot_for(request.auth, slug)
    return [_sub_project(link) for link in queries.sub_projects_of(pilot)]


@router.get("/pilots/{slug}/status-reports", response={200: list[StatusReportOut], 404: ErrorOut})
def list_status_reports(request, slug: str):
    """The pilot's status reports, newest first: for its steering group and project
    leader, the programme owner and the evaluators; 404 for everyone else."""
    pilot = queries.get_pilot_for(request.auth, slug)
    return list(queries.status_reports_for(request.auth, pilot))


@router.post(
    "/pilots/{slug}/status-reports",
    response={201: StatusReportOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
)
def file_status_report(request, slug: str, payload: StatusReportIn):
    """File a status report for a period (the pilot's steering group and project leader)."""
    pilot = queries.get_pilot_for(request.auth, slug)
    if not access.may_see_reports(request.auth, pilot):
        raise NotFound(code="pilot_not_found")
    by_slug = {link.project.slug: link.project_id for link in queries.sub_projects_of(pilot)}
    progress = {}
    for line in payload.progress:
        if line.project not in by_slug:
            raise Invalid(
                _("Framdrift kan bare meldes for pilotens egne delprosjekter."),
                code="unknown_sub_project",
            )
        progress[by_slug[line.project]] = line.progress
    report = actions.file_status_report(
        pilot,
        period_start=payload.period_start,
        period_end=payload.period_end,
        summary=payload.summary,
        risks=payload.risks,
        needs=payload.needs,
        progress=progress,
        actor=request.auth,
    )
    return Status(201, queries.get_status_report_for(request.auth, report.pk))


@router.get("/assessments", response=list[AssessmentOut])
def list_assessments(request):
    """Every assessment the caller may see (owner and evaluators: all of the programme;
    a steering group: its own pilot's)."""
    return list(queries.visible_assessments(request.auth))


@router.get("/assessments/{assessment_id}", response={200: AssessmentOut, 404: ErrorOut})
def get_assessment(request, assessment_id: int):
    """One assessment: score and text per national goal, success factors and barriers
    (the evaluation's eight criteria and seven barriers), recommendations."""
    return queries.get_assessment_for(request.auth, assessment_id)


@router.get("/pilots/{slug}/assessments", response={200: list[AssessmentOut], 404: ErrorOut})
def list_pilot_assessments(request, slug: str):
    pilot = queries.get_pilot_for(request.auth, slug)
    return list(queries.assessments_for(request.auth, pilot))


@router.get("/self-assessments/{hub_slug}", response={200: SelfAssessmentOut, 404: ErrorOut})
def get_self_assessment(request, hub_slug: str):
    """A hub's self-assessment rounds, each criterion and barrier combined over the
    scorers: mean, lowest, highest, spread, and every scorer's score and comment."""
    hub = queries.get_self_assessment_hub_for(request.auth, hub_slug)
    rounds = []
    for round_ in hub.self_assessment_rounds.order_by("held_on", "pk"):
        items = combine(round_)
        rounds.append(
            {
                "id": round_.pk,
                "title": round_.title,
                "held_on": round_.held_on,
                "scorers": round_.responses.count(),
                "items": [
                    {
                        "kind": str(item.kind),
                        "code": item.code,
                        "label": item.label,
                        "mean": item.mean,
                        "lowest": item.lowest,
                        "highest": item.highest,
                        "spread": item.spread,
                        "disagree": item.disagree,
                        "scores": [e.__dict__ for e in item.entries],
                    }
                    for item in items
                ],
            }
        )
    return {"hub": hub.slug, "rounds": rounds}


# Setting up programmes and pilots, meetings and budgets: their own module, on this router
# (ninja gives each router its own URL patterns, so two routers cannot share a path).
from . import programme_setup  # noqa: E402, F401
