"""What `hubro loaddemo` adds for positions (see ``hubro.core.demo.EXTENSIONS``): two
announced positions that can be held from RegionLab Lister (one still open), and one
recorded hire. Keyed on title; a second run creates nothing."""

import datetime as dt

from hubro.core.demo import organizations as orgs
from hubro.core.demo.base import DemoContext
from hubro.core.demo.hubs import LISTER, NORDFJORDEID

from .models import Hire, Position

POSITIONS = [
    # title, agency, hubs, announced (days before today), deadline (days after), hired
    ("Rådgiver, arbeidsrettet oppfølging", orgs.NAV, [LISTER], 20, 14, 0),
    ("Skattejurist", orgs.SKATTEETATEN, [LISTER, NORDFJORDEID], 75, -30, 1),
]


def build(ctx: DemoContext) -> None:
    admin = ctx.fixed.admin
    for title, orgnr, slugs, announced, deadline, hired in POSITIONS:
        organization = ctx.organizations.get(orgnr)
        hubs = [ctx.hubs[slug] for slug in slugs if slug in ctx.hubs]
        if organization is None or not hubs or Position.objects.filter(title=title).exists():
            continue
        announced_on = ctx.today - dt.timedelta(days=announced)
        position = Position.objects.create(
            title=title,
            organization=organization,
            announcement_url="https://arbeidsplassen.nav.no/",
            announced_on=announced_on,
            deadline=ctx.today + dt.timedelta(days=deadline),
            created_by=admin,
        )
        position.hubs.set(hubs)
        ctx.tally.add("positions", True)
        if hired:
            Hire.objects.create(
                position=position,
                hub=hubs[0],
                count=hired,
                hired_on=ctx.today + dt.timedelta(days=deadline + 10),
                recorded_by=admin,
            )


def counts() -> dict[str, int]:
    return {"positions": Position.objects.count()}
