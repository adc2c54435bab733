"""Who may see and do what in programmes, pilots and self-assessments.

Decisions (also in docs/programme.md):

- A programme and its pilots' facts (goals, phases, steering group, leaders, sub-projects)
  are visible to the programme's *participants*: administrators, people with a programme
  role (owner or evaluator), current steering group members and current project leaders
  of any of its pilots, and the hosts of the pilots' hubs.
- Status reports and phase documents of a pilot: the pilot's own steering group and
  current project leader, the programme owner's people, the evaluators (they need the
  material) and administrators. Other pilots do not see them.
- Assessments of a pilot: the programme owner's people, the evaluators, the pilot's own
  steering group and project leader, and administrators.
- Filing a status report and uploading a phase document: the pilot's steering group
  members and current project leader (and administrators).
- Recording an assessment: the programme's evaluators (and administrators).
- Approving a phase: the programme owner's people (and administrators).
- Setting up and changing a programme (period, budget, national goals, roles) and its
  pilots, phases, local goals, steering group and reference and working groups, and
  deleting them: the programme owner's people (and administrators). Creating a new
  programme: administrators and anyone who holds the owner role in a programme; the new
  programme is owned by one of the creator's own organizations, and the creator becomes
  its owner.
- Changing the project leader, linking sub-projects, recording the steering group's
  meetings and decisions (grants) and the pilot's spending: the pilot's steering group and
  current project leader, and the programme owner's people (``may_manage_pilot``).
- Meetings, decisions and the pilot's budget are seen by those who see its status reports.
- Hub self-assessment: the hub's hosts and the coordinators of its host and member
  organizations (the partners) score; they, the owner's people and evaluators of a
  programme with a pilot at the hub, and administrators see the combined scores.
  Hosts and administrators open a new round.

- Measured use on the programme page: what insights lets the viewer see; the owner's
  people and evaluators also get the pilot hubs' privacy-suppressed figures unless a
  hub restricted its statistics to its hosts (``queries._programme_figures``).

Everything a person may not see is answered with 404 in pages and the API; what a person
may see but not do is answered with 403 (code ``forbidden``)."""

from django.db.models import Q
from django.utils import timezone

from hubro.core.models import Membership
from hubro.core.permissions import is_admin

from .models import PilotLeader, ProgrammeRole, SteeringGroupMember


def _signed_in(person) -> bool:
    return bool(person and person.is_authenticated and person.is_active)


def _current(today=None):
    today = today or timezone.localdate()
    return (Q(starts_on__isnull=True) | Q(starts_on__lte=today)) & (
        Q(ends_on__isnull=True) | Q(ends_on__gte=today)
    )


def has_role(person, programme, role) -> bool:
    if not _signed_in(person):
        return False
    return ProgrammeRole.objects.filter(programme=programme, person=person, role=role).exists()


def is_owner(person, programme) -> bool:
    """The programme owner's people see every pilot's reports and assessments."""
    return is_admin(person) or has_role(person, programme, ProgrammeRole.Role.OWNER)


def is_evaluator(person, programme) -> bool:
    return is_admin(person) or has_role(person, programme, ProgrammeRole.Role.EVALUATOR)


def pilot_ids_steered_by(person):
    """Ids of the pilots whose current steering group or current leader ``person`` is."""
    if not _signed_in(person):
        return set()
    members = SteeringGroupMember.objects.filter(_current(), person=person).values_list(
        "pilot_id", flat=True
    )
    leaders = PilotLeader.objects.filter(_current(), person=person).values_list(
        "pilot_id", flat=True
    )
    return set(members) | set(leaders)


def is_steering(person, pilot) -> bool:
    return pilot.pk in pilot_ids_steered_by(person)


def may_see_programme(person, programme) -> bool:
    if not _signed_in(person):
        return False
    if (
        is_admin(person)
        or ProgrammeRole.objects.filter(programme=programme, person=person).exists()
    ):
        return True
    pilots = programme.pilots.all()
    if pilots.filter(pk__in=pilot_ids_steered_by(person)).exists():
        return True
    return pilots.filter(hub__hosts=person).exists()


def may_see_pilot(person, pilot) -> bool:
    return may_see_programme(person, pilot.programme)


def may_see_reports(person, pilot) -> bool:
    """Status reports and phase documents."""
    if not _signed_in(person):
        return False
    programme = pilot.programme
    return (
        is_owner(person, programme)
        or is_evaluator(person, programme)
        or is_steering(person, pilot)
    )


def may_file_report(person, pilot) -> bool:
    return is_admin(person) or is_steering(person, pilot)


def may_see_assessments(person, pilot) -> bool:
    return may_see_reports(person, pilot)


def may_assess(person, pilot) -> bool:
    return is_evaluator(person, pilot.programme)


def may_approve(person, pilot) -> bool:
    return is_owner(person, pilot.programme)


def may_manage_pilot(person, pilot) -> bool:
    """Upload phase documents, link sub-projects: the steering group, the owner."""
    return may_file_report(person, pilot) or is_owner(person, pilot.programme)


def may_create_programme(person) -> bool:
    """Administrators, and the people who own a programme already (a ministry's staff)."""
    if not _signed_in(person):
        return False
    return (
        is_admin(person)
        or ProgrammeRole.objects.filter(person=person, role=ProgrammeRole.Role.OWNER).exists()
    )


def may_edit_programme(person, programme) -> bool:
    """The programme itself, its goals and roles, and its pilots' set-up (pilots, phases,
    local goals, steering group, reference and working groups): the owner's people."""
    return _signed_in(person) and is_owner(person, programme)


def may_edit_pilot(person, pilot) -> bool:
    return may_edit_programme(person, pilot.programme)


def may_see_meetings(person, pilot) -> bool:
    """Meetings, decisions and the budget: as status reports."""
    return may_see_reports(person, pilot)


# --- Hub self-assessment -------------------------------------------------------------------


def _partner_org_ids(hub):
    ids = set(hub.member_organizations.values_list("pk", flat=True))
    if hub.host_organization_id:
        ids.add(hub.host_organization_id)
    return ids


def may_score(person, hub) -> bool:
    """The hub's hosts and the coordinators of its host and partner organizations."""
    if not _signed_in(person):
        return False
    if hub.hosts.filter(pk=person.pk).exists():
        return True
    return Membership.objects.filter(
        person=person,
        organization_id__in=_partner_org_ids(hub),
        role=Membership.Role.COORDINATOR,
    ).exists()


def may_see_self_assessment(person, hub) -> bool:
    if not _signed_in(person):
        return False
    if is_admin(person) or may_score(person, hub):
        return True
    return ProgrammeRole.objects.filter(person=person, programme__pilots__hub=hub).exists()


def may_open_round(person, hub) -> bool:
    if not _signed_in(person):
        return False
    return is_admin(person) or hub.hosts.filter(pk=person.pk).exists()


# --- Follow-up: requests, recommendations, continuation (hubro.followup) --------------------
# - A request is seen by those who see the pilot's status reports, and by the coordinators
#   of the agency it is addressed to. The pilot's steering group and project leader make
#   and close requests; the owner's people may close them too.
# - A request to the programme owner is answered by the owner's people; one to another
#   agency by that agency's coordinators or, on its behalf, by the owner's people.
# - An assessment's recommendations are followed up (response, action, status) by the
#   pilot's steering group and project leader and by the owner's people; those who see the
#   assessment see the follow-up.
# - Continuation (coverage, runway, signed against intended income of the pilots' hubs, in
#   totals): the owner's people and the evaluators, read-only.


def may_see_request(person, request) -> bool:
    if not _signed_in(person):
        return False
    if may_see_reports(person, request.pilot):
        return True
    return _coordinates(person, request.addressee_id)


def _coordinates(person, organization_id) -> bool:
    return Membership.objects.filter(
        person=person, organization_id=organization_id, role=Membership.Role.COORDINATOR
    ).exists()


def may_make_request(person, pilot) -> bool:
    return may_file_report(person, pilot)


def may_answer_request(person, request) -> bool:
    if not _signed_in(person):
        return False
    if is_owner(person, request.pilot.programme):
        return True
    return not request.to_owner and _coordinates(person, request.addressee_id)


def may_close_request(person, request) -> bool:
    return may_file_report(person, request.pilot) or is_owner(person, request.pilot.programme)


def may_follow_up_recommendations(person, pilot) -> bool:
    return may_manage_pilot(person, pilot)


def may_see_continuation(person, programme) -> bool:
    return is_owner(person, programme) or is_evaluator(person, programme)
