"""«Hvem er her»: which organizations have people at a hub on a day, and the names of
those who chose to show theirs. The first brick of the cross-sector indicator.

A name appears only when its person has opted in (``Person.show_presence``). Everyone
else is counted, never named."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from hubro.core.errors import NotFound
from hubro.core.models import Organization
from hubro.core.timeutil import day_bounds
from hubro.spaces.models import Hub

from .models import Booking


@dataclass
class OrganizationPresence:
    name: str
    sector: str
    sector_label: str
    people: int


@dataclass
class PersonPresence:
    name: str
    organization: str


@dataclass
class Presence:
    hub: Hub
    day: dt.date
    organizations: list[OrganizationPresence] = field(default_factory=list)
    people: list[PersonPresence] = field(default_factory=list)
    # The viewer is there that day: to tell them whether others see their name.
    viewer_present: bool = False

    @property
    def sectors(self) -> int:
        """How many sectors (state, municipal, county …) had people there."""
        return len({organization.sector for organization in self.organizations})

    @property
    def total_people(self) -> int:
        return sum(organization.people for organization in self.organizations)


def present_bookings(hub: Hub, day: dt.date, *, now: dt.datetime | None = None):
    """The bookings that put someone at the hub on a local day: confirmed ones that
    overlap it. Where the hub releases no-shows, a booking that has started counts only
    once it is checked in; later ones that day count as expected."""
    start, end = day_bounds(day)
    bookings = Booking.objects.confirmed().filter(space__hub=hub).overlapping(start, end)
    if hub.release_no_shows:
        now = now or timezone.now()
        bookings = bookings.filter(Q(start__gt=now) | Q(checked_in_at__isnull=False))
    return bookings


def presence(hub: Hub, day: dt.date, *, viewer, now: dt.datetime | None = None) -> Presence:
    """Organizations present at ``hub`` on ``day`` with a count of distinct people
    each, and the opted-in people by name and organization. Only signed-in people may
    ask; to anyone else the hub is not found."""
    if not (viewer and viewer.is_authenticated):
        raise NotFound()
    rows = (
        present_bookings(hub, day, now=now)
        .order_by("start", "pk")
        .values_list(
            "person_id",
            "person__name",
            "person__show_presence",
            "organization_id",
            "organization__name",
            "organization__sector",
        )
    )
    people_per_org: dict[int, set[int]] = {}
    organizations: dict[int, tuple[str, str]] = {}
    named: dict[int, PersonPresence] = {}
    viewer_present = False
    for person_id, name, shows, org_id, org_name, sector in rows:
        organizations[org_id] = (org_name, sector)
        people_per_org.setdefault(org_id, set()).add(person_id)
        viewer_present = viewer_present or person_id == viewer.pk
        # The earliest booking of the day decides which organization is shown.
        if shows and name and person_id not in named:
            named[person_id] = PersonPresence(name=name, organization=org_name)

    labels = dict(Organization.Sector.choices)
    result = Presence(hub=hub, day=day, viewer_present=viewer_present)
    result.organizations = sorted(
        (
            OrganizationPresence(
                name=name,
                sector=sector,
                sector_label=str(labels.get(sector, sector)),
                people=len(people_per_org[org_id]),
            )
            for org_id, (name, sector) in organizations.items()
        ),
        key=lambda org: (-org.people, org.name),
    )
    result.people = sorted(named.values(), key=lambda p: (p.name.casefold(), p.organization))
    return result
