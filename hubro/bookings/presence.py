"""«Hvem er her»: which organizations have people at a hub on a day, and the names of
those who chose to show theirs. The first brick of the cross-sector indicator.

Who may ask, for which days, and whether the counts are exact follows the one rule in
``hubro.insights.visibility``: the hub's statistics setting decides who sees the hub at
all; without person-level rights at the hub (its hosts, administrators) only this week
can be asked for, and an organization's count of fewer people than the privacy
threshold shows as "<5" (and then no total). A name appears only when its person has
opted in (``Person.show_presence``). Everyone else is counted, never named."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from hubro.core.errors import NotFound
from hubro.core.models import Organization
from hubro.core.timeutil import day_bounds
from hubro.insights import visibility
from hubro.insights.privacy import threshold
from hubro.spaces.models import Hub

from .models import Booking


@dataclass
class OrganizationPresence:
    name: str
    sector: str
    sector_label: str
    people: int | None  # None: fewer than the threshold, for a viewer without rights
    suppressed: bool = False

    @property
    def people_display(self) -> str:
        from hubro.insights.privacy import threshold

        return f"<{threshold()}" if self.suppressed else str(self.people)


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
    exact: bool = False  # the viewer has person-level rights at the hub
    first_day: dt.date | None = None  # the days the viewer may ask for
    last_day: dt.date | None = None

    @property
    def sectors(self) -> int:
        """How many sectors (state, municipal, county …) had people there."""
        return len({organization.sector for organization in self.organizations})

    @property
    def total_people(self) -> int | None:
        """None when a count is hidden: the total would give it back."""
        if any(organization.suppressed for organization in self.organizations):
            return None
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
    ask; to anyone else the hub is not found. PresenceHidden when the hub's statistics
    setting keeps the viewer out, Invalid (``date_out_of_range``) for a day outside the
    viewer's bounds (``visibility.presence_days``)."""
    if not (viewer and viewer.is_authenticated):
        raise NotFound()
    level = visibility.presence_level(viewer, hub)
    visibility.check_presence_day(level, day)
    exact = level == visibility.EXACT
    n = threshold()
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
    first, last = visibility.presence_days(level)
    result = Presence(
        hub=hub,
        day=day,
        viewer_present=viewer_present,
        exact=exact,
        first_day=first,
        last_day=last,
    )
    shown = []
    for org_id, (name, sector) in organizations.items():
        count = len(people_per_org[org_id])
        hidden = not exact and count < n
        shown.append(
            OrganizationPresence(
                name=name,
                sector=sector,
                sector_label=str(labels.get(sector, sector)),
                people=None if hidden else count,
                suppressed=hidden,
            )
        )
    # Hidden counts go last, by name: their order must not rank them.
    result.organizations = sorted(
        shown, key=lambda org: (org.suppressed, -(org.people or 0), org.name)
    )
    result.people = sorted(named.values(), key=lambda p: (p.name.casefold(), p.organization))
    return result
