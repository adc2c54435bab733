"""Every write to programmes, pilots, reports, assessments and self-assessments. The web
UI, the API and the demo call these and nothing else.

``actor`` is the person doing it; permission is checked here (a person who may not see
the pilot gets ``NotFound``, one who may see but not do gets ``Forbidden`` (403) with code
``forbidden``). ``actor=None`` is the system (the demo loader) and is not checked."""

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from hubro.core.audit import record
from hubro.core.errors import Conflict, Invalid, NotFound
from hubro.core.uploads import check_pdf

from . import access
from .criteria import Barrier, Criterion
from .models import (
    Assessment,
    AssessmentFinding,
    AssessmentGoalScore,
    Phase,
    PhaseApproval,
    PhaseDocument,
    Pilot,
    PilotLeader,
    PilotSubProject,
    SelfAssessmentResponse,
    SelfAssessmentRound,
    SelfAssessmentScore,
    StatusReport,
    StatusReportLine,
)

FORBIDDEN = _("Du har ikke tilgang til å gjøre dette.")


class Forbidden(Invalid):
    """The actor may see the thing but not do this to it: 403 in pages and the API."""

    status = 403
    code = "forbidden"


def _check(actor, visible: bool, allowed: bool) -> None:
    if actor is None:
        return
    if not visible:
        raise NotFound()
    if not allowed:
        raise Forbidden(FORBIDDEN)


def _check_score(value, field) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise Invalid(
            _("Karakteren må være et tall fra 1 til 5."), code="invalid_score", field=field
        )
    return value


def _check_text(**texts) -> None:
    """Refuse the NUL character: PostgreSQL cannot store it (the forms refuse it too)."""
    for name, value in texts.items():
        if value and "\x00" in value:
            raise Invalid(
                _("Teksten inneholder et ugyldig tegn."), code="invalid_text", field=name
            )


# --- Status reports ------------------------------------------------------------------------


def file_status_report(
    pilot: Pilot,
    *,
    period_start: dt.date,
    period_end: dt.date,
    summary: str = "",
    risks: str = "",
    needs: str = "",
    progress: dict | None = None,
    actor,
) -> StatusReport:
    """File a pilot's status report for a period. ``progress`` maps a sub-project's
    ``Project`` id to a line of progress; only the pilot's own sub-projects are accepted."""
    _check(actor, access.may_see_pilot(actor, pilot), access.may_file_report(actor, pilot))
    if period_end < period_start:
        raise Invalid(
            _("Perioden kan ikke slutte før den begynner."),
            code="invalid_period",
            field="period_end",
        )
    progress = {k: v.strip() for k, v in (progress or {}).items() if v and v.strip()}
    _check_text(summary=summary, risks=risks, needs=needs)
    _check_text(**{f"progress_{pk}": text for pk, text in progress.items()})
    own = set(pilot.sub_projects.values_list("project_id", flat=True))
    unknown = [pk for pk in progress if pk not in own]
    if unknown:
        raise Invalid(
            _("Framdrift kan bare meldes for pilotens egne delprosjekter."),
            code="unknown_sub_project",
        )
    try:
        with transaction.atomic():
            report = StatusReport.objects.create(
                pilot=pilot,
                period_start=period_start,
                period_end=period_end,
                summary=summary.strip(),
                risks=risks.strip(),
                needs=needs.strip(),
                filed_by=actor,
            )
            StatusReportLine.objects.bulk_create(
                StatusReportLine(report=report, project_id=pk, progress=text)
                for pk, text in progress.items()
            )
            record(
                actor,
                "programme.status_report.file",
                report,
                hub=pilot.hub,
                changes={"lines": len(progress)},
            )
    except IntegrityError:
        raise Conflict(
            _("Piloten har allerede en statusrapport for denne perioden."),
            code="report_exists",
            field="period_start",
        ) from None
    return report


# --- Assessments ---------------------------------------------------------------------------


def record_assessment(
    pilot: Pilot,
    *,
    milestone: str,
    assessed_on: dt.date,
    summary: str = "",
    recommendations: str = "",
    goal_scores: dict | None = None,
    success_factors: dict | None = None,
    barriers: dict | None = None,
    actor,
) -> Assessment:
    """Record an evaluator's assessment at a milestone.

    ``goal_scores`` maps a national goal number (1–5) to ``(score or None, text)``;
    ``success_factors`` maps a ``Criterion`` value to a note, ``barriers`` a ``Barrier``
    value to a note."""
    _check(actor, access.may_see_pilot(actor, pilot), access.may_assess(actor, pilot))
    if milestone not in Assessment.Milestone.values:
        raise Invalid(_("Ukjent tidspunkt for vurderingen."), code="invalid_milestone")
    goals = {g.number: g for g in pilot.programme.goals.all()}
    goal_scores = goal_scores or {}
    for number, (score, _text) in goal_scores.items():
        if number not in goals:
            raise Invalid(_("Programmet har ikke dette målet."), code="unknown_goal")
        if score is not None:
            _check_score(score, f"goal_{number}")
    success_factors = success_factors or {}
    barriers = barriers or {}
    if any(code not in Criterion.values for code in success_factors):
        raise Invalid(_("Ukjent suksesskriterium."), code="unknown_criterion")
    if any(code not in Barrier.values for code in barriers):
        raise Invalid(_("Ukjent barriere."), code="unknown_barrier")
    try:
        with transaction.atomic():
            assessment = Assessment.objects.create(
                pilot=pilot,
                milestone=milestone,
                assessed_on=assessed_on,
                evaluator=actor,
                summary=summary.strip(),
                recommendations=recommendations.strip(),
            )
            AssessmentGoalScore.objects.bulk_create(
                AssessmentGoalScore(
                    assessment=assessment, goal=goals[number], score=score, text=text.strip()
                )
                for number, (score, text) in sorted(goal_scores.items())
            )
            AssessmentFinding.objects.bulk_create(
                [
                    AssessmentFinding(
                        assessment=assessment,
                        kind=AssessmentFinding.Kind.SUCCESS_FACTOR,
                        code=code,
                        note=note.strip(),
                    )
                    for code, note in success_factors.items()
                ]
                + [
                    AssessmentFinding(
                        assessment=assessment,
                        kind=AssessmentFinding.Kind.BARRIER,
                        code=code,
                        note=note.strip(),
                    )
                    for code, note in barriers.items()
                ]
            )
            record(actor, "programme.assessment.record", assessment, hub=pilot.hub)
    except IntegrityError:
        raise Conflict(
            _("Piloten er allerede vurdert ved dette tidspunktet."),
            code="assessment_exists",
            field="milestone",
        ) from None
    return assessment


# --- Phases, documents, approvals, leaders, sub-projects -------------------------------------


def attach_phase_document(
    phase: Phase, *, title: str, file, kind=PhaseDocument.Kind.PRE_PROJECT_REPORT, actor
) -> PhaseDocument:
    """Store a document (the pre-project report as a PDF) with a phase, in Django's
    default storage."""
    pilot = phase.pilot
    _check(actor, access.may_see_pilot(actor, pilot), access.may_manage_pilot(actor, pilot))
    check_pdf(file)
    name = getattr(file, "name", "") or "document.pdf"
    with transaction.atomic():
        document = PhaseDocument(phase=phase, kind=kind, title=title.strip(), uploaded_by=actor)
        document.file.save(name.rsplit("/", 1)[-1], file, save=False)
        document.save()
        record(actor, "programme.document.attach", document, hub=pilot.hub)
    return document


def approve_phase(
    phase: Phase,
    *,
    decision: str,
    decided_on: dt.date,
    document: PhaseDocument | None = None,
    note: str = "",
    actor,
) -> PhaseApproval:
    """Record the programme owner's decision on a phase (e.g. the pre-project report)."""
    pilot = phase.pilot
    _check(actor, access.may_see_pilot(actor, pilot), access.may_approve(actor, pilot))
    if decision not in PhaseApproval.Decision.values:
        raise Invalid(_("Ukjent vedtak."), code="invalid_decision", field="decision")
    if document is not None and document.phase_id != phase.pk:
        raise Invalid(_("Dokumentet hører til en annen fase."), code="wrong_document")
    with transaction.atomic():
        approval = PhaseApproval.objects.create(
            phase=phase,
            document=document,
            decision=decision,
            decided_on=decided_on,
            decided_by_organization=pilot.programme.owner,
            decided_by=actor,
            note=note.strip(),
        )
        record(actor, "programme.phase.approve", approval, hub=pilot.hub)
    return approval


def change_leader(
    pilot: Pilot, *, person, starts_on: dt.date, organization=None, note: str = "", actor
) -> PilotLeader:
    """Make ``person`` the pilot's project leader from ``starts_on``; the current
    leader's period ends the day before, so the history stays whole."""
    _check(actor, access.may_see_pilot(actor, pilot), access.may_manage_pilot(actor, pilot))
    with transaction.atomic():
        current = (
            PilotLeader.objects.select_for_update()
            .filter(pilot=pilot, ends_on__isnull=True)
            .first()
        )
        if current is not None:
            if starts_on <= current.starts_on:
                raise Invalid(
                    _("Ny leder må starte etter at nåværende leder startet."),
                    code="invalid_leader_start",
                    field="starts_on",
                )
            current.ends_on = starts_on - dt.timedelta(days=1)
            current.save(update_fields=["ends_on"])
        leader = PilotLeader.objects.create(
            pilot=pilot, person=person, organization=organization, starts_on=starts_on, note=note
        )
        record(actor, "programme.leader.change", leader, hub=pilot.hub)
    return leader


def link_sub_project(pilot: Pilot, project, *, added_on=None, actor) -> PilotSubProject:
    """Make a community project a sub-project of the pilot."""
    _check(actor, access.may_see_pilot(actor, pilot), access.may_manage_pilot(actor, pilot))
    try:
        with transaction.atomic():
            link = PilotSubProject.objects.create(
                pilot=pilot,
                project=project,
                added_on=added_on,
                position=pilot.sub_projects.count(),
            )
            record(actor, "programme.sub_project.link", link, hub=pilot.hub)
    except IntegrityError:
        raise Conflict(
            _("Prosjektet er allerede delprosjekt i en pilot."), code="already_linked"
        ) from None
    return link


def change_sub_project_status(
    link: PilotSubProject,
    *,
    to_status: str,
    changed_on: dt.date,
    reason: str,
    merged_into=None,
    handed_over_to=None,
    actor,
):
    """Change a sub-project's status with a date and a reason, through the community
    app's one writer of project status (so the history is kept in one place)."""
    from hubro.community.actions import change_project_status

    pilot = link.pilot
    _check(actor, access.may_see_pilot(actor, pilot), access.may_manage_pilot(actor, pilot))
    return change_project_status(
        link.project,
        to_status=to_status,
        changed_on=changed_on,
        reason=reason,
        merged_into=merged_into,
        handed_over_to=handed_over_to,
        actor=actor,
    )


# --- Hub self-assessment ---------------------------------------------------------------------


def open_round(hub, *, title: str, held_on: dt.date, actor) -> SelfAssessmentRound:
    """Open a self-assessment round for a hub (hosts and administrators)."""
    _check(
        actor,
        access.may_see_self_assessment(actor, hub) or access.may_open_round(actor, hub),
        access.may_open_round(actor, hub),
    )
    try:
        with transaction.atomic():
            round_ = SelfAssessmentRound.objects.create(
                hub=hub, title=title.strip(), held_on=held_on, created_by=actor
            )
            record(actor, "programme.self_assessment.open", round_, hub=hub)
    except IntegrityError:
        raise Conflict(
            _("Huben har allerede en runde på denne datoen."), code="round_exists", field="held_on"
        ) from None
    return round_


def submit_self_assessment(
    round_: SelfAssessmentRound, *, scorer, scores: dict, organization=None, actor
) -> SelfAssessmentResponse:
    """Store one scorer's own scores for a round, replacing what they gave before.

    ``scores`` maps ``(kind, code)`` (kind ``criterion`` or ``barrier``) to
    ``(score 1–5, comment)``; every criterion and barrier must be scored."""
    hub = round_.hub
    if actor is not None:
        if not access.may_see_self_assessment(actor, hub):
            raise NotFound()
        if actor != scorer or not access.may_score(actor, hub):
            raise Forbidden(FORBIDDEN)
    expected = {("criterion", c) for c in Criterion.values} | {
        ("barrier", b) for b in Barrier.values
    }
    if set(scores) != expected:
        raise Invalid(
            _("Alle åtte kriterier og sju barrierer må ha en karakter."), code="incomplete"
        )
    for (kind, code), (score, _comment) in scores.items():
        _check_score(score, f"{kind}_{code}")
    with transaction.atomic():
        response, created = SelfAssessmentResponse.objects.select_for_update().get_or_create(
            round=round_, scorer=scorer, defaults={"organization": organization}
        )
        if not created:
            response.organization = organization
            response.save(update_fields=["organization"])
            response.scores.all().delete()
        SelfAssessmentScore.objects.bulk_create(
            SelfAssessmentScore(
                response=response, kind=kind, code=code, score=score, comment=comment.strip()
            )
            for (kind, code), (score, comment) in scores.items()
        )
        record(
            actor,
            "programme.self_assessment.submit",
            response,
            hub=hub,
            changes={"replaced": not created},
        )
    return response
