"""Every write that sets up or changes a programme and its pilots: the programme (period,
budget, national goals), its roles, pilots, phases, local goals, the steering group and
the reference and working groups, and deleting them.

Like ``hubro.programme.actions``: the web UI and the API call these and nothing else;
``actor`` is checked here through ``hubro.programme.access`` (``NotFound`` when the actor
may not see the thing, ``Forbidden`` when they may see but not change it); every write is
atomic and audited. Deleting refuses (``Conflict``) when it would take recorded history
with it: a programme with pilots, a pilot with reports, assessments, meetings or spending,
a phase with documents or approvals."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext_lazy as _

from hubro.core.audit import record
from hubro.core.errors import Conflict, Invalid

from . import access
from .actions import Forbidden, _check, _check_text
from .criteria import NationalGoal
from .models import (
    LocalGoal,
    Phase,
    Pilot,
    PilotGroup,
    PilotGroupMember,
    Programme,
    ProgrammeGoal,
    ProgrammeRole,
    SteeringGroupMember,
    SteeringGroupOrganization,
)

PROGRAMME_FIELDS = (
    "name",
    "slug",
    "description",
    "owner",
    "starts_on",
    "ends_on",
    "original_ends_on",
    "budget",
    "budget_note",
)
PILOT_FIELDS = ("name", "slug", "description", "host_municipality", "region", "hub")
PHASE_FIELDS = ("kind", "starts_on", "ends_on", "note")
LOCAL_GOAL_FIELDS = ("title", "description", "position")
MEMBER_FIELDS = ("person", "organization", "role", "starts_on", "ends_on")
STEERING_ORGANIZATION_FIELDS = ("organization", "role")
GROUP_FIELDS = ("kind", "name", "description")


# --- Shared ----------------------------------------------------------------------------------


def _audit_value(value):
    if hasattr(value, "pk"):
        return value.pk
    if value is None or isinstance(value, bool | int | str):
        return value
    return str(value)


def _check_period(start, end, field="ends_on") -> None:
    if start and end and end < start:
        raise Invalid(
            _("Perioden kan ikke slutte før den begynner."), code="invalid_period", field=field
        )


def _validation_error(exc: ValidationError) -> Invalid:
    if hasattr(exc, "error_dict"):
        field, errors = next(iter(exc.error_dict.items()))
        message = " ".join(str(m) for e in errors for m in e.messages)
        return Invalid(message, code="invalid", field=None if field == "__all__" else field)
    return Invalid(" ".join(exc.messages), code="invalid")


def _save(instance, fields: dict, *, actor, action: str, hub=None, conflict=None):
    """Set ``fields`` on ``instance``, validate it as the model does, save and audit.
    Unknown field names are a programming error, not input."""
    creating = instance.pk is None
    changes = {}
    for name, value in fields.items():
        if isinstance(value, str):
            _check_text(**{name: value})
            value = value.strip()
        if creating or getattr(instance, name) != value:
            changes[name] = _audit_value(value)
        setattr(instance, name, value)
    _check_period(getattr(instance, "starts_on", None), getattr(instance, "ends_on", None))
    try:
        # Unique and check constraints are the database's: a clash answers 409 below,
        # the periods are checked above, the amounts by the callers.
        instance.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        raise _validation_error(exc) from None
    try:
        with transaction.atomic():
            instance.save()
            record(
                actor,
                f"{action}.{'create' if creating else 'update'}",
                instance,
                hub=hub,
                changes=changes,
            )
    except IntegrityError:
        raise conflict or Conflict(_("Dette finnes allerede.")) from None
    # Read back what the database keeps (a budget of "5000000" is 5000000.00 there).
    instance.refresh_from_db()
    return instance


def _delete(instance, *, actor, action: str, hub=None, refuse=None) -> None:
    """Delete ``instance`` and audit it; ``refuse`` is a reason (a ``Conflict``) to keep it."""
    if refuse is not None:
        raise refuse
    label = str(instance)
    try:
        with transaction.atomic():
            record(actor, f"{action}.delete", instance, hub=hub, changes={"deleted": label})
            instance.delete()
    except ProtectedError:
        raise Conflict(
            _("Kan ikke slettes fordi andre data viser til den."), code="in_use"
        ) from None


def _pick(data: dict, allowed) -> dict:
    unknown = set(data) - set(allowed)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    return data


# --- Programmes ----------------------------------------------------------------------------


def owner_organizations(actor):
    """The organizations a new programme may be owned by: the actor's own (any for an
    administrator, and for the system)."""
    from hubro.core.models import Organization
    from hubro.core.permissions import is_admin

    if actor is None or is_admin(actor):
        return Organization.objects.order_by("name")
    return Organization.objects.filter(memberships__person=actor).distinct().order_by("name")


def _set_goals(programme, goals: dict) -> None:
    """``goals`` maps a national goal number (1–5) to its wording in this programme; the
    programme serves exactly these goals. A goal that local goals or assessments use is
    kept (``Conflict``), so no history is lost."""
    if any(number not in NationalGoal.values for number in goals):
        raise Invalid(_("Ukjent nasjonalt mål."), code="unknown_goal", field="goals")
    for number, text in goals.items():
        _check_text(**{f"goal_{number}": text or ""})
    current = {g.number: g for g in programme.goals.all()}
    for number, goal in current.items():
        if number not in goals:
            if goal.local_goals.exists() or goal.scores.exists():
                raise Conflict(
                    _("Mål %(number)d er i bruk av lokale mål eller vurderinger.")
                    % {"number": number},
                    code="goal_in_use",
                    field="goals",
                )
            goal.delete()
    for number, text in goals.items():
        goal = current.get(number)
        if goal is None:
            ProgrammeGoal.objects.create(programme=programme, number=number, text=text or "")
        elif goal.text != (text or ""):
            goal.text = text or ""
            goal.save(update_fields=["text"])


def _check_budget(fields) -> None:
    budget = fields.get("budget")
    if budget is not None and budget < 0:
        raise Invalid(
            _("Budsjettet kan ikke være negativt."), code="invalid_budget", field="budget"
        )


def create_programme(*, actor, goals: dict | None = None, **fields) -> Programme:
    """Create a programme owned by one of the actor's organizations; the actor becomes
    its owner. ``goals`` maps national goal numbers to wording (default: all five)."""
    if actor is not None and not access.may_create_programme(actor):
        raise Forbidden(_("Bare programeiere og administratorer kan opprette programmer."))
    _pick(fields, PROGRAMME_FIELDS)
    _check_budget(fields)
    owner = fields.get("owner")
    if owner is None or not owner_organizations(actor).filter(pk=owner.pk).exists():
        raise Invalid(
            _("Velg en av dine egne organisasjoner som programeier."),
            code="invalid_owner",
            field="owner",
        )
    goals = {n: "" for n in NationalGoal.values} if goals is None else goals
    with transaction.atomic():
        programme = _save(
            Programme(),
            fields,
            actor=actor,
            action="programme.programme",
            conflict=Conflict(_("Kortnavnet er i bruk."), code="slug_taken", field="slug"),
        )
        _set_goals(programme, goals)
        if actor is not None:
            ProgrammeRole.objects.create(
                programme=programme, person=actor, role=ProgrammeRole.Role.OWNER
            )
    return programme


def update_programme(programme, *, actor, goals: dict | None = None, **fields) -> Programme:
    """Change a programme's name, period, budget and note, and (when given) its goals."""
    _check(
        actor,
        access.may_see_programme(actor, programme),
        access.may_edit_programme(actor, programme),
    )
    _pick(fields, PROGRAMME_FIELDS)
    _check_budget(fields)
    if (
        "owner" in fields
        and fields["owner"] != programme.owner
        and not owner_organizations(actor).filter(pk=fields["owner"].pk).exists()
    ):
        raise Invalid(
            _("Velg en av dine egne organisasjoner som programeier."),
            code="invalid_owner",
            field="owner",
        )
    with transaction.atomic():
        _save(
            programme,
            fields,
            actor=actor,
            action="programme.programme",
            conflict=Conflict(_("Kortnavnet er i bruk."), code="slug_taken", field="slug"),
        )
        if goals is not None:
            _set_goals(programme, goals)
            record(actor, "programme.goals.set", programme, changes={"goals": sorted(goals)})
    return programme


def delete_programme(programme, *, actor) -> None:
    """Delete a programme that has no pilots (delete or move its pilots first)."""
    _check(
        actor,
        access.may_see_programme(actor, programme),
        access.may_edit_programme(actor, programme),
    )
    refuse = None
    if programme.pilots.exists():
        refuse = Conflict(_("Programmet har piloter. Slett pilotene først."), code="has_pilots")
    _delete(programme, actor=actor, action="programme.programme", refuse=refuse)


def add_programme_role(programme, *, person, role: str, actor) -> ProgrammeRole:
    """Give a person the owner or evaluator role in a programme."""
    _check(
        actor,
        access.may_see_programme(actor, programme),
        access.may_edit_programme(actor, programme),
    )
    if role not in ProgrammeRole.Role.values:
        raise Invalid(_("Ukjent rolle."), code="invalid_role", field="role")
    return _save(
        ProgrammeRole(programme=programme),
        {"person": person, "role": role},
        actor=actor,
        action="programme.role",
        conflict=Conflict(_("Personen har allerede denne rollen."), code="role_exists"),
    )


def remove_programme_role(role: ProgrammeRole, *, actor) -> None:
    """Take a role away. The last owner is kept, so that someone can still run it."""
    programme = role.programme
    _check(
        actor,
        access.may_see_programme(actor, programme),
        access.may_edit_programme(actor, programme),
    )
    refuse = None
    if (
        role.role == ProgrammeRole.Role.OWNER
        and not programme.roles.filter(role=role.role).exclude(pk=role.pk).exists()
    ):
        refuse = Conflict(_("Programmet må ha minst én programeier."), code="last_owner")
    _delete(role, actor=actor, action="programme.role", refuse=refuse)


# --- Pilots ----------------------------------------------------------------------------------


def _check_pilot(actor, pilot) -> None:
    _check(actor, access.may_see_pilot(actor, pilot), access.may_edit_pilot(actor, pilot))


def create_pilot(programme, *, actor, **fields) -> Pilot:
    """Add a pilot to a programme: name, short name, host municipality, region, hub."""
    _check(
        actor,
        access.may_see_programme(actor, programme),
        access.may_edit_programme(actor, programme),
    )
    _pick(fields, PILOT_FIELDS)
    return _save(
        Pilot(programme=programme),
        fields,
        actor=actor,
        action="programme.pilot",
        hub=fields.get("hub"),
        conflict=Conflict(_("Kortnavnet er i bruk."), code="slug_taken", field="slug"),
    )


def update_pilot(pilot, *, actor, **fields) -> Pilot:
    _check_pilot(actor, pilot)
    _pick(fields, PILOT_FIELDS)
    return _save(
        pilot,
        fields,
        actor=actor,
        action="programme.pilot",
        hub=pilot.hub,
        conflict=Conflict(_("Kortnavnet er i bruk."), code="slug_taken", field="slug"),
    )


def delete_pilot(pilot, *, actor) -> None:
    """Delete a pilot that has no recorded history (reports, assessments, meetings,
    spending, sub-projects)."""
    _check_pilot(actor, pilot)
    refuse = None
    if (
        pilot.status_reports.exists()
        or pilot.assessments.exists()
        or pilot.meetings.exists()
        or pilot.expenses.exists()
        or pilot.sub_projects.exists()
    ):
        refuse = Conflict(
            _(
                "Piloten har rapporter, vurderinger, møter, utgifter eller delprosjekter "
                "og kan ikke slettes."
            ),
            code="has_history",
        )
    _delete(pilot, actor=actor, action="programme.pilot", hub=pilot.hub, refuse=refuse)


# --- Phases and local goals ----------------------------------------------------------------


def save_phase(pilot, phase: Phase | None = None, *, actor, **fields) -> Phase:
    """Add a phase to a pilot, or change one (one phase of each kind per pilot)."""
    _check_pilot(actor, pilot)
    _pick(fields, PHASE_FIELDS)
    if phase is not None and phase.pilot_id != pilot.pk:
        raise Invalid(_("Fasen hører til en annen pilot."), code="wrong_pilot")
    return _save(
        phase or Phase(pilot=pilot),
        fields,
        actor=actor,
        action="programme.phase",
        hub=pilot.hub,
        conflict=Conflict(
            _("Piloten har allerede en fase av denne typen."), code="phase_exists", field="kind"
        ),
    )


def delete_phase(phase: Phase, *, actor) -> None:
    pilot = phase.pilot
    _check_pilot(actor, pilot)
    refuse = None
    if phase.documents.exists() or phase.approvals.exists():
        refuse = Conflict(
            _("Fasen har dokumenter eller vedtak og kan ikke slettes."), code="has_history"
        )
    _delete(phase, actor=actor, action="programme.phase", hub=pilot.hub, refuse=refuse)


def save_local_goal(
    pilot, goal: LocalGoal | None = None, *, national_goals=(), actor, **fields
) -> LocalGoal:
    """Add or change a pilot's own goal; ``national_goals`` are the numbers (1–5) of the
    programme's national goals it serves."""
    _check_pilot(actor, pilot)
    _pick(fields, LOCAL_GOAL_FIELDS)
    if goal is not None and goal.pilot_id != pilot.pk:
        raise Invalid(_("Målet hører til en annen pilot."), code="wrong_pilot")
    served = list(pilot.programme.goals.filter(number__in=set(national_goals)))
    if len(served) != len(set(national_goals)):
        raise Invalid(
            _("Programmet har ikke dette nasjonale målet."),
            code="unknown_goal",
            field="national_goals",
        )
    if goal is None and "position" not in fields:
        fields["position"] = pilot.local_goals.count()
    with transaction.atomic():
        goal = _save(
            goal or LocalGoal(pilot=pilot),
            fields,
            actor=actor,
            action="programme.local_goal",
            hub=pilot.hub,
        )
        goal.national_goals.set(served)
    return goal


def delete_local_goal(goal: LocalGoal, *, actor) -> None:
    _check_pilot(actor, goal.pilot)
    _delete(goal, actor=actor, action="programme.local_goal", hub=goal.pilot.hub)


# --- Steering group, reference and working groups --------------------------------------------


def save_steering_member(
    pilot, member: SteeringGroupMember | None = None, *, actor, **fields
) -> SteeringGroupMember:
    """Add a person to the steering group, or change their role or period."""
    _check_pilot(actor, pilot)
    _pick(fields, MEMBER_FIELDS)
    if member is not None and member.pilot_id != pilot.pk:
        raise Invalid(_("Medlemmet hører til en annen pilot."), code="wrong_pilot")
    return _save(
        member or SteeringGroupMember(pilot=pilot),
        fields,
        actor=actor,
        action="programme.steering_member",
        hub=pilot.hub,
        conflict=Conflict(
            _("Personen er allerede med i styringsgruppen."), code="member_exists", field="person"
        ),
    )


def delete_steering_member(member: SteeringGroupMember, *, actor) -> None:
    _check_pilot(actor, member.pilot)
    _delete(member, actor=actor, action="programme.steering_member", hub=member.pilot.hub)


def save_steering_organization(
    pilot, entry: SteeringGroupOrganization | None = None, *, actor, **fields
) -> SteeringGroupOrganization:
    """Add an organization to the steering group (host, member or observer)."""
    _check_pilot(actor, pilot)
    _pick(fields, STEERING_ORGANIZATION_FIELDS)
    return _save(
        entry or SteeringGroupOrganization(pilot=pilot),
        fields,
        actor=actor,
        action="programme.steering_organization",
        hub=pilot.hub,
        conflict=Conflict(
            _("Organisasjonen er allerede med i styringsgruppen."),
            code="organization_exists",
            field="organization",
        ),
    )


def delete_steering_organization(entry: SteeringGroupOrganization, *, actor) -> None:
    _check_pilot(actor, entry.pilot)
    _delete(entry, actor=actor, action="programme.steering_organization", hub=entry.pilot.hub)


def save_group(pilot, group: PilotGroup | None = None, *, actor, **fields) -> PilotGroup:
    """Add or change a reference group or working group of a pilot."""
    _check_pilot(actor, pilot)
    _pick(fields, GROUP_FIELDS)
    return _save(
        group or PilotGroup(pilot=pilot),
        fields,
        actor=actor,
        action="programme.group",
        hub=pilot.hub,
        conflict=Conflict(
            _("Piloten har allerede en gruppe med dette navnet."),
            code="group_exists",
            field="name",
        ),
    )


def delete_group(group: PilotGroup, *, actor) -> None:
    _check_pilot(actor, group.pilot)
    _delete(group, actor=actor, action="programme.group", hub=group.pilot.hub)


def save_group_member(
    group: PilotGroup, member: PilotGroupMember | None = None, *, actor, **fields
) -> PilotGroupMember:
    """Add a person to a reference or working group, or change their role or period."""
    _check_pilot(actor, group.pilot)
    _pick(fields, MEMBER_FIELDS)
    return _save(
        member or PilotGroupMember(group=group),
        fields,
        actor=actor,
        action="programme.group_member",
        hub=group.pilot.hub,
        conflict=Conflict(
            _("Personen er allerede med i gruppen."), code="member_exists", field="person"
        ),
    )


def delete_group_member(member: PilotGroupMember, *, actor) -> None:
    _check_pilot(actor, member.group.pilot)
    _delete(member, actor=actor, action="programme.group_member", hub=member.group.pilot.hub)
