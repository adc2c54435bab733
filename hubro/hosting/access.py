"""Scoped fetches for the host's workspace. Everything a host reads or changes is
fetched through these, so that a host of hub A gets ``NotFound`` (a 404 in the web and
the API) for every page and action of hub B.

Administrators count as hosts of every hub (``core.permissions.is_host``)."""

from hubro.bookings.models import Booking, BookingRule
from hubro.core.errors import NotFound
from hubro.core.permissions import is_admin
from hubro.spaces.models import ClosedDay, Hub, Space


def hubs_hosted_by(person):
    """The hubs ``person`` runs: those they host, or all of them for an administrator."""
    if not (person and person.is_authenticated and person.is_active):
        return Hub.objects.none()
    if is_admin(person):
        return Hub.objects.all()
    return Hub.objects.filter(hosts=person)


def get_hub_for_host(person, slug: str) -> Hub:
    hub = (
        hubs_hosted_by(person)
        .filter(slug=slug)
        .select_related("municipality", "region", "host_organization")
        .first()
    )
    if hub is None:
        raise NotFound()
    return hub


def _one(queryset, pk):
    try:
        found = queryset.filter(pk=int(pk)).first()
    except (TypeError, ValueError):
        found = None
    if found is None:
        raise NotFound()
    return found


def get_booking_at(hub: Hub, pk) -> Booking:
    """A booking of one of the hub's spaces."""
    return _one(
        Booking.objects.filter(space__hub=hub).select_related(
            "space__hub", "person", "organization"
        ),
        pk,
    )


def get_space_at(hub: Hub, pk) -> Space:
    """One of the hub's spaces, active or not."""
    return _one(Space.objects.filter(hub=hub).select_related("hub"), pk)


def get_closed_day_at(hub: Hub, pk) -> ClosedDay:
    return _one(ClosedDay.objects.filter(hub=hub), pk)


def get_rule_at(hub: Hub, pk) -> BookingRule:
    return _one(BookingRule.objects.filter(hub=hub), pk)
