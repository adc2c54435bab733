"""Reads of events, scoped to what the person may see."""

from django.db.models import Q

from hubro.core.models import Membership
from hubro.core.permissions import is_admin

from .models import Event


def visible_events(person):
    """The events ``person`` may see (anonymous: open events only).

    - open: everyone;
    - members: people in one of the hub's member organizations (or an organizer);
    - invited: invitees, registered participants, organizers' coordinators.
    Hosts of the event's hub and administrators see every event."""
    events = Event.objects.all()
    if not (person and person.is_authenticated):
        return events.filter(audience=Event.Audience.OPEN)
    if is_admin(person):
        return events
    organizations = Membership.objects.filter(person=person).values("organization_id")
    return events.filter(
        Q(audience=Event.Audience.OPEN)
        | Q(hub__hosts=person)
        | Q(created_by=person)
        | Q(
            audience=Event.Audience.MEMBERS,
            hub__member_organizations__in=organizations,
        )
        | Q(audience=Event.Audience.MEMBERS, organizers__in=organizations)
        | Q(invitations__person=person)
        | Q(invitations__email__iexact=person.email)
        | Q(registrations__person=person)
    ).distinct()
