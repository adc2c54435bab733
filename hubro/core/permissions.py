"""Role checks in one place. Administrators are superusers; hosts hold a hub through
``spaces.HubHost``; coordinators hold an organization through ``Membership``."""

from hubro.core.models import Membership


def is_admin(person) -> bool:
    return bool(person and person.is_authenticated and person.is_active and person.is_superuser)


def is_host(person, hub) -> bool:
    if not (person and person.is_authenticated):
        return False
    return is_admin(person) or hub.hosts.filter(pk=person.pk).exists()


def is_coordinator(person, organization) -> bool:
    if not (person and person.is_authenticated):
        return False
    return (
        is_admin(person)
        or Membership.objects.filter(
            person=person, organization=organization, role=Membership.Role.COORDINATOR
        ).exists()
    )
