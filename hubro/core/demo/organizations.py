"""The demo's organizations, read from ``core/data/demo_organizations.csv``."""

import csv

from django.core.exceptions import ValidationError

from hubro.core.models import Municipality, Organization, normalize_orgnr, validate_orgnr

from .base import DATA_DIR, DemoDataMissing, Tally

ORGANIZATIONS_CSV = DATA_DIR / "demo_organizations.csv"

# Organization numbers the demo refers to by name. They must match the CSV.
NAV = "889640782"
SKATTEETATEN = "974761076"
POLITIET = "982531950"
MATTILSYNET = "985399077"
NVE = "970205039"
UDI = "974760746"
BUFDIR = "986128433"
BRREG = "974760673"
KDD = "972417858"
SF_AGDER = "974762994"
SF_VESTLAND = "974760665"
SF_NORDLAND = "974764687"
SF_TRONDELAG = "974764350"
LYNGDAL = "922421498"
FARSUND = "964083266"
FLEKKEFJORD = "964967369"
KVINESDAL = "964964076"
HAGEBOSTAD = "964963916"
SIRDAL = "964964165"
STAD = "921060157"
NARVIK = "959469059"
ORKLAND = "921233418"
AGDER_FK = "921707134"
VESTLAND_FK = "821311632"
NORDLAND_FK = "964982953"
TRONDELAG_FK = "817920632"

# The short name in demo email addresses: fornavn.etternavn@<short>.demo.hubro.test
SHORT_NAMES = {
    NAV: "nav",
    SKATTEETATEN: "skatteetaten",
    POLITIET: "politiet",
    MATTILSYNET: "mattilsynet",
    NVE: "nve",
    UDI: "udi",
    BUFDIR: "bufdir",
    BRREG: "brreg",
    KDD: "kdd",
    SF_AGDER: "sfagder",
    SF_VESTLAND: "sfvestland",
    SF_NORDLAND: "sfnordland",
    SF_TRONDELAG: "sftrondelag",
    LYNGDAL: "lyngdal",
    FARSUND: "farsund",
    FLEKKEFJORD: "flekkefjord",
    KVINESDAL: "kvinesdal",
    HAGEBOSTAD: "hagebostad",
    SIRDAL: "sirdal",
    STAD: "stad",
    NARVIK: "narvik",
    ORKLAND: "orkland",
    AGDER_FK: "agderfk",
    VESTLAND_FK: "vestlandfk",
    NORDLAND_FK: "nordlandfk",
    TRONDELAG_FK: "trondelagfk",
}


def _read_rows() -> list[dict[str, str]]:
    if not ORGANIZATIONS_CSV.exists():
        raise DemoDataMissing(f"{ORGANIZATIONS_CSV} is missing.")
    with ORGANIZATIONS_CSV.open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle) if (row.get("orgnr") or "").strip()]


def load_organizations(tally: Tally) -> dict[str, Organization]:
    """Create or update every organization in the CSV, keyed on orgnr; parents are set
    once all rows exist, so that a child may come before its parent in the file."""
    rows = _read_rows()
    numbers = {row["municipality_number"].strip().zfill(4) for row in rows}
    municipalities = Municipality.objects.in_bulk(numbers, field_name="number")
    missing = sorted(numbers - set(municipalities))
    if missing:
        raise DemoDataMissing(
            f"Municipalities {', '.join(missing)} are not in the database. "
            "Run `hubro migrate` first: a data migration loads them."
        )
    sectors = set(Organization.Sector.values)
    levels = set(Organization.Level.values)
    organizations: dict[str, Organization] = {}
    for row in rows:
        orgnr = normalize_orgnr(row["orgnr"])
        sector = row["sector"].strip()
        try:
            validate_orgnr(orgnr)
        except ValidationError:
            raise DemoDataMissing(f"{ORGANIZATIONS_CSV.name}: bad orgnr {orgnr!r}.") from None
        if sector not in sectors:
            raise DemoDataMissing(f"{ORGANIZATIONS_CSV.name}: bad sector {sector!r}.")
        # local, regional or national; a file without the column means local.
        level = (row.get("level") or Organization.Level.LOCAL).strip()
        if level not in levels:
            raise DemoDataMissing(f"{ORGANIZATIONS_CSV.name}: bad level {level!r}.")
        organization, created = Organization.objects.update_or_create(
            orgnr=orgnr,
            defaults={
                "name": row["name"].strip(),
                "sector": sector,
                "level": level,
                "municipality": municipalities[row["municipality_number"].strip().zfill(4)],
            },
        )
        tally.add("organizations", created)
        organizations[orgnr] = organization
    for row in rows:
        parent_orgnr = normalize_orgnr(row.get("parent_orgnr") or "")
        if not parent_orgnr:
            continue
        child = organizations[normalize_orgnr(row["orgnr"])]
        parent = (
            organizations.get(parent_orgnr)
            or Organization.objects.filter(orgnr=parent_orgnr).first()
        )
        if parent is None:
            raise DemoDataMissing(f"{ORGANIZATIONS_CSV.name}: unknown parent {parent_orgnr}.")
        if child.parent_id != parent.pk:
            child.parent = parent
            child.save(update_fields=["parent"])
    return organizations


def lister_ipr(organizations: dict[str, Organization]) -> Organization | None:
    """The Lister inter-municipal council, if the CSV has it."""
    for organization in organizations.values():
        if (
            organization.sector == Organization.Sector.INTER_MUNICIPAL
            and "lister" in organization.name.lower()
        ):
            return organization
    return None
