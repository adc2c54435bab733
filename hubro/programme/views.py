"""Programme pages: the programme overview, pilots, sub-project histories, status
reports, assessments, phase documents, and hub self-assessments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from hubro.core.errors import DomainError, NotFound
from hubro.core.models import Membership

from . import access, actions, queries
from .criteria import Barrier, Criterion
from .forms import (
    AssessmentForm,
    PhaseApprovalForm,
    PhaseDocumentForm,
    RoundForm,
    SelfAssessmentForm,
    StatusReportForm,
)
from .models import Assessment, AssessmentFinding
from .selfassessment import combine, disagreements, trend, trend_svg_points


def _or_404(fetch, *args):
    try:
        return fetch(*args)
    except NotFound:
        raise Http404 from None


def _show_error(form, exc: DomainError) -> None:
    form.add_error(exc.field if exc.field in form.fields else None, str(exc.detail))


@login_required
def index(request):
    programmes = list(queries.visible_programmes(request.user))
    hubs = list(queries.self_assessment_hubs(request.user))
    if len(programmes) == 1 and not hubs:
        return redirect("programme:programme", slug=programmes[0].slug)
    return render(
        request,
        "programme/index.html",
        {
            "programmes": programmes,
            "hubs": hubs,
            "may_create": access.may_create_programme(request.user),
        },
    )


@login_required
def programme_detail(request, slug):
    programme = _or_404(queries.get_programme_for, request.user, slug)
    start, end = queries.indicator_period()
    return render(
        request,
        "programme/programme.html",
        {
            "programme": programme,
            "goals": programme.goals.order_by("number"),
            "rows": queries.programme_overview(request.user, programme),
            "period_start": start,
            "period_end": end,
            "is_owner": access.is_owner(request.user, programme),
            "may_edit": access.may_edit_programme(request.user, programme),
            "may_create": access.may_create_programme(request.user),
        },
    )


@login_required
def pilot_detail(request, slug):
    pilot = _or_404(queries.get_pilot_for, request.user, slug)
    user = request.user
    context = {
        "pilot": pilot,
        "programme": pilot.programme,
        "may_see_reports": access.may_see_reports(user, pilot),
        "may_file_report": access.may_file_report(user, pilot),
        "may_assess": access.may_assess(user, pilot),
        "may_manage": access.may_manage_pilot(user, pilot),
        "may_approve": access.may_approve(user, pilot),
        "may_edit": access.may_edit_pilot(user, pilot),
        "current_phase": queries.current_phase(pilot),
        **queries.pilot_detail(pilot),
    }
    if context["may_see_reports"]:
        context["assessments"] = queries.assessments_for(user, pilot)
        context["reports"] = queries.status_reports_for(user, pilot)[:3]
    return render(request, "programme/pilot.html", context)


@login_required
def sub_project_detail(request, slug, project_slug):
    """A sub-project's full status history; the pilot's managers change its status
    here too (through the community app's one writer of project status)."""
    link = _or_404(queries.get_sub_project_for, request.user, slug, project_slug)
    may_manage = access.may_manage_pilot(request.user, link.pilot)
    form, status = None, 200
    if may_manage and link.project.status not in link.project.ENDED:
        from hubro.community.forms import StatusForm

        if request.method == "POST":
            form = StatusForm(request.POST, project=link.project)
            if form.is_valid():
                data = form.cleaned_data
                try:
                    actions.change_sub_project_status(
                        link,
                        to_status=data["to_status"],
                        changed_on=data["changed_on"],
                        reason=data["reason"],
                        merged_into=data.get("merged_into"),
                        handed_over_to=data.get("handed_over_to"),
                        actor=request.user,
                    )
                except DomainError as exc:
                    _show_error(form, exc)
                else:
                    messages.success(request, _("Statusen er endret."))
                    return redirect("programme:sub_project", slug=slug, project_slug=project_slug)
            status = 422
        else:
            form = StatusForm(project=link.project)
    elif request.method == "POST":
        raise Http404
    project = link.project
    return render(
        request,
        "programme/sub_project.html",
        {
            "link": link,
            "pilot": link.pilot,
            "project": project,
            "history": project.status_history.select_related("merged_into", "handed_over_to"),
            "form": form,
        },
        status=status,
    )


# --- Status reports ------------------------------------------------------------------------


@login_required
def status_reports(request, slug):
    pilot = _or_404(queries.get_pilot_for, request.user, slug)
    reports = _or_404(queries.status_reports_for, request.user, pilot)
    return render(
        request,
        "programme/status_reports.html",
        {
            "pilot": pilot,
            "reports": reports,
            "may_file_report": access.may_file_report(request.user, pilot),
        },
    )


@login_required
def status_report_new(request, slug):
    pilot = _or_404(queries.get_pilot_for, request.user, slug)
    if not access.may_see_reports(request.user, pilot):
        raise Http404
    if not access.may_file_report(request.user, pilot):
        raise Http404
    sub_projects = list(queries.sub_projects_of(pilot))
    if request.method == "POST":
        form = StatusReportForm(request.POST, sub_projects=sub_projects)
        if form.is_valid():
            data = form.cleaned_data
            try:
                report = actions.file_status_report(
                    pilot,
                    period_start=data["period_start"],
                    period_end=data["period_end"],
                    summary=data["summary"],
                    risks=data["risks"],
                    needs=data["needs"],
                    progress=form.progress(),
                    actor=request.user,
                )
            except DomainError as exc:
                _show_error(form, exc)
            else:
                messages.success(request, _("Statusrapporten er levert."))
                return redirect("programme:status_report", slug=pilot.slug, pk=report.pk)
    else:
        today = timezone.localdate()
        form = StatusReportForm(
            sub_projects=sub_projects,
            initial={"period_start": today.replace(day=1), "period_end": today},
        )
    return render(
        request,
        "programme/status_report_form.html",
        {"pilot": pilot, "form": form},
        status=422 if request.method == "POST" else 200,
    )


@login_required
def status_report_detail(request, slug, pk):
    report = _or_404(queries.get_status_report_for, request.user, pk)
    if report.pilot.slug != slug:
        raise Http404
    return render(
        request,
        "programme/status_report.html",
        {"report": report, "pilot": report.pilot, "lines": report.lines.select_related("project")},
    )


# --- Assessments ---------------------------------------------------------------------------


@login_required
def assessment_detail(request, pk):
    assessment = _or_404(queries.get_assessment_for, request.user, pk)
    findings = list(assessment.findings.all())
    return render(
        request,
        "programme/assessment.html",
        {
            "assessment": assessment,
            "pilot": assessment.pilot,
            "success_factors": [
                f for f in findings if f.kind == AssessmentFinding.Kind.SUCCESS_FACTOR
            ],
            "barriers": [f for f in findings if f.kind == AssessmentFinding.Kind.BARRIER],
        },
    )


@login_required
def assessment_new(request, slug):
    pilot = _or_404(queries.get_pilot_for, request.user, slug)
    if not access.may_assess(request.user, pilot):
        raise Http404
    goals = list(pilot.programme.goals.order_by("number"))
    if request.method == "POST":
        form = AssessmentForm(request.POST, goals=goals)
        if form.is_valid():
            data = form.cleaned_data
            try:
                assessment = actions.record_assessment(
                    pilot,
                    milestone=data["milestone"],
                    assessed_on=data["assessed_on"],
                    summary=data["summary"],
                    recommendations=data["recommendations"],
                    goal_scores=form.goal_scores(),
                    success_factors={code: "" for code in data["success_factors"]},
                    barriers={code: "" for code in data["barriers"]},
                    actor=request.user,
                )
            except DomainError as exc:
                _show_error(form, exc)
            else:
                messages.success(request, _("Vurderingen er registrert."))
                return redirect("programme:assessment", pk=assessment.pk)
    else:
        form = AssessmentForm(
            goals=goals,
            initial={
                "assessed_on": timezone.localdate(),
                "milestone": Assessment.Milestone.MIDWAY,
            },
        )
    return render(
        request,
        "programme/assessment_form.html",
        {"pilot": pilot, "form": form},
        status=422 if request.method == "POST" else 200,
    )


# --- Phase documents and approvals ---------------------------------------------------------


def _phase_or_404(request, slug, phase_pk):
    pilot = _or_404(queries.get_pilot_for, request.user, slug)
    phase = pilot.phases.filter(pk=phase_pk).first()
    if phase is None:
        raise Http404
    return pilot, phase


@login_required
def phase_document_new(request, slug, phase_pk):
    pilot, phase = _phase_or_404(request, slug, phase_pk)
    if not access.may_manage_pilot(request.user, pilot):
        raise Http404
    if request.method == "POST":
        form = PhaseDocumentForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                actions.attach_phase_document(
                    phase,
                    title=form.cleaned_data["title"],
                    kind=form.cleaned_data["kind"],
                    file=form.cleaned_data["file"],
                    actor=request.user,
                )
            except DomainError as exc:
                _show_error(form, exc)
            else:
                messages.success(request, _("Dokumentet er lagret."))
                return redirect("programme:pilot", slug=pilot.slug)
    else:
        form = PhaseDocumentForm()
    return render(
        request,
        "programme/phase_document_form.html",
        {"pilot": pilot, "phase": phase, "form": form},
        status=422 if request.method == "POST" else 200,
    )


@login_required
def phase_document_download(request, pk):
    document = _or_404(queries.get_document_for, request.user, pk)
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=document.file.name.rsplit("/", 1)[-1])


@login_required
def phase_approve(request, slug, phase_pk):
    pilot, phase = _phase_or_404(request, slug, phase_pk)
    if not access.may_approve(request.user, pilot):
        raise Http404
    if request.method == "POST":
        form = PhaseApprovalForm(request.POST)
        if form.is_valid():
            try:
                actions.approve_phase(
                    phase,
                    decision=form.cleaned_data["decision"],
                    decided_on=form.cleaned_data["decided_on"],
                    note=form.cleaned_data["note"],
                    document=phase.documents.order_by("-uploaded_at").first(),
                    actor=request.user,
                )
            except DomainError as exc:
                _show_error(form, exc)
            else:
                messages.success(request, _("Vedtaket er registrert."))
                return redirect("programme:pilot", slug=pilot.slug)
    else:
        form = PhaseApprovalForm(initial={"decided_on": timezone.localdate()})
    return render(
        request,
        "programme/phase_approval_form.html",
        {"pilot": pilot, "phase": phase, "form": form},
        status=422 if request.method == "POST" else 200,
    )


# --- Hub self-assessment ---------------------------------------------------------------------


@login_required
def self_assessment(request, hub_slug):
    hub = _or_404(queries.get_self_assessment_hub_for, request.user, hub_slug)
    rounds, rows = trend(hub)
    for row in rows:
        row.points = trend_svg_points(row.means)
    return render(
        request,
        "programme/self_assessment.html",
        {
            "hub": hub,
            "rounds": rounds,
            "criteria_rows": [r for r in rows if r.kind == "criterion"],
            "barrier_rows": [r for r in rows if r.kind == "barrier"],
            "may_open_round": access.may_open_round(request.user, hub),
            "may_score": access.may_score(request.user, hub),
        },
    )


@login_required
def round_new(request, hub_slug):
    hub = _or_404(queries.get_self_assessment_hub_for, request.user, hub_slug)
    if not access.may_open_round(request.user, hub):
        raise Http404
    if request.method == "POST":
        form = RoundForm(request.POST)
        if form.is_valid():
            try:
                round_ = actions.open_round(
                    hub,
                    title=form.cleaned_data["title"],
                    held_on=form.cleaned_data["held_on"],
                    actor=request.user,
                )
            except DomainError as exc:
                _show_error(form, exc)
            else:
                return redirect("programme:round", hub_slug=hub.slug, pk=round_.pk)
    else:
        form = RoundForm(initial={"held_on": timezone.localdate()})
    return render(
        request,
        "programme/round_form.html",
        {"hub": hub, "form": form},
        status=422 if request.method == "POST" else 200,
    )


@login_required
def round_detail(request, hub_slug, pk):
    hub = _or_404(queries.get_self_assessment_hub_for, request.user, hub_slug)
    round_ = _or_404(queries.get_round_for, request.user, hub, pk)
    combined = combine(round_)
    return render(
        request,
        "programme/round.html",
        {
            "hub": hub,
            "round": round_,
            "criteria": [i for i in combined if i.kind == "criterion"],
            "barriers": [i for i in combined if i.kind == "barrier"],
            "disagreements": disagreements(combined),
            "scorers": round_.responses.select_related("scorer", "organization"),
            "may_score": access.may_score(request.user, hub),
        },
    )


def _scorer_organization(person, hub):
    ids = set(hub.member_organizations.values_list("pk", flat=True)) | {hub.host_organization_id}
    membership = (
        Membership.objects.filter(person=person, organization_id__in=ids)
        .select_related("organization")
        .order_by("-is_primary")
        .first()
    )
    return membership.organization if membership else None


@login_required
def round_score(request, hub_slug, pk):
    hub = _or_404(queries.get_self_assessment_hub_for, request.user, hub_slug)
    round_ = _or_404(queries.get_round_for, request.user, hub, pk)
    if not access.may_score(request.user, hub):
        raise Http404
    if request.method == "POST":
        form = SelfAssessmentForm(request.POST)
        if form.is_valid():
            try:
                actions.submit_self_assessment(
                    round_,
                    scorer=request.user,
                    organization=_scorer_organization(request.user, hub),
                    scores=form.scores(),
                    actor=request.user,
                )
            except DomainError as exc:
                _show_error(form, exc)
            else:
                messages.success(request, _("Egenvurderingen din er lagret."))
                return redirect("programme:round", hub_slug=hub.slug, pk=round_.pk)
    else:
        initial = {}
        mine = round_.responses.filter(scorer=request.user).first()
        for score in mine.scores.all() if mine else ():
            initial[f"{score.kind}_{score.code}_score"] = score.score
            initial[f"{score.kind}_{score.code}_comment"] = score.comment
        form = SelfAssessmentForm(initial=initial)
    return render(
        request,
        "programme/round_score.html",
        {
            "hub": hub,
            "round": round_,
            "form": form,
            "criteria_count": len(Criterion),
            "barrier_count": len(Barrier),
        },
        status=422 if request.method == "POST" else 200,
    )
