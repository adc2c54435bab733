"""Who may do what with positions: one place. Anyone signed in (and a hub's public
page) sees open positions, which are public announcements anyway; the coordinators of
the agency (and administrators) register them and record hires."""

from hubro.core.models import Membership, Organization
from hubro.core.permissions import is_admin, is_coordinator


def may_manage(person, organization) -> bool:
    return is_coordinator(person, organization)


def managed_organizations(person):
    """The organizations ``person`` may register positions for."""
    if is_admin(person):
        return Organization.objects.order_by("name")
    if not (person and person.is_authenticated):
        return Organization.objects.none()
    return Organization.objects.filter(
        memberships__person=person, memberships__role=Membership.Role.COORDINATOR
    ).order_by("name")
