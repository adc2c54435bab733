"""Demo people: a handful per organization with invented Norwegian names, and the
three fixed accounts that the README, the walk-through and other clients rely on."""

import random
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.text import slugify

from hubro.core.models import Membership, Organization, OrganizationDomain, Person
from hubro.spaces.models import Hub, HubHost

from . import organizations as orgs
from .base import EMAIL_DOMAIN, Tally
from .hubs import LISTER, NARVIK, NORDFJORDEID, ORKLAND

ANSATT_EMAIL = f"ansatt@{EMAIL_DOMAIN}"
VERT_EMAIL = f"vert@{EMAIL_DOMAIN}"
ADMIN_EMAIL = f"admin@{EMAIL_DOMAIN}"

FIRST_NAMES = [
    "Ingrid", "Kari", "Anne", "Marit", "Silje", "Ida", "Nora", "Hanne", "Tone", "Solveig",
    "Ragnhild", "Siri", "Hilde", "Astrid", "Elin", "Maria", "Camilla", "Live", "Guro", "Tuva",
    "Ole", "Lars", "Per", "Knut", "Jon", "Erik", "Kjetil", "Bjørn", "Arne", "Geir", "Terje",
    "Håkon", "Magnus", "Sindre", "Even", "Torbjørn", "Øystein", "Sigurd", "Vegard", "Anders",
]  # fmt: skip
LAST_NAMES = [
    "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Berg",
    "Haugen", "Hagen", "Eriksen", "Bakken", "Solberg", "Lunde", "Moen", "Strand", "Dahl",
    "Tveit", "Eide", "Omdal", "Lindeland", "Sandvik", "Rosseland", "Vatne", "Haugland",
    "Nygård", "Myhre", "Tjomsland", "Hovland", "Aasen", "Skjelstad", "Hoem", "Løkken",
    "Nesse", "Hjelle", "Kvalvik", "Sæther", "Grøtte", "Fagerli", "Hatlestad",
]  # fmt: skip

# Where each person of a national agency mostly works, one hub per person. The agencies
# in REMOTE_ORGNRS are based elsewhere; their people work from a hub near home.
HOME_HUBS = {
    orgs.NAV: [LISTER, NORDFJORDEID, LISTER, NARVIK, NORDFJORDEID, LISTER],
    orgs.SKATTEETATEN: [LISTER, NORDFJORDEID, LISTER, NORDFJORDEID, LISTER],
    orgs.POLITIET: [NORDFJORDEID, NORDFJORDEID, NORDFJORDEID],
    orgs.MATTILSYNET: [LISTER, LISTER, NORDFJORDEID],
    orgs.NVE: [LISTER, LISTER, NARVIK],
    orgs.UDI: [LISTER, LISTER, LISTER, LISTER],
    orgs.BUFDIR: [LISTER, NORDFJORDEID, ORKLAND],
    orgs.BRREG: [LISTER, LISTER, NARVIK],
    orgs.KDD: [LISTER, NARVIK, ORKLAND],
}
REMOTE_ORGNRS = {orgs.MATTILSYNET, orgs.NVE, orgs.UDI, orgs.BUFDIR, orgs.BRREG}
# Regional bodies work from the hub of their county.
COUNTY_HUBS = {"Agder": LISTER, "Vestland": NORDFJORDEID, "Nordland": NARVIK, "Trøndelag": ORKLAND}
HOST_MUNICIPALITIES = {orgs.LYNGDAL, orgs.NARVIK, orgs.STAD, orgs.ORKLAND}


@dataclass(frozen=True)
class DemoPerson:
    person: Person
    organization: Organization
    home_hub: str | None  # a hub slug
    remote: bool  # employed by an agency based elsewhere


@dataclass(frozen=True)
class FixedAccounts:
    ansatt: Person
    vert: Person
    admin: Person


def ascii_slug(text: str) -> str:
    """``Håkon Løkken`` → ``hakon-lokken``: Norwegian letters folded for addresses."""
    folded = text.lower().translate(str.maketrans({"æ": "ae", "ø": "o", "å": "a"}))
    folded = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    return slugify(folded)


def short_name(organization: Organization) -> str:
    """The organization's part of a demo address: ``nav`` in ``@nav.demo.hubro.test``."""
    known = orgs.SHORT_NAMES.get(organization.orgnr)
    return known or ascii_slug(organization.name).replace("-", "")[:24]


def _plan(organization: Organization) -> list[tuple[str, str | None]]:
    """The (name, home hub) of each demo person of an organization, the same every run."""
    rng = random.Random(f"hubro-demo:{organization.orgnr}")
    homes = HOME_HUBS.get(organization.orgnr)
    if homes is None:
        count = 6 if organization.orgnr in HOST_MUNICIPALITIES else rng.randint(3, 5)
        homes = [COUNTY_HUBS.get(organization.municipality.county)] * count
    names: list[str] = []
    while len(names) < len(homes):
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        if ascii_slug(name) not in {ascii_slug(taken) for taken in names}:
            names.append(name)
    return list(zip(names, homes, strict=True))


class _People:
    def __init__(self, password_hash: Callable[[], str], tally: Tally):
        self.password_hash = password_hash
        self.tally = tally

    def person(self, email: str, name: str, **flags) -> Person:
        person = Person.objects.filter(email=email).first()
        if person is None:
            person = Person.objects.create(
                email=email, name=name, password=self.password_hash(), **flags
            )
            self.tally.add("people", True)
            return person
        changed = [key for key, value in flags.items() if getattr(person, key) != value]
        for key in changed:
            setattr(person, key, flags[key])
        if changed:
            person.save(update_fields=changed)
        return person

    def membership(self, person: Person, organization: Organization, role: str) -> None:
        if Membership.objects.filter(person=person, organization=organization).exists():
            return
        has_primary = Membership.objects.filter(person=person, is_primary=True).exists()
        Membership.objects.create(
            person=person, organization=organization, role=role, is_primary=not has_primary
        )
        self.tally.add("memberships", True)


def build_people(
    organizations: dict[str, Organization],
    hubs: dict[str, Hub],
    *,
    password_hash: Callable[[], str],
    tally: Tally,
) -> tuple[list[DemoPerson], FixedAccounts]:
    """Create the demo people, their memberships (the first of each organization is its
    coordinator), the fixed accounts and the host of RegionLab Lister.

    Every demo person shares one password hash: hashing a hundred times would make the
    command slow for no gain, and the shared password is the point of a demo."""
    people = _People(password_hash, tally)
    result = []
    for organization in organizations.values():
        domain = f"{short_name(organization)}.{EMAIL_DOMAIN}"
        # Anyone at the organization's demo domain may join with a one-time code.
        OrganizationDomain.objects.get_or_create(
            domain=domain, defaults={"organization": organization}
        )
        for index, (name, home_hub) in enumerate(_plan(organization)):
            person = people.person(f"{ascii_slug(name).replace('-', '.')}@{domain}", name)
            role = Membership.Role.COORDINATOR if index == 0 else Membership.Role.MEMBER
            people.membership(person, organization, role)
            remote = organization.orgnr in REMOTE_ORGNRS
            result.append(DemoPerson(person, organization, home_hub, remote))

    ansatt = people.person(ANSATT_EMAIL, "Demo Ansatt")
    people.membership(ansatt, organizations[orgs.SKATTEETATEN], Membership.Role.MEMBER)
    # A host needs no admin access: the host's workspace is in Hubro's own pages.
    vert = people.person(VERT_EMAIL, "Demo Vert", is_staff=False)
    host_organization = orgs.lister_ipr(organizations) or organizations[orgs.LYNGDAL]
    people.membership(vert, host_organization, Membership.Role.MEMBER)
    _, created = HubHost.objects.get_or_create(hub=hubs[LISTER], person=vert)
    tally.add("hub hosts", created)
    admin = people.person(ADMIN_EMAIL, "Demo Administrator", is_staff=True, is_superuser=True)
    people.membership(admin, organizations[orgs.KDD], Membership.Role.MEMBER)
    return result, FixedAccounts(ansatt=ansatt, vert=vert, admin=admin)
