"""The four pilot hubs of the Statens hus programme, as the evaluation describes them."""

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from hubro.bookings.models import BookingRule
from hubro.core.models import Municipality, Organization, Region
from hubro.spaces.models import ClosedDay, Hub, OpeningHours, Space, SpaceFeature

from . import organizations as orgs
from .base import DemoDataMissing, Tally

LISTER = "regionlab-lister"
NARVIK = "sentrumsgarden-narvik"
NORDFJORDEID = "statens-hus-nordfjordeid"
ORKLAND = "innovasjonshub-orkland"
HUB_SLUGS = (LISTER, NARVIK, NORDFJORDEID, ORKLAND)

OFFICE = Space.Kind.OFFICE
DESK = Space.Kind.DESK
MEETING_ROOM = Space.Kind.MEETING_ROOM
PROJECT_ROOM = Space.Kind.PROJECT_ROOM

# The acceptance walk-through books one of these for tomorrow, so the booking generator
# leaves them free on the next few days.
WALKTHROUGH_DESKS = (LISTER, ("Kontorplass 1", "Kontorplass 2"))


def _week(opens: str, closes: str, *, days=range(5), friday: str | None = None):
    hours = {}
    for weekday in days:
        hours[weekday] = (opens, friday if weekday == 4 and friday else closes)
    return hours


@dataclass
class HubSpec:
    slug: str
    name: str
    municipality: str
    region: str
    host: str  # orgnr; RegionLab Lister prefers the Lister IPR when the CSV has it
    address: str
    description: str
    opened_on: dt.date | None
    hours: dict[int, tuple[str, str]]
    # (name, kind, capacity, description[, feature codes])
    spaces: list[tuple]
    members: list[str] = field(default_factory=list)
    observe_public_holidays: bool = True
    # (space kind or "" for every kind, BookingRule fields)
    rules: list[tuple[str, dict]] = field(default_factory=list)
    closed_on_christmas_eve: bool = True


# Meeting rooms are booked by the quarter hour, for at least half an hour and at most a
# working day, up to three months ahead.
MEETING_ROOM_RULE = (
    "meeting_room",
    {"granularity": "15", "min_minutes": 30, "max_minutes": 480, "max_days_ahead": 90},
)


def _numbered(prefix: str, count: int, kind: str, description: str = "", features=()):
    return [(f"{prefix} {n}", kind, 1, description, features) for n in range(1, count + 1)]


F = SpaceFeature.Feature


HUBS = [
    HubSpec(
        slug=LISTER,
        name="RegionLab Lister",
        municipality="4225",
        region="lister",
        host=orgs.LYNGDAL,
        address="Lyngdal sentrum, 4580 Lyngdal",
        description=(
            "Regionalt kontorfellesskap i Lyngdal for ansatte i staten, kommunene og "
            "fylkeskommunen i Lister. Huset deles med NAV, Skatteetaten og "
            "Listersamarbeidet. Her møtes landbruksklyngen, KI-klyngen og Stimulab, og "
            "stadig flere som jobber for en arbeidsgiver et annet sted i landet."
        ),
        opened_on=dt.date(2023, 1, 9),
        # Staffed on weekdays; open to card holders on weekends, so that the demo's
        # "book a desk for tomorrow" walk-through works whatever day it is run.
        hours={
            **_week("07:30", "17:00", friday="16:00"),
            5: ("09:00", "15:00"),
            6: ("09:00", "15:00"),
        },
        spaces=[
            *_numbered(
                "Cellekontor",
                7,
                OFFICE,
                "Skjermet kontor med skrivebord og skjerm.",
                (F.SCREEN, F.HEIGHT_ADJUSTABLE),
            ),
            *_numbered("Kontorplass", 4, DESK, "Åpen arbeidsplass i landskapet.", (F.DOCKING,)),
            ("Møterom Lista", MEETING_ROOM, 8, "Skjerm og videomøteutstyr.", (F.SCREEN, F.VIDEO)),
            (
                "Møterom Rosfjord",
                MEETING_ROOM,
                14,
                "Stort møterom, egnet for faglunsj.",
                (F.PROJECTOR, F.WHITEBOARD, F.ACCESSIBLE),
            ),
        ],
        members=[
            orgs.NAV,
            orgs.SKATTEETATEN,
            orgs.LYNGDAL,
            orgs.FARSUND,
            orgs.FLEKKEFJORD,
            orgs.KVINESDAL,
            orgs.HAGEBOSTAD,
            orgs.SIRDAL,
            orgs.AGDER_FK,
            orgs.SF_AGDER,
        ],
    ),
    HubSpec(
        slug=NARVIK,
        name="Sentrumsgården Narvik",
        municipality="1806",
        region="ofoten",
        host=orgs.NARVIK,
        address="Sentrumsgården, 8514 Narvik",
        description=(
            "Kontorfellesskap i Narvik sentrum med kontorceller, møterom og fellesareal. "
            "Symbolsk leie det første året; bruken er foreløpig lav, og en "
            "finansieringsmodell er ikke på plass."
        ),
        opened_on=dt.date(2024, 3, 4),
        hours=_week("08:00", "16:00"),
        spaces=[
            *_numbered("Kontorcelle", 7, OFFICE),
            ("Møterom Ofoten", MEETING_ROOM, 12, "Videomøteutstyr.", (F.VIDEO, F.SCREEN)),
            ("Møterom Rombaken", MEETING_ROOM, 6, ""),
            ("Møterom Fagernes", MEETING_ROOM, 4, "Lite rom for samtaler."),
        ],
        members=[orgs.NARVIK, orgs.NORDLAND_FK, orgs.SF_NORDLAND, orgs.NAV],
        # The office community is for the organizations that take part.
        rules=[MEETING_ROOM_RULE, ("", {"access": "members"})],
    ),
    HubSpec(
        slug=NORDFJORDEID,
        name="Statens hus Nordfjordeid",
        municipality="4649",
        region="nordfjord",
        host=orgs.STAD,
        address="Nordfjordeid sentrum, 6770 Nordfjordeid",
        description=(
            "NAV, Skatteetaten, politiet og Stad kommune under samme tak. Inne i huset "
            "ligger Distriktshub Vestland med fleksible arbeidsplasser og kontor for "
            "hospitering, åpne for alle offentlig ansatte i Nordfjord."
        ),
        opened_on=dt.date(2025, 4, 1),
        hours=_week("08:00", "16:00"),
        spaces=[
            *_numbered("Distriktshub \N{EN DASH} plass", 6, DESK, "Fleksibel arbeidsplass."),
            *_numbered("Hospiteringskontor", 2, OFFICE, "For hospitering hos en annen etat."),
            ("Møterom Hornelen", MEETING_ROOM, 10, "Videomøteutstyr.", (F.VIDEO, F.SCREEN)),
            ("Møterom Eidsfjorden", MEETING_ROOM, 6, ""),
            (
                "Prosjektrom Distriktshub",
                PROJECT_ROOM,
                8,
                "Tavlevegg; kan bookes for dagen.",
                (F.WHITEBOARD,),
            ),
        ],
        members=[orgs.NAV, orgs.SKATTEETATEN, orgs.POLITIET, orgs.STAD, orgs.VESTLAND_FK],
        # The district hub's desks take whole or half days.
        rules=[MEETING_ROOM_RULE, ("desk", {"granularity": "half_day", "max_days_ahead": 30})],
    ),
    HubSpec(
        slug=ORKLAND,
        name="Innovasjonshub Orkland",
        municipality="5059",
        region="trondelag-sorvest",
        host=orgs.ORKLAND,
        address="Orkanger sentrum, 7300 Orkanger",
        description=(
            "Planlagt offentlig innovasjonshub for Trøndelag sørvest. En forstudie fant "
            "godt grunnlag, men finansiering av etablering og drift er ikke avklart. "
            "Foreløpig kan ett møterom og to arbeidsplasser bookes."
        ),
        opened_on=None,
        hours=_week("08:00", "15:30", days=range(4)),
        spaces=[
            ("Møterom Orkla", MEETING_ROOM, 10, ""),
            *_numbered("Kontorplass", 2, DESK),
        ],
        members=[orgs.ORKLAND, orgs.TRONDELAG_FK, orgs.SF_TRONDELAG],
    ),
]


def _time(value: str) -> dt.time:
    return dt.time.fromisoformat(value)


def build_hubs(organizations: dict[str, Organization], tally: Tally) -> dict[str, Hub]:
    """Create or update the four pilot hubs with their spaces, hours and members."""
    ipr = orgs.lister_ipr(organizations)
    hubs = {}
    for spec in HUBS:
        municipality = Municipality.objects.filter(number=spec.municipality).first()
        region = Region.objects.filter(slug=spec.region).first()
        if municipality is None or region is None:
            raise DemoDataMissing(
                f"Municipality {spec.municipality} or region {spec.region!r} is missing. "
                "Run `hubro migrate` first: a data migration loads them."
            )
        host = organizations[spec.host]
        members = [organizations[orgnr] for orgnr in spec.members if orgnr in organizations]
        if spec.slug == LISTER and ipr is not None:
            host = ipr
            members.append(ipr)
        hub, created = Hub.objects.update_or_create(
            slug=spec.slug,
            defaults={
                "observe_public_holidays": spec.observe_public_holidays,
                "name": spec.name,
                "municipality": municipality,
                "region": region,
                "host_organization": host,
                "address": spec.address,
                "description": spec.description,
                "opened_on": spec.opened_on,
                "is_active": True,
            },
        )
        tally.add("hubs", created)
        hub.member_organizations.add(host, *members)
        for weekday, (opens, closes) in spec.hours.items():
            _, created = OpeningHours.objects.update_or_create(
                hub=hub, weekday=weekday, defaults={"opens": _time(opens), "closes": _time(closes)}
            )
            tally.add("opening hours", created)
        for name, kind, capacity, description, *features in spec.spaces:
            space, created = Space.objects.update_or_create(
                hub=hub,
                name=name,
                defaults={"kind": kind, "capacity": capacity, "description": description},
            )
            tally.add("spaces", created)
            for code in features[0] if features else ():
                _, created = SpaceFeature.objects.get_or_create(space=space, feature=code)
                tally.add("space features", created)
        for kind, fields in spec.rules:
            _, created = BookingRule.objects.update_or_create(
                hub=hub, space_kind=kind, defaults=fields
            )
            tally.add("booking rules", created)
        if spec.closed_on_christmas_eve:
            year = timezone.localdate().year
            for christmas_eve in (dt.date(year, 12, 24), dt.date(year + 1, 12, 24)):
                _, created = ClosedDay.objects.get_or_create(
                    hub=hub, date=christmas_eve, defaults={"reason": "Julaften"}
                )
                tally.add("closed days", created)
        hubs[spec.slug] = hub
    return hubs
