"""Who may run events. Hosts run their hub's events; coordinators of an organizer
organization run the events their organization organizes; administrators run all."""

from hubro.core.models import Membership, Organization
from hubro.core.permissions import is_admin, is_host
from hubro.spaces.models import Hub


def coordinated_organizations(person):
    """The organizations ``person`` coordinates (all of them for an administrator)."""
    if not (person and person.is_authenticated):
        return Organization.objects.none()
    if is_admin(person):
        return Organization.objects.all()
    return Organization.objects.filter(
        memberships__person=person, memberships__role=Membership.Role.COORDINATOR
    ).distinct()


def hosted_hubs(person):
    """The active hubs ``person`` hosts (every active hub for an administrator)."""
    if not (person and person.is_authenticated):
        return Hub.objects.none()
    hubs = Hub.objects.filter(is_active=True)
    if is_admin(person):
        return hubs
    return hubs.filter(hosts=person)


def may_create_events(person) -> bool:
    """Hosts, coordinators and administrators may create events."""
    return hosted_hubs(person).exists() or coordinated_organizations(person).exists()


def may_create_event(person, hub, organizers) -> bool:
    """May ``person`` create an event at ``hub`` (or none) organized by ``organizers``?"""
    if is_admin(person):
        return True
    if hub is not None and is_host(person, hub):
        return True
    ids = [org.pk for org in organizers]
    return bool(ids) and coordinated_organizations(person).filter(pk__in=ids).exists()


def may_manage(person, event) -> bool:
    """Edit, cancel, invite to, see participants of and mark attendance at ``event``."""
    if not (person and person.is_authenticated):
        return False
    if is_admin(person):
        return True
    if event.hub_id and is_host(person, event.hub):
        return True
    return coordinated_organizations(person).filter(organized_events=event).exists()
