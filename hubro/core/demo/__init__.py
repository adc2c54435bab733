"""The demo world that ``hubro loaddemo`` builds: the four pilot hubs of the Statens hus
programme, the organizations and people who use them, and their bookings.

Running the builder again changes nothing: every row is keyed on a natural key
(orgnr, email, hub slug, hub and space name), and bookings are generated only while the
demo hubs have none. Municipalities and regions are not created here; a data migration
loads them."""

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from hubro.bookings.models import Booking
from hubro.core.models import Membership, Organization, Person
from hubro.core.notify import muted
from hubro.spaces.models import Hub, HubHost, OpeningHours, Space

from .base import EMAIL_DOMAIN, DemoContext, DemoDataMissing, Tally
from .bookings import build_bookings
from .hubs import HUB_SLUGS, build_hubs
from .organizations import load_organizations
from .people import ADMIN_EMAIL, ANSATT_EMAIL, VERT_EMAIL, build_people

# The apps that add to the demo, in the order they build: each module has
# ``build(ctx: DemoContext)`` and may have ``counts() -> dict[str, int]`` for the summary
# and ``accounts() -> list[(email, description)]`` for extra demo accounts it creates.
# Later apps may use what earlier ones made (events use clusters, finance uses projects).
EXTENSIONS = [
    "hubro.community.demo",
    "hubro.events.demo",
    "hubro.registry.demo",
    "hubro.finance.demo",
    "hubro.programme.demo",
    "hubro.followup.demo",
    "hubro.handbook.demo",
    "hubro.positions.demo",  # issue 17b
    "hubro.surveys.demo",  # issue 17b
]

# The README and `make demo` print this password; keep the value.
DEMO_PASSWORD = "hubro-demo-2026"

__all__ = [
    "ADMIN_EMAIL",
    "ANSATT_EMAIL",
    "DEMO_PASSWORD",
    "VERT_EMAIL",
    "DemoDataMissing",
    "DemoSummary",
    "build_demo",
]


@dataclass
class DemoSummary:
    """What the demo holds after a run, and how much of it this run created."""

    counts: dict[str, int]
    new: dict[str, int]
    cancelled: int
    accounts: list[tuple[str, str]] = field(default_factory=list)

    @property
    def created_anything(self) -> bool:
        return any(self.new.values())


def _counts() -> dict[str, int]:
    demo_people = Person.objects.filter(email__endswith=f"{EMAIL_DOMAIN}")
    counts = {
        "organizations": Organization.objects.count(),
        "hubs": Hub.objects.filter(slug__in=HUB_SLUGS).count(),
        "spaces": Space.objects.filter(hub__slug__in=HUB_SLUGS).count(),
        "opening hours": OpeningHours.objects.filter(hub__slug__in=HUB_SLUGS).count(),
        "people": demo_people.count(),
        "memberships": Membership.objects.filter(person__in=demo_people).count(),
        "hub hosts": HubHost.objects.filter(hub__slug__in=HUB_SLUGS).count(),
        "bookings": Booking.objects.filter(space__hub__slug__in=HUB_SLUGS).count(),
    }
    for name in EXTENSIONS:
        module = import_module(name)
        if hasattr(module, "counts"):
            counts.update(module.counts())
    return counts


def _extension_accounts() -> list[tuple[str, str]]:
    accounts = []
    for name in EXTENSIONS:
        module = import_module(name)
        if hasattr(module, "accounts"):
            accounts.extend(module.accounts())
    return accounts


def build_demo(*, today: dt.date | None = None) -> DemoSummary:
    """Build or complete the demo world in one transaction and say what it holds.

    ``today`` anchors the generated bookings (from Lister's opening, two weeks ahead); it defaults
    to the local date. Raises ``DemoDataMissing`` when the municipalities, regions or
    the organizations CSV are not there."""
    today = today or timezone.localdate()
    tally = Tally()
    password_hash = cache(lambda: make_password(DEMO_PASSWORD))
    # The demo makes up bookings and events; nobody should get mail about them.
    with muted(), transaction.atomic():
        organizations = load_organizations(tally)
        hubs = build_hubs(organizations, tally)
        people, fixed = build_people(organizations, hubs, password_hash=password_hash, tally=tally)
        now = timezone.now()
        bookings = build_bookings(hubs, people, fixed, today=today, now=now)
        tally.new["bookings"] = len(bookings)
        context = DemoContext(
            organizations=organizations,
            hubs=hubs,
            people=people,
            fixed=fixed,
            today=today,
            now=now,
            tally=tally,
            extra={},
        )
        for name in EXTENSIONS:
            import_module(name).build(context)
    ansatt_organization = fixed.ansatt.primary_membership.organization
    return DemoSummary(
        counts=_counts(),
        new=dict(tally.new),
        cancelled=sum(booking.status == Booking.Status.CANCELLED for booking in bookings),
        accounts=[
            (ANSATT_EMAIL, f"employee, {ansatt_organization.name}"),
            (VERT_EMAIL, f"host of {hubs['regionlab-lister'].name}"),
            (ADMIN_EMAIL, "administrator"),
            *_extension_accounts(),
        ],
    )
