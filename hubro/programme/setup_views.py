"""Pages where programme owners set up and change programmes and pilots, and where a
pilot's steering group records meetings, decisions and spending.

Every page fetches through ``queries`` (404 for what the person may not see), asks
``access`` whether the person may do this (403 when not), and calls one action."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from hubro.community.models import Project
from hubro.core.errors import DomainError

from . import access, actions, budget, meetings, queries, setup
from .models import ProgrammeRole
from .setup_forms import (
    DecisionForm,
    ExpenseForm,
    GroupForm,
    LeaderForm,
    LinkSubProjectForm,
    LocalGoalForm,
    MeetingForm,
    MemberForm,
    PhaseForm,
    PilotForm,
    ProgrammeForm,
    RoleForm,
    SteeringOrganizationForm,
)
from .views import _or_404, _show_error

FORM = "programme/setup/form.html"


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _form_page(
    request,
    *,
    form_class,
    title: str,
    back: str,
    save,
    done,
    success: str,
    initial=None,
    form_kwargs=None,
    context=None,
    submit=None,
):
    """Show ``form_class``; on a valid POST call ``save(form)`` (an action), say
    ``success`` and go to ``done(result)``. A refused action shows its message at the
    field it concerns (422)."""
    form_kwargs = form_kwargs or {}
    status = 200
    if request.method == "POST":
        form = form_class(request.POST, request.FILES, **form_kwargs)
        if form.is_valid():
            try:
                result = save(form)
            except DomainError as exc:
                _show_error(form, exc)
            else:
                messages.success(request, success)
                return redirect(done(result))
        status = 422
    else:
        form = form_class(initial=initial, **form_kwargs)
    return render(
        request,
        FORM,
        {
            "form": form,
            "title": title,
            "back": back,
            "submit": submit or _("Lagre"),
            **(context or {}),
        },
        status=status,
    )


def _delete_page(request, *, what: str, back: str, delete, done: str, context=None):
    """Ask before deleting; a POST deletes (through ``delete()``, an action). A refusal
    (for example history that would be lost) is shown on the same page (409)."""
    error, status = None, 200
    if request.method == "POST":
        try:
            delete()
        except DomainError as exc:
            error, status = str(exc.detail), exc.status
        else:
            messages.success(request, _("%(what)s er slettet.") % {"what": what})
            return redirect(done)
    return render(
        request,
        "programme/setup/delete.html",
        {"what": what, "back": back, "error": error, **(context or {})},
        status=status,
    )


def _pilot_for(request, slug, rule):
    pilot = _or_404(queries.get_pilot_for, request.user, slug)
    _require(rule(request.user, pilot))
    return pilot


def _programme_for(request, slug):
    programme = _or_404(queries.get_programme_for, request.user, slug)
    _require(access.may_edit_programme(request.user, programme))
    return programme


def _one(queryset, pk):
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def _pilot_url(pilot) -> str:
    return reverse("programme:pilot", args=[pilot.slug])


def _groups_url(pilot) -> str:
    return reverse("programme:groups", args=[pilot.slug])


# --- Programmes ----------------------------------------------------------------------------


@login_required
def programme_new(request):
    _require(access.may_create_programme(request.user))
    return _form_page(
        request,
        form_class=ProgrammeForm,
        form_kwargs={"owners": setup.owner_organizations(request.user)},
        initial={f"goal_{n}": True for n in range(1, 6)},
        title=_("Nytt program"),
        back=reverse("programme:index"),
        save=lambda form: setup.create_programme(
            actor=request.user, goals=form.goals(), **form.fields_data()
        ),
        done=lambda programme: reverse("programme:programme", args=[programme.slug]),
        success=_("Programmet er opprettet."),
        submit=_("Opprett programmet"),
    )


@login_required
def programme_edit(request, slug):
    programme = _programme_for(request, slug)
    # The current owner stays choosable even when it is not one of the editor's own.
    owners = (
        type(programme.owner)
        .objects.filter(
            Q(pk__in=setup.owner_organizations(request.user).values("pk"))
            | Q(pk=programme.owner_id)
        )
        .order_by("name")
    )
    return _form_page(
        request,
        form_class=ProgrammeForm,
        form_kwargs={"owners": owners},
        initial=ProgrammeForm.initial_for(programme),
        title=_("Endre programmet %(name)s") % {"name": programme.name},
        back=reverse("programme:programme", args=[programme.slug]),
        save=lambda form: setup.update_programme(
            programme, actor=request.user, goals=form.goals(), **form.fields_data()
        ),
        done=lambda programme: reverse("programme:programme", args=[programme.slug]),
        success=_("Programmet er endret."),
    )


@login_required
def programme_delete(request, slug):
    programme = _programme_for(request, slug)
    back = reverse("programme:programme", args=[programme.slug])
    return _delete_page(
        request,
        what=programme.name,
        back=back,
        delete=lambda: setup.delete_programme(programme, actor=request.user),
        done=reverse("programme:index"),
    )


@login_required
def programme_roles(request, slug):
    """The programme's owners and evaluators, and a form to add one."""
    programme = _programme_for(request, slug)
    response = _form_page(
        request,
        form_class=RoleForm,
        title=_("Roller i %(name)s") % {"name": programme.name},
        back=reverse("programme:programme", args=[programme.slug]),
        save=lambda form: setup.add_programme_role(
            programme,
            person=form.cleaned_data["person"],
            role=form.cleaned_data["role"],
            actor=request.user,
        ),
        done=lambda role: reverse("programme:roles", args=[programme.slug]),
        success=_("Rollen er lagt til."),
        submit=_("Legg til rollen"),
        context={
            "programme": programme,
            "roles": programme.roles.select_related("person").order_by("role", "person__name"),
            "roles_table": True,
        },
    )
    return response


@login_required
def programme_role_delete(request, slug, pk):
    programme = _programme_for(request, slug)
    role = _one(ProgrammeRole.objects.filter(programme=programme).select_related("person"), pk)
    back = reverse("programme:roles", args=[programme.slug])
    return _delete_page(
        request,
        what=_("Rollen til %(person)s") % {"person": role.person},
        back=back,
        delete=lambda: setup.remove_programme_role(role, actor=request.user),
        done=back,
    )


# --- Pilots --------------------------------------------------------------------------------


@login_required
def pilot_new(request, slug):
    programme = _programme_for(request, slug)
    return _form_page(
        request,
        form_class=PilotForm,
        title=_("Ny pilot i %(name)s") % {"name": programme.name},
        back=reverse("programme:programme", args=[programme.slug]),
        save=lambda form: setup.create_pilot(programme, actor=request.user, **form.cleaned_data),
        done=_pilot_url,
        success=_("Piloten er opprettet."),
        submit=_("Opprett piloten"),
        context={"programme": programme},
    )


@login_required
def pilot_edit(request, slug):
    pilot = _pilot_for(request, slug, access.may_edit_pilot)
    fields = ("name", "slug", "description", "host_municipality", "region", "hub")
    return _form_page(
        request,
        form_class=PilotForm,
        initial={name: getattr(pilot, name) for name in fields},
        title=_("Endre piloten %(name)s") % {"name": pilot.name},
        back=_pilot_url(pilot),
        save=lambda form: setup.update_pilot(pilot, actor=request.user, **form.cleaned_data),
        done=_pilot_url,
        success=_("Piloten er endret."),
        context={"pilot": pilot},
    )


@login_required
def pilot_delete(request, slug):
    pilot = _pilot_for(request, slug, access.may_edit_pilot)
    return _delete_page(
        request,
        what=pilot.name,
        back=_pilot_url(pilot),
        delete=lambda: setup.delete_pilot(pilot, actor=request.user),
        done=reverse("programme:programme", args=[pilot.programme.slug]),
        context={"pilot": pilot},
    )


@login_required
def phase_edit(request, slug, pk=None):
    pilot = _pilot_for(request, slug, access.may_edit_pilot)
    phase = _one(pilot.phases, pk) if pk else None
    initial = (
        {n: getattr(phase, n) for n in ("kind", "starts_on", "ends_on", "note")}
        if phase
        else {"starts_on": timezone.localdate()}
    )
    return _form_page(
        request,
        form_class=PhaseForm,
        initial=initial,
        title=_("Endre fase") if phase else _("Ny fase"),
        back=_pilot_url(pilot),
        save=lambda form: setup.save_phase(pilot, phase, actor=request.user, **form.cleaned_data),
        done=lambda _phase: _pilot_url(pilot),
        success=_("Fasen er lagret."),
        context={"pilot": pilot},
    )


@login_required
def phase_delete(request, slug, pk):
    pilot = _pilot_for(request, slug, access.may_edit_pilot)
    phase = _one(pilot.phases, pk)
    return _delete_page(
        request,
        what=phase.get_kind_display(),
        back=_pilot_url(pilot),
        delete=lambda: setup.delete_phase(phase, actor=request.user),
        done=_pilot_url(pilot),
        context={"pilot": pilot},
    )


@login_required
def local_goal_edit(request, slug, pk=None):
    pilot = _pilot_for(request, slug, access.may_edit_pilot)
    goal = _one(pilot.local_goals, pk) if pk else None
    initial = (
        {
            "title": goal.title,
            "description": goal.description,
            "national_goals": [g.number for g in goal.national_goals.all()],
        }
        if goal
        else None
    )

    def save(form):
        data = dict(form.cleaned_data)
        return setup.save_local_goal(
            pilot, goal, national_goals=data.pop("national_goals"), actor=request.user, **data
        )

    return _form_page(
        request,
        form_class=LocalGoalForm,
        form_kwargs={"programme": pilot.programme},
        initial=initial,
        title=_("Endre lokalt mål") if goal else _("Nytt lokalt mål"),
        back=_pilot_url(pilot),
        save=save,
        done=lambda _goal: _pilot_url(pilot),
        success=_("Målet er lagret."),
        context={"pilot": pilot},
    )


@login_required
def local_goal_delete(request, slug, pk):
    pilot = _pilot_for(request, slug, access.may_edit_pilot)
    goal = _one(pilot.local_goals, pk)
    return _delete_page(
        request,
        what=goal.title,
        back=_pilot_url(pilot),
        delete=lambda: setup.delete_local_goal(goal, actor=request.user),
        done=_pilot_url(pilot),
        context={"pilot": pilot},
    )


# --- Steering group, groups, leader, sub-projects ------------------------------------------


@login_required
def groups(request, slug):
    """The steering group (organizations and people), the reference and working groups
    with their members, and what the person may change about them."""
    pilot = _or_404(queries.get_pilot_for, request.user, slug)
    return render(
        request,
        "programme/setup/groups.html",
        {
            "pilot": pilot,
            "may_edit": access.may_edit_pilot(request.user, pilot),
            "may_manage": access.may_manage_pilot(request.user, pilot),
            "steering_organizations": pilot.steering_organizations.select_related("organization"),
            "steering_members": pilot.steering_members.select_related("person", "organization"),
            "groups": pilot.groups.prefetch_related("members__person", "members__organization"),
        },
    )


def _member_initial(member):
    return {
        n: getattr(member, n) for n in ("person", "organization", "role", "starts_on", "ends_on")
    }


@login_required
def steering_member_edit(request, slug, pk=None):
    pilot = _pilot_for(request, slug, access.may_edit_pilot)
    member = _one(pilot.steering_members, pk) if pk else None
    return _form_page(
        request,
        form_class=MemberForm,
        initial=_member_initial(member) if member else None,
        title=_("Endre medlem av styringsgruppen")
        if member
        else _("Nytt medlem av styringsgruppen"),
        back=_groups_url(pilot),
        save=lambda form: setup.save_steering_member(
            pilot, member, actor=request.user, **form.cleaned_data
        ),
        done=lambda _m: _groups_url(pilot),
        success=_("Styringsgruppen er oppdatert."),
        context={"pilot": pilot},
    )


@login_required
def steering_member_delete(request, slug, pk):
    pilot = _pilot_for(request, slug, access.may_edit_pilot)
    member = _one(pilot.steering_members.select_related("person"), pk)
    return _delete_page(
        request,
        what=str(member.person),
        back=_groups_url(pilot),
        delete=lambda: setup.delete_steering_member(member, actor=request.user),
        done=_groups_url(pilot),
        context={"pilot": pilot},
    )


@login_required
def steering_organization_new(request, slug):
    pilot = _pilot_for(request, slug, access.may_edit_pilot)
    return _form_page(
        request,
        form_class=SteeringOrganizationForm,
        title=_("Ny organisasjon i styringsgruppen"),
        back=_groups_url(pilot),
        save=lambda form: setup.save_steering_organization(
            pilot, actor=request.user, **form.cleaned_data
        ),
        done=lambda _m: _groups_url(pilot),
        success=_("Styringsgruppen er oppdatert."),
        context={"pilot": pilot},
    )


@login_required
def steering_organization_delete(request, slug, pk):
    pilot = _pilot_for(request, slug, access.may_edit_pilot)
    entry = _one(pilot.steering_organizations.select_related("organization"), pk)
    return _delete_page(
        request,
        what=entry.organization.name,
        back=_groups_url(pilot),
        delete=lambda: setup.delete_steering_organization(entry, actor=request.user),
        done=_groups_url(pilot),
        context={"pilot": pilot},
    )


@login_required
def group_edit(request, slug, pk=None):
    pilot = _pilot_for(request, slug, access.may_edit_pilot)
    group = _one(pilot.groups, pk) if pk else None
    return _form_page(
        request,
        form_class=GroupForm,
        initial={n: getattr(group, n) for n in ("kind", "name", "description")} if group else None,
        title=_("Endre gruppe") if group else _("Ny referanse- eller arbeidsgruppe"),
        back=_groups_url(pilot),
        save=lambda form: setup.save_group(pilot, group, actor=request.user, **form.cleaned_data),
        done=lambda _g: _groups_url(pilot),
        success=_("Gruppen er lagret."),
        context={"pilot": pilot},
    )


@login_required
def group_delete(request, slug, pk):
    pilot = _pilot_for(request, slug, access.may_edit_pilot)
    group = _one(pilot.groups, pk)
    return _delete_page(
        request,
        what=group.name,
        back=_groups_url(pilot),
        delete=lambda: setup.delete_group(group, actor=request.user),
        done=_groups_url(pilot),
        context={"pilot": pilot},
    )


@login_required
def group_member_edit(request, slug, group_pk, pk=None):
    pilot = _pilot_for(request, slug, access.may_edit_pilot)
    group = _one(pilot.groups, group_pk)
    member = _one(group.members, pk) if pk else None
    return _form_page(
        request,
        form_class=MemberForm,
        initial=_member_initial(member) if member else None,
        title=(_("Endre medlem av %(group)s") if member else _("Nytt medlem av %(group)s"))
        % {"group": group.name},
        back=_groups_url(pilot),
        save=lambda form: setup.save_group_member(
            group, member, actor=request.user, **form.cleaned_data
        ),
        done=lambda _m: _groups_url(pilot),
        success=_("Gruppen er oppdatert."),
        context={"pilot": pilot},
    )


@login_required
def group_member_delete(request, slug, group_pk, pk):
    pilot = _pilot_for(request, slug, access.may_edit_pilot)
    group = _one(pilot.groups, group_pk)
    member = _one(group.members.select_related("person"), pk)
    return _delete_page(
        request,
        what=str(member.person),
        back=_groups_url(pilot),
        delete=lambda: setup.delete_group_member(member, actor=request.user),
        done=_groups_url(pilot),
        context={"pilot": pilot},
    )


@login_required
def leader_change(request, slug):
    pilot = _pilot_for(request, slug, access.may_manage_pilot)
    return _form_page(
        request,
        form_class=LeaderForm,
        initial={"starts_on": timezone.localdate()},
        title=_("Bytt prosjektleder for %(name)s") % {"name": pilot.name},
        back=_pilot_url(pilot),
        save=lambda form: actions.change_leader(pilot, actor=request.user, **form.cleaned_data),
        done=lambda _l: _pilot_url(pilot),
        success=_("Prosjektlederen er byttet."),
        context={"pilot": pilot},
    )


@login_required
def sub_project_link(request, slug):
    pilot = _pilot_for(request, slug, access.may_manage_pilot)
    projects = Project.objects.filter(pilot_link__isnull=True).order_by("title")
    return _form_page(
        request,
        form_class=LinkSubProjectForm,
        form_kwargs={"projects": projects},
        initial={"added_on": timezone.localdate()},
        title=_("Koble et prosjekt til %(name)s som delprosjekt") % {"name": pilot.name},
        back=_pilot_url(pilot),
        save=lambda form: actions.link_sub_project(
            pilot,
            form.cleaned_data["project"],
            added_on=form.cleaned_data["added_on"],
            actor=request.user,
        ),
        done=lambda _l: _pilot_url(pilot),
        success=_("Prosjektet er koblet til piloten."),
        context={"pilot": pilot},
    )


# --- Meetings, decisions, budget -----------------------------------------------------------


def _meetings_pilot(request, slug):
    pilot = _or_404(queries.get_pilot_for, request.user, slug)
    if not access.may_see_meetings(request.user, pilot):
        raise Http404
    return pilot


@login_required
def meeting_list(request, slug):
    pilot = _meetings_pilot(request, slug)
    return render(
        request,
        "programme/setup/meetings.html",
        {
            "pilot": pilot,
            "meetings": budget.meetings_for(request.user, pilot),
            "may_manage": access.may_manage_pilot(request.user, pilot),
        },
    )


@login_required
def meeting_new(request, slug):
    pilot = _meetings_pilot(request, slug)
    _require(access.may_manage_pilot(request.user, pilot))
    return _form_page(
        request,
        form_class=MeetingForm,
        initial={"held_on": timezone.localdate()},
        title=_("Nytt møte i styringsgruppen for %(name)s") % {"name": pilot.name},
        back=reverse("programme:meetings", args=[pilot.slug]),
        save=lambda form: meetings.record_meeting(pilot, actor=request.user, **form.cleaned_data),
        done=lambda meeting: reverse("programme:meeting", args=[pilot.slug, meeting.pk]),
        success=_("Møtet er registrert."),
        context={"pilot": pilot},
    )


@login_required
def meeting_edit(request, slug, pk):
    pilot = _meetings_pilot(request, slug)
    _require(access.may_manage_pilot(request.user, pilot))
    meeting = _or_404(budget.get_meeting_for, request.user, pilot, pk)
    return _form_page(
        request,
        form_class=MeetingForm,
        initial={n: getattr(meeting, n) for n in ("held_on", "title", "agenda", "minutes")},
        title=_("Endre møtet"),
        back=reverse("programme:meeting", args=[pilot.slug, meeting.pk]),
        save=lambda form: meetings.update_meeting(
            meeting, actor=request.user, **form.cleaned_data
        ),
        done=lambda meeting: reverse("programme:meeting", args=[pilot.slug, meeting.pk]),
        success=_("Møtet er endret."),
        context={"pilot": pilot},
    )


@login_required
def meeting_detail(request, slug, pk):
    pilot = _meetings_pilot(request, slug)
    meeting = _or_404(budget.get_meeting_for, request.user, pilot, pk)
    return render(
        request,
        "programme/setup/meeting.html",
        {
            "pilot": pilot,
            "meeting": meeting,
            "decisions": meeting.decisions.select_related("sub_project__project"),
            "may_manage": access.may_manage_pilot(request.user, pilot),
        },
    )


@login_required
def meeting_delete(request, slug, pk):
    pilot = _meetings_pilot(request, slug)
    _require(access.may_manage_pilot(request.user, pilot))
    meeting = _or_404(budget.get_meeting_for, request.user, pilot, pk)
    return _delete_page(
        request,
        what=_("Møtet %(date)s") % {"date": meeting.held_on.strftime("%d.%m.%Y")},
        back=reverse("programme:meeting", args=[pilot.slug, meeting.pk]),
        delete=lambda: meetings.delete_meeting(meeting, actor=request.user),
        done=reverse("programme:meetings", args=[pilot.slug]),
        context={"pilot": pilot},
    )


@login_required
def meeting_minutes(request, slug, pk):
    pilot = _meetings_pilot(request, slug)
    meeting = _or_404(budget.get_meeting_for, request.user, pilot, pk)
    if not meeting.minutes_file:
        raise Http404
    try:
        handle = meeting.minutes_file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    return FileResponse(
        handle, as_attachment=True, filename=meeting.minutes_file.name.rsplit("/", 1)[-1]
    )


@login_required
def decision_new(request, slug, pk):
    pilot = _meetings_pilot(request, slug)
    _require(access.may_manage_pilot(request.user, pilot))
    meeting = _or_404(budget.get_meeting_for, request.user, pilot, pk)
    meeting_url = reverse("programme:meeting", args=[pilot.slug, meeting.pk])
    return _form_page(
        request,
        form_class=DecisionForm,
        form_kwargs={"pilot": pilot},
        title=_("Nytt vedtak"),
        back=meeting_url,
        save=lambda form: meetings.record_decision(
            meeting, actor=request.user, **form.cleaned_data
        ),
        done=lambda _d: meeting_url,
        success=_("Vedtaket er registrert."),
        context={"pilot": pilot, "meeting": meeting},
    )


@login_required
def decision_delete(request, slug, pk, decision_pk):
    pilot = _meetings_pilot(request, slug)
    _require(access.may_manage_pilot(request.user, pilot))
    meeting = _or_404(budget.get_meeting_for, request.user, pilot, pk)
    decision = _one(meeting.decisions, decision_pk)
    meeting_url = reverse("programme:meeting", args=[pilot.slug, meeting.pk])
    return _delete_page(
        request,
        what=_("Vedtaket"),
        back=meeting_url,
        delete=lambda: meetings.delete_decision(decision, actor=request.user),
        done=meeting_url,
        context={"pilot": pilot},
    )


@login_required
def pilot_budget(request, slug):
    pilot = _meetings_pilot(request, slug)
    return render(
        request,
        "programme/setup/budget.html",
        {
            "pilot": pilot,
            "programme": pilot.programme,
            "budget": budget.pilot_budget(request.user, pilot, pilot_label=_("Piloten selv")),
            "may_manage": access.may_manage_pilot(request.user, pilot),
        },
    )


@login_required
def expense_new(request, slug):
    pilot = _meetings_pilot(request, slug)
    _require(access.may_manage_pilot(request.user, pilot))
    budget_url = reverse("programme:budget", args=[pilot.slug])
    return _form_page(
        request,
        form_class=ExpenseForm,
        form_kwargs={"pilot": pilot},
        initial={"spent_on": timezone.localdate()},
        title=_("Registrer utgift"),
        back=budget_url,
        save=lambda form: meetings.record_expense(pilot, actor=request.user, **form.cleaned_data),
        done=lambda _e: budget_url,
        success=_("Utgiften er registrert."),
        context={"pilot": pilot},
    )


@login_required
def expense_delete(request, slug, pk):
    pilot = _meetings_pilot(request, slug)
    _require(access.may_manage_pilot(request.user, pilot))
    expense = _one(pilot.expenses, pk)
    budget_url = reverse("programme:budget", args=[pilot.slug])
    return _delete_page(
        request,
        what=expense.description,
        back=budget_url,
        delete=lambda: meetings.delete_expense(expense, actor=request.user),
        done=budget_url,
        context={"pilot": pilot},
    )
