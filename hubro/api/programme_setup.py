"""Setting up and changing programmes and pilots, and the steering groups' meetings,
decisions (grants) and the pilots' spending and budget.

The same actions as the pages (``hubro.programme.setup`` and ``hubro.programme.meetings``)
and the same rules (``hubro.programme.access``): what the caller may not see answers 404,
what they may see but not change answers 403 ``forbidden``. Things are named by their
public keys: organizations by number, municipalities by number, regions and hubs and
sub-projects by slug, people by e-mail address."""

import base64
import binascii
import datetime as dt
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from ninja import Field, Schema, Status

from hubro.community.models import Project
from hubro.core.errors import Invalid, NotFound
from hubro.core.models import Municipality, Organization, Person, Region
from hubro.programme import access, actions, budget, meetings, queries, setup
from hubro.programme.models import ProgrammeRole
from hubro.spaces.models import Hub

from .programme import PilotOut, ProgrammeOut, _pilot, router
from .schemas import ErrorOut

# The programme router's own: ninja gives each router its own URL patterns, so a second
# router could not add POST to a path such as /programmes that the first one serves.

WRITE = {403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


# --- Looking up what a payload names ---------------------------------------------------------


def _by(model, field: str, value, *, name: str, message):
    if value in (None, ""):
        return None
    found = model.objects.filter(**{field: value}).first()
    if found is None:
        raise Invalid(message, code=f"unknown_{name}", field=name)
    return found


def _organization(orgnr, name="organization"):
    return _by(Organization, "orgnr", orgnr, name=name, message=_("Ukjent organisasjonsnummer."))


def _person(email, name="person"):
    if not email:
        raise Invalid(_("Oppgi personens e-postadresse."), code="missing_person", field=name)
    return _by(
        Person,
        "email__iexact",
        email,
        name=name,
        message=_("Ingen i Hubro har den e-postadressen."),
    )


def _resolve(data: dict, refs: dict) -> dict:
    """Replace the keys named in ``refs`` ({field: lookup}) with the objects they name."""
    return {key: refs[key](value) if key in refs else value for key, value in data.items()}


PILOT_REFS = {
    "host_municipality": lambda v: _by(
        Municipality, "number", v, name="host_municipality", message=_("Ukjent kommunenummer.")
    ),
    "region": lambda v: _by(Region, "slug", v, name="region", message=_("Ukjent region.")),
    "hub": lambda v: _by(Hub, "slug", v, name="hub", message=_("Ukjent hub.")),
}
MEMBER_REFS = {"person": _person, "organization": _organization}


def _sub_project(pilot, slug):
    if not slug:
        return None
    link = pilot.sub_projects.filter(project__slug=slug).first()
    if link is None:
        raise Invalid(
            _("Delprosjektet hører ikke til piloten."),
            code="unknown_sub_project",
            field="sub_project",
        )
    return link


def _pilot_for(request, slug):
    return queries.get_pilot_for(request.auth, slug)


def _one(queryset, pk, code):
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise NotFound(code=code)
    return found


# --- Programmes ------------------------------------------------------------------------------


class GoalIn(Schema):
    number: int = Field(ge=1, le=5, description="National goal 1–5.")
    text: str = Field("", description="The programme's wording of the goal.")


class ProgrammeIn(Schema):
    name: str = Field(max_length=200)
    slug: str = Field(max_length=50, pattern=r"^[-a-zA-Z0-9_]+$")
    description: str = ""
    owner: str = Field(description="Organization number of the owner (one of yours).")
    starts_on: dt.date
    ends_on: dt.date | None = None
    original_ends_on: dt.date | None = None
    budget: Decimal | None = Field(None, ge=0, max_digits=14, decimal_places=2)
    budget_note: str = Field("", max_length=300)
    goals: list[GoalIn] | None = Field(None, description="Default: all five national goals.")


class ProgrammePatch(Schema):
    name: str | None = Field(None, max_length=200)
    slug: str | None = Field(None, max_length=50, pattern=r"^[-a-zA-Z0-9_]+$")
    description: str | None = None
    owner: str | None = None
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    original_ends_on: dt.date | None = None
    budget: Decimal | None = Field(None, ge=0, max_digits=14, decimal_places=2)
    budget_note: str | None = Field(None, max_length=300)
    goals: list[GoalIn] | None = None


def _programme_fields(payload, *, partial=False) -> tuple[dict, dict | None]:
    data = payload.dict(exclude_unset=partial)
    goals = data.pop("goals", None)
    if partial:
        for key in ("name", "slug", "starts_on", "owner"):
            if key in data and data[key] is None:
                raise Invalid(_("Feltet kan ikke være tomt."), code="invalid", field=key)
        for key in ("description", "budget_note"):
            if key in data and data[key] is None:
                data[key] = ""
    if "owner" in data:
        data["owner"] = _organization(data["owner"], "owner")
    goals = None if goals is None else {g["number"]: g["text"] for g in goals}
    return data, goals


@router.post("/programmes", response={201: ProgrammeOut, **WRITE})
def create_programme(request, payload: ProgrammeIn):
    """Create a programme (administrators and people who own a programme). The owner is
    one of the caller's organizations; the caller becomes the programme's owner."""
    fields, goals = _programme_fields(payload)
    programme = setup.create_programme(actor=request.auth, goals=goals, **fields)
    return Status(201, programme)


@router.patch("/programmes/{slug}", response={200: ProgrammeOut, **WRITE})
def update_programme(request, slug: str, payload: ProgrammePatch):
    """Change a programme: name, period, budget, national goals (the owner's people).
    ``goals`` replaces the set; a goal in use by local goals or assessments is kept
    (409 ``goal_in_use``)."""
    programme = queries.get_programme_for(request.auth, slug)
    fields, goals = _programme_fields(payload, partial=True)
    return setup.update_programme(programme, actor=request.auth, goals=goals, **fields)


@router.delete("/programmes/{slug}", response={204: None, **WRITE})
def delete_programme(request, slug: str):
    """Delete a programme without pilots (409 ``has_pilots`` otherwise)."""
    setup.delete_programme(queries.get_programme_for(request.auth, slug), actor=request.auth)
    return Status(204, None)


class RoleOut(Schema):
    id: int
    person: str = Field(description="E-mail address.")
    name: str
    role: str = Field(description="owner or evaluator")

    @staticmethod
    def resolve_person(obj):
        return obj.person.email

    @staticmethod
    def resolve_name(obj):
        return str(obj.person)


class RoleIn(Schema):
    person: str = Field(description="E-mail address.")
    role: str = Field(description="owner or evaluator")


def _editable_programme(request, slug):
    programme = queries.get_programme_for(request.auth, slug)
    if not access.may_edit_programme(request.auth, programme):
        raise actions.Forbidden(actions.FORBIDDEN)
    return programme


@router.get(
    "/programmes/{slug}/roles", response={200: list[RoleOut], 403: ErrorOut, 404: ErrorOut}
)
def list_roles(request, slug: str):
    """The programme's owners and evaluators (for the owner's people)."""
    programme = _editable_programme(request, slug)
    return list(programme.roles.select_related("person").order_by("role", "person__email"))


@router.post("/programmes/{slug}/roles", response={201: RoleOut, **WRITE})
def add_role(request, slug: str, payload: RoleIn):
    programme = queries.get_programme_for(request.auth, slug)
    role = setup.add_programme_role(
        programme, person=_person(payload.person), role=payload.role, actor=request.auth
    )
    return Status(201, role)


@router.delete("/programmes/{slug}/roles/{role_id}", response={204: None, **WRITE})
def remove_role(request, slug: str, role_id: int):
    """Take a role away; the last owner stays (409 ``last_owner``)."""
    programme = _editable_programme(request, slug)
    role = _one(ProgrammeRole.objects.filter(programme=programme), role_id, "role_not_found")
    setup.remove_programme_role(role, actor=request.auth)
    return Status(204, None)


# --- Pilots, phases, local goals -------------------------------------------------------------


class PilotIn(Schema):
    name: str = Field(max_length=200)
    slug: str = Field(max_length=50, pattern=r"^[-a-zA-Z0-9_]+$")
    description: str = ""
    host_municipality: str = Field(description="Municipality number, e.g. 4225.")
    region: str | None = Field(None, description="Region slug.")
    hub: str | None = Field(None, description="Hub slug.")


class PilotPatch(Schema):
    name: str | None = Field(None, max_length=200)
    slug: str | None = Field(None, max_length=50, pattern=r"^[-a-zA-Z0-9_]+$")
    description: str | None = None
    host_municipality: str | None = None
    region: str | None = None
    hub: str | None = None


@router.post("/programmes/{slug}/pilots", response={201: PilotOut, **WRITE})
def create_pilot(request, slug: str, payload: PilotIn):
    """Add a pilot to the programme (the owner's people)."""
    programme = queries.get_programme_for(request.auth, slug)
    fields = _resolve(payload.dict(), PILOT_REFS)
    pilot = setup.create_pilot(programme, actor=request.auth, **fields)
    return Status(201, _pilot(pilot))


@router.patch("/pilots/{slug}", response={200: PilotOut, **WRITE})
def update_pilot(request, slug: str, payload: PilotPatch):
    pilot = _pilot_for(request, slug)
    data = payload.dict(exclude_unset=True)
    for key in ("name", "slug", "host_municipality"):
        if key in data and not data[key]:
            raise Invalid(_("Feltet kan ikke være tomt."), code="invalid", field=key)
    if data.get("description", "") is None:
        data["description"] = ""
    pilot = setup.update_pilot(pilot, actor=request.auth, **_resolve(data, PILOT_REFS))
    return _pilot(pilot)


@router.delete("/pilots/{slug}", response={204: None, **WRITE})
def delete_pilot(request, slug: str):
    """Delete a pilot without recorded history (409 ``has_history`` otherwise)."""
    setup.delete_pilot(_pilot_for(request, slug), actor=request.auth)
    return Status(204, None)


class PhaseIn(Schema):
    kind: str = Field(description="pre_project, main, extension or ended")
    starts_on: dt.date
    ends_on: dt.date | None = None
    note: str = ""


class PhaseOut(Schema):
    id: int
    kind: str
    starts_on: dt.date
    ends_on: dt.date | None
    note: str


@router.post("/pilots/{slug}/phases", response={201: PhaseOut, **WRITE})
def create_phase(request, slug: str, payload: PhaseIn):
    """Add a phase (one of each kind per pilot: 409 ``phase_exists``)."""
    pilot = _pilot_for(request, slug)
    return Status(201, setup.save_phase(pilot, actor=request.auth, **payload.dict()))


@router.put("/pilots/{slug}/phases/{phase_id}", response={200: PhaseOut, **WRITE})
def update_phase(request, slug: str, phase_id: int, payload: PhaseIn):
    pilot = _pilot_for(request, slug)
    phase = _one(pilot.phases, phase_id, "phase_not_found")
    return setup.save_phase(pilot, phase, actor=request.auth, **payload.dict())


@router.delete("/pilots/{slug}/phases/{phase_id}", response={204: None, **WRITE})
def delete_phase(request, slug: str, phase_id: int):
    pilot = _pilot_for(request, slug)
    setup.delete_phase(_one(pilot.phases, phase_id, "phase_not_found"), actor=request.auth)
    return Status(204, None)


class LocalGoalIn(Schema):
    title: str = Field(max_length=300)
    description: str = ""
    national_goals: list[int] = Field(default_factory=list, description="Goal numbers 1–5.")


class LocalGoalOut(Schema):
    id: int
    title: str
    description: str
    national_goals: list[int]

    @staticmethod
    def resolve_national_goals(obj):
        return sorted(g.number for g in obj.national_goals.all())


@router.post("/pilots/{slug}/local-goals", response={201: LocalGoalOut, **WRITE})
def create_local_goal(request, slug: str, payload: LocalGoalIn):
    """Add a local goal tied to the programme's national goals."""
    pilot = _pilot_for(request, slug)
    data = payload.dict()
    goals = data.pop("national_goals")
    return Status(
        201, setup.save_local_goal(pilot, national_goals=goals, actor=request.auth, **data)
    )


@router.put("/pilots/{slug}/local-goals/{goal_id}", response={200: LocalGoalOut, **WRITE})
def update_local_goal(request, slug: str, goal_id: int, payload: LocalGoalIn):
    pilot = _pilot_for(request, slug)
    goal = _one(pilot.local_goals, goal_id, "local_goal_not_found")
    data = payload.dict()
    goals = data.pop("national_goals")
    return setup.save_local_goal(pilot, goal, national_goals=goals, actor=request.auth, **data)


@router.delete("/pilots/{slug}/local-goals/{goal_id}", response={204: None, **WRITE})
def delete_local_goal(request, slug: str, goal_id: int):
    pilot = _pilot_for(request, slug)
    goal = _one(pilot.local_goals, goal_id, "local_goal_not_found")
    setup.delete_local_goal(goal, actor=request.auth)
    return Status(204, None)


# --- Steering group, groups, leader, sub-projects -------------------------------------------


class MemberIn(Schema):
    person: str = Field(description="E-mail address.")
    organization: str | None = Field(None, description="Organization number.")
    role: str = Field("member", description="chair, member, secretary or observer")
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None


class MemberOut(Schema):
    id: int
    name: str
    organization: str | None
    role: str
    starts_on: dt.date | None
    ends_on: dt.date | None

    @staticmethod
    def resolve_name(obj):
        return str(obj.person)

    @staticmethod
    def resolve_organization(obj):
        return obj.organization.orgnr if obj.organization_id else None


class SteeringOrganizationIn(Schema):
    organization: str = Field(description="Organization number.")
    role: str = Field("member", description="host, member or observer")


class SteeringOrganizationOut(Schema):
    id: int
    organization: str
    name: str
    role: str

    @staticmethod
    def resolve_organization(obj):
        return obj.organization.orgnr

    @staticmethod
    def resolve_name(obj):
        return obj.organization.name


class GroupIn(Schema):
    kind: str = Field(description="reference or working")
    name: str = Field(max_length=200)
    description: str = ""


class GroupOut(Schema):
    id: int
    kind: str
    name: str
    description: str
    members: list[MemberOut]

    @staticmethod
    def resolve_members(obj):
        return list(obj.members.select_related("person", "organization"))


class SteeringGroupOut(Schema):
    organizations: list[SteeringOrganizationOut]
    members: list[MemberOut]
    groups: list[GroupOut] = Field(description="Reference and working groups.")


@router.get("/pilots/{slug}/groups", response={200: SteeringGroupOut, 404: ErrorOut})
def list_groups(request, slug: str):
    """The steering group (organizations and people, with ids) and the reference and
    working groups with their members."""
    pilot = _pilot_for(request, slug)
    return {
        "organizations": list(pilot.steering_organizations.select_related("organization")),
        "members": list(pilot.steering_members.select_related("person", "organization")),
        "groups": list(pilot.groups.all()),
    }


@router.post("/pilots/{slug}/steering-group/members", response={201: MemberOut, **WRITE})
def add_steering_member(request, slug: str, payload: MemberIn):
    pilot = _pilot_for(request, slug)
    fields = _resolve(payload.dict(), MEMBER_REFS)
    return Status(201, setup.save_steering_member(pilot, actor=request.auth, **fields))


@router.put(
    "/pilots/{slug}/steering-group/members/{member_id}", response={200: MemberOut, **WRITE}
)
def update_steering_member(request, slug: str, member_id: int, payload: MemberIn):
    pilot = _pilot_for(request, slug)
    member = _one(pilot.steering_members, member_id, "member_not_found")
    fields = _resolve(payload.dict(), MEMBER_REFS)
    return setup.save_steering_member(pilot, member, actor=request.auth, **fields)


@router.delete("/pilots/{slug}/steering-group/members/{member_id}", response={204: None, **WRITE})
def delete_steering_member(request, slug: str, member_id: int):
    pilot = _pilot_for(request, slug)
    member = _one(pilot.steering_members, member_id, "member_not_found")
    setup.delete_steering_member(member, actor=request.auth)
    return Status(204, None)


@router.post(
    "/pilots/{slug}/steering-group/organizations",
    response={201: SteeringOrganizationOut, **WRITE},
)
def add_steering_organization(request, slug: str, payload: SteeringOrganizationIn):
    pilot = _pilot_for(request, slug)
    organization = _organization(payload.organization)
    if organization is None:
        raise Invalid(_("Ukjent organisasjonsnummer."), code="unknown_organization")
    entry = setup.save_steering_organization(
        pilot, actor=request.auth, organization=organization, role=payload.role
    )
    return Status(201, entry)


@router.delete(
    "/pilots/{slug}/steering-group/organizations/{entry_id}", response={204: None, **WRITE}
)
def delete_steering_organization(request, slug: str, entry_id: int):
    pilot = _pilot_for(request, slug)
    entry = _one(pilot.steering_organizations, entry_id, "organization_not_found")
    setup.delete_steering_organization(entry, actor=request.auth)
    return Status(204, None)


@router.post("/pilots/{slug}/groups", response={201: GroupOut, **WRITE})
def create_group(request, slug: str, payload: GroupIn):
    """Add a reference group or a working group."""
    pilot = _pilot_for(request, slug)
    return Status(201, setup.save_group(pilot, actor=request.auth, **payload.dict()))


@router.put("/pilots/{slug}/groups/{group_id}", response={200: GroupOut, **WRITE})
def update_group(request, slug: str, group_id: int, payload: GroupIn):
    pilot = _pilot_for(request, slug)
    group = _one(pilot.groups, group_id, "group_not_found")
    return setup.save_group(pilot, group, actor=request.auth, **payload.dict())


@router.delete("/pilots/{slug}/groups/{group_id}", response={204: None, **WRITE})
def delete_group(request, slug: str, group_id: int):
    pilot = _pilot_for(request, slug)
    setup.delete_group(_one(pilot.groups, group_id, "group_not_found"), actor=request.auth)
    return Status(204, None)


@router.post("/pilots/{slug}/groups/{group_id}/members", response={201: MemberOut, **WRITE})
def add_group_member(request, slug: str, group_id: int, payload: MemberIn):
    pilot = _pilot_for(request, slug)
    group = _one(pilot.groups, group_id, "group_not_found")
    fields = _resolve(payload.dict(), MEMBER_REFS)
    return Status(201, setup.save_group_member(group, actor=request.auth, **fields))


@router.delete(
    "/pilots/{slug}/groups/{group_id}/members/{member_id}", response={204: None, **WRITE}
)
def delete_group_member(request, slug: str, group_id: int, member_id: int):
    pilot = _pilot_for(request, slug)
    group = _one(pilot.groups, group_id, "group_not_found")
    member = _one(group.members, member_id, "member_not_found")
    setup.delete_group_member(member, actor=request.auth)
    return Status(204, None)


class LeaderIn(Schema):
    person: str = Field(description="E-mail address of the new project leader.")
    organization: str | None = Field(None, description="Organization number.")
    starts_on: dt.date
    note: str = Field("", max_length=300)


@router.post("/pilots/{slug}/leader", response={201: PilotOut, **WRITE})
def change_leader(request, slug: str, payload: LeaderIn):
    """Change the project leader (steering group, project leader, owner): the current
    leader's period ends the day before."""
    pilot = _pilot_for(request, slug)
    actions.change_leader(
        pilot,
        person=_person(payload.person),
        organization=_organization(payload.organization),
        starts_on=payload.starts_on,
        note=payload.note,
        actor=request.auth,
    )
    return Status(201, _pilot(pilot))


class LinkIn(Schema):
    project: str = Field(description="Slug of a community project not yet in a pilot.")
    added_on: dt.date | None = None


@router.post("/pilots/{slug}/sub-projects", response={201: PilotOut, **WRITE})
def link_sub_project(request, slug: str, payload: LinkIn):
    """Make a community project a sub-project (409 ``already_linked``)."""
    pilot = _pilot_for(request, slug)
    project = Project.objects.filter(slug=payload.project).first()
    if project is None:
        raise Invalid(_("Ukjent prosjekt."), code="unknown_project", field="project")
    actions.link_sub_project(pilot, project, added_on=payload.added_on, actor=request.auth)
    return Status(201, _pilot(pilot))


# --- Meetings, decisions, budget -------------------------------------------------------------


class DecisionOut(Schema):
    id: int
    position: int
    text: str
    amount: Decimal | None = Field(None, description="NOK granted, if any.")
    sub_project: str | None = Field(None, description="Slug; null means the pilot itself.")

    @staticmethod
    def resolve_sub_project(obj):
        return obj.sub_project.project.slug if obj.sub_project_id else None


class MeetingOut(Schema):
    id: int
    held_on: dt.date
    title: str
    agenda: str
    minutes: str
    minutes_pdf: bool = Field(description="True when the minutes are kept as a PDF.")
    decisions: list[DecisionOut]

    @staticmethod
    def resolve_minutes_pdf(obj):
        return bool(obj.minutes_file)

    @staticmethod
    def resolve_decisions(obj):
        return list(obj.decisions.select_related("sub_project__project"))


class MeetingIn(Schema):
    held_on: dt.date
    title: str = Field("", max_length=200)
    agenda: str = ""
    minutes: str = ""


class DecisionIn(Schema):
    text: str
    amount: Decimal | None = Field(None, gt=0, max_digits=14, decimal_places=2)
    sub_project: str | None = Field(None, description="Slug of one of the pilot's sub-projects.")


@router.get("/pilots/{slug}/meetings", response={200: list[MeetingOut], 404: ErrorOut})
def list_meetings(request, slug: str):
    """The steering group's meetings, newest first, with their decisions (steering
    group, project leader, owner, evaluators)."""
    return list(budget.meetings_for(request.auth, _pilot_for(request, slug)))


@router.post("/pilots/{slug}/meetings", response={201: MeetingOut, **WRITE})
def create_meeting(request, slug: str, payload: MeetingIn):
    """Record a meeting with its agenda and minutes as text (a PDF of the minutes goes
    to ``…/minutes-pdf``)."""
    pilot = _pilot_for(request, slug)
    return Status(201, meetings.record_meeting(pilot, actor=request.auth, **payload.dict()))


@router.get("/pilots/{slug}/meetings/{meeting_id}", response={200: MeetingOut, 404: ErrorOut})
def get_meeting(request, slug: str, meeting_id: int):
    return budget.get_meeting_for(request.auth, _pilot_for(request, slug), meeting_id)


class MinutesPdfIn(Schema):
    filename: str = Field("referat.pdf", max_length=200, description="Ends in .pdf.")
    content_base64: str = Field(description="The PDF, base64-encoded (the API takes JSON).")


@router.post(
    "/pilots/{slug}/meetings/{meeting_id}/minutes-pdf", response={200: MeetingOut, **WRITE}
)
def upload_minutes(request, slug: str, meeting_id: int, payload: MinutesPdfIn):
    """Keep the minutes as a PDF, replacing any earlier one. Anything that is not a
    whole PDF answers 422 ``not_pdf``; bad base64 answers 422 ``invalid_base64``."""
    pilot = _pilot_for(request, slug)
    meeting = budget.get_meeting_for(request.auth, pilot, meeting_id)
    try:
        content = base64.b64decode(payload.content_base64, validate=True)
    except (binascii.Error, ValueError):
        raise Invalid(
            _("Innholdet er ikke gyldig base64."), code="invalid_base64", field="content_base64"
        ) from None
    file = ContentFile(content, name=payload.filename.rsplit("/", 1)[-1] or "referat.pdf")
    return meetings.update_meeting(
        meeting,
        held_on=meeting.held_on,
        title=meeting.title,
        agenda=meeting.agenda,
        minutes=meeting.minutes,
        minutes_file=file,
        actor=request.auth,
    )


@router.delete("/pilots/{slug}/meetings/{meeting_id}", response={204: None, **WRITE})
def delete_meeting(request, slug: str, meeting_id: int):
    """Delete a meeting; one with grants answers 409 ``has_grants``."""
    pilot = _pilot_for(request, slug)
    meetings.delete_meeting(
        budget.get_meeting_for(request.auth, pilot, meeting_id), actor=request.auth
    )
    return Status(204, None)


@router.post(
    "/pilots/{slug}/meetings/{meeting_id}/decisions", response={201: DecisionOut, **WRITE}
)
def create_decision(request, slug: str, meeting_id: int, payload: DecisionIn):
    """Record a decision; with ``amount`` it grants money to the pilot, or to
    ``sub_project``. Grants beyond the programme's budget answer 422 ``over_budget``."""
    pilot = _pilot_for(request, slug)
    meeting = budget.get_meeting_for(request.auth, pilot, meeting_id)
    decision = meetings.record_decision(
        meeting,
        text=payload.text,
        amount=payload.amount,
        sub_project=_sub_project(pilot, payload.sub_project),
        actor=request.auth,
    )
    return Status(201, decision)


@router.delete(
    "/pilots/{slug}/meetings/{meeting_id}/decisions/{decision_id}",
    response={204: None, **WRITE},
)
def delete_decision(request, slug: str, meeting_id: int, decision_id: int):
    pilot = _pilot_for(request, slug)
    meeting = budget.get_meeting_for(request.auth, pilot, meeting_id)
    decision = _one(meeting.decisions, decision_id, "decision_not_found")
    meetings.delete_decision(decision, actor=request.auth)
    return Status(204, None)


class ExpenseIn(Schema):
    spent_on: dt.date
    amount: Decimal = Field(gt=0, max_digits=14, decimal_places=2)
    description: str = Field(max_length=300)
    sub_project: str | None = Field(None, description="Slug; null means the pilot itself.")


class ExpenseOut(Schema):
    id: int
    spent_on: dt.date
    amount: Decimal
    description: str
    sub_project: str | None

    @staticmethod
    def resolve_sub_project(obj):
        return obj.sub_project.project.slug if obj.sub_project_id else None


class BudgetLineOut(Schema):
    sub_project: str | None = Field(description="Slug; null is the pilot itself.")
    label: str
    granted: Decimal
    spent: Decimal
    left: Decimal


class BudgetOut(Schema):
    pilot: str
    granted: Decimal
    spent: Decimal
    left: Decimal
    programme_budget: Decimal | None
    programme_granted: Decimal = Field(description="Granted to all the programme's pilots.")
    programme_not_granted: Decimal | None
    lines: list[BudgetLineOut]
    grants: list[DecisionOut]
    expenses: list[ExpenseOut]


@router.get("/pilots/{slug}/budget", response={200: BudgetOut, 404: ErrorOut})
def get_budget(request, slug: str):
    """Granted, spent and left for the pilot and each sub-project, against the
    programme's budget."""
    pilot = _pilot_for(request, slug)
    money = budget.pilot_budget(request.auth, pilot, pilot_label=_("Piloten selv"))
    return {
        "pilot": pilot.slug,
        "granted": money.granted,
        "spent": money.spent,
        "left": money.left,
        "programme_budget": money.programme_budget,
        "programme_granted": money.programme_granted,
        "programme_not_granted": money.programme_not_granted,
        "lines": [
            {
                "sub_project": line.slug,
                "label": line.label,
                "granted": line.granted,
                "spent": line.spent,
                "left": line.left,
            }
            for line in money.lines
        ],
        "grants": money.grants,
        "expenses": money.expenses,
    }


@router.post("/pilots/{slug}/expenses", response={201: ExpenseOut, **WRITE})
def create_expense(request, slug: str, payload: ExpenseIn):
    """Record money spent by the pilot or one of its sub-projects."""
    pilot = _pilot_for(request, slug)
    expense = meetings.record_expense(
        pilot,
        spent_on=payload.spent_on,
        amount=payload.amount,
        description=payload.description,
        sub_project=_sub_project(pilot, payload.sub_project),
        actor=request.auth,
    )
    return Status(201, expense)


@router.delete("/pilots/{slug}/expenses/{expense_id}", response={204: None, **WRITE})
def delete_expense(request, slug: str, expense_id: int):
    pilot = _pilot_for(request, slug)
    expense = _one(pilot.expenses, expense_id, "expense_not_found")
    meetings.delete_expense(expense, actor=request.auth)
    return Status(204, None)
