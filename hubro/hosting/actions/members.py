"""Who belongs to a hub: its member organizations, and its hosts."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from hubro.core.audit import record
from hubro.core.errors import Conflict, Invalid
from hubro.spaces.models import HubHost


def add_member_organization(hub, organization, *, actor) -> bool:
    """Make ``organization`` a member of the hub (its people may book where the rules
    say "members only", and it shares the costs). False when it already is."""
    if organization.pk == hub.host_organization_id:
        return False
    with transaction.atomic():
        if hub.member_organizations.filter(pk=organization.pk).exists():
            return False
        hub.member_organizations.add(organization)
        record(actor, "hub.update", hub, hub=hub, changes={"member_added": organization.orgnr})
    return True


def remove_member_organization(hub, organization, *, actor) -> bool:
    """End ``organization``'s membership. Its bookings stay. False when it was none."""
    with transaction.atomic():
        if not hub.member_organizations.filter(pk=organization.pk).exists():
            return False
        hub.member_organizations.remove(organization)
        record(actor, "hub.update", hub, hub=hub, changes={"member_removed": organization.orgnr})
    return True


def add_cohost(hub, person, *, actor) -> HubHost:
    """Make ``person`` a host of the hub too. ``Conflict`` (``already_host``) if they are;
    ``Invalid`` (``inactive``) for a deactivated account."""
    if not person.is_active:
        raise Invalid(_("Kontoen er ikke aktiv."), code="inactive", field="email")
    with transaction.atomic():
        if HubHost.objects.filter(hub=hub, person=person).exists():
            raise Conflict(_("Personen er allerede vert her."), code="already_host", field="email")
        host = HubHost.objects.create(hub=hub, person=person)
        record(actor, "hubhost.create", host, hub=hub, changes={"person": person.email})
    return host


def remove_cohost(hub, person, *, actor) -> None:
    """Take away ``person``'s host role at the hub. The last host cannot be removed
    (``last_host``): someone must run the hub; an administrator appoints a new one."""
    with transaction.atomic():
        hosts = list(HubHost.objects.select_for_update().filter(hub=hub))
        host = next((h for h in hosts if h.person_id == person.pk), None)
        if host is None:
            return
        if len(hosts) == 1:
            raise Invalid(_("Huben må ha minst én vert."), code="last_host", field="email")
        record(actor, "hubhost.delete", host, hub=hub, changes={"person": person.email})
        host.delete()
