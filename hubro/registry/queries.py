"""Reads from the workplace register. Register data is public open data: any signed-in
person may read all of it, so these reads are not scoped further than that."""

import datetime as dt
from collections import defaultdict

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _

from hubro.core.errors import Invalid, NotFound
from hubro.core.models import Membership, Municipality, Organization, Region
from hubro.core.permissions import is_admin

from .models import Change, Sector, Snapshot, Subscription, Unit


# --- Snapshots and areas ------------------------------------------------------------
def latest_snapshot() -> Snapshot | None:
    return Snapshot.objects.order_by("-date").first()


def get_municipality(number: str) -> Municipality:
    municipality = Municipality.objects.filter(number=number).first()
    if municipality is None:
        raise NotFound(
            _("Fant ingen kommune med nummer %(number)s.") % {"number": number},
            code="municipality_not_found",
        )
    return municipality


def get_region(slug: str) -> Region:
    region = Region.objects.filter(slug=slug).first()
    if region is None:
        raise NotFound(
            _("Fant ingen region som heter %(slug)s.") % {"slug": slug}, code="region_not_found"
        )
    return region


def region_numbers(region: Region) -> list[str]:
    return list(region.municipalities.order_by("number").values_list("number", flat=True))


def active_units(numbers, *, snapshot=None, sector: str | None = Sector.STATE):
    """Units still open in ``snapshot`` (default the latest) in the municipalities
    ``numbers``; only ``sector`` unless it is None."""
    snapshot = snapshot or latest_snapshot()
    if snapshot is None:
        return Unit.objects.none()
    units = Unit.objects.filter(
        snapshot=snapshot, municipality_number__in=list(numbers), closed_on__isnull=True
    )
    if sector:
        units = units.filter(sector=sector)
    return units.order_by("agency_name", "name")


# --- Overviews for the pages --------------------------------------------------------
def by_agency(units) -> list[dict]:
    """Units grouped by agency, the largest agency (by units) first."""
    groups: dict[str, dict] = {}
    for unit in units:
        group = groups.setdefault(
            unit.agency_orgnr,
            {"orgnr": unit.agency_orgnr, "name": unit.agency_name, "units": [], "employees": 0},
        )
        group["units"].append(unit)
        group["employees"] += unit.employees or 0
    return sorted(groups.values(), key=lambda g: (-len(g["units"]), g["name"]))


def trend(numbers=None, *, agency_orgnr: str | None = None, sector=Sector.STATE) -> list[dict]:
    """Per snapshot (oldest first): open units and registered employees."""
    units = Unit.objects.filter(closed_on__isnull=True)
    if numbers is not None:
        units = units.filter(municipality_number__in=list(numbers))
    if agency_orgnr:
        units = units.filter(agency_orgnr=agency_orgnr)
    if sector:
        units = units.filter(sector=sector)
    rows = {
        row["snapshot__date"]: row
        for row in units.values("snapshot__date").annotate(
            units=Count("id"), employees=Sum("employees")
        )
    }
    return [
        {
            "date": date,
            "units": rows.get(date, {}).get("units", 0),
            "employees": rows.get(date, {}).get("employees") or 0,
        }
        for date in Snapshot.objects.order_by("date").values_list("date", flat=True)
    ]


def changes(
    numbers=None,
    *,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    agency_orgnr: str | None = None,
    sector: str | None = None,
    limit: int | None = None,
):
    """Changes between snapshots touching the municipalities ``numbers`` (before or
    after), newest first."""
    result = Change.objects.all()
    if numbers is not None:
        numbers = list(numbers)
        result = result.filter(
            Q(municipality_before__in=numbers) | Q(municipality_after__in=numbers)
        )
    if agency_orgnr:
        result = result.filter(agency_orgnr=agency_orgnr)
    if sector:
        result = result.filter(sector=sector)
    if date_from:
        result = result.filter(date__gte=date_from)
    if date_to:
        result = result.filter(date__lte=date_to)
    result = result.order_by("-date", "agency_name", "name", "kind")
    return list(result[:limit]) if limit else list(result)


def sector_totals(numbers, snapshot=None) -> list[dict]:
    """Open units and employees per sector, for context beside the state figures."""
    rows = (
        active_units(numbers, snapshot=snapshot, sector=None)
        .order_by()
        .values("sector")
        .annotate(units=Count("id"), employees=Sum("employees"))
    )
    labels = dict(Sector.choices)
    return [
        {
            "sector": r["sector"],
            "label": labels.get(r["sector"], r["sector"]),
            "units": r["units"],
            "employees": r["employees"] or 0,
        }
        for r in sorted(rows, key=lambda r: r["sector"] != Sector.STATE)
    ]


def municipality_overview(municipality: Municipality) -> dict:
    numbers = [municipality.number]
    units = list(active_units(numbers))
    return {
        "snapshot": latest_snapshot(),
        "agencies": by_agency(units),
        "units": units,
        "unit_count": len(units),
        "employees": sum(u.employees or 0 for u in units),
        "unregistered": sum(u.employees is None for u in units),
        "sectors": sector_totals(numbers),
        "trend": trend(numbers),
        "changes": changes(numbers, sector=Sector.STATE, limit=20),
    }


def region_overview(region: Region) -> dict:
    numbers = region_numbers(region)
    units = list(active_units(numbers))
    names = dict(region.municipalities.values_list("number", "name"))
    per_municipality = {
        n: {"number": n, "name": names[n], "units": 0, "employees": 0, "agencies": set()}
        for n in numbers
    }
    for unit in units:
        row = per_municipality[unit.municipality_number]
        row["units"] += 1
        row["employees"] += unit.employees or 0
        row["agencies"].add(unit.agency_orgnr)
    rows = []
    for row in per_municipality.values():
        row["agencies"] = len(row["agencies"])
        rows.append(row)
    return {
        "snapshot": latest_snapshot(),
        "agencies": by_agency(units),
        "units": units,
        "unit_count": len(units),
        "employees": sum(u.employees or 0 for u in units),
        "unregistered": sum(u.employees is None for u in units),
        "municipalities": rows,
        "sectors": sector_totals(numbers),
        "trend": trend(numbers),
        "changes": changes(numbers, sector=Sector.STATE, limit=30),
    }


def agency_overview(orgnr: str) -> dict:
    snapshot = latest_snapshot()
    units = (
        list(
            Unit.objects.filter(
                snapshot=snapshot, agency_orgnr=orgnr, closed_on__isnull=True
            ).order_by("municipality_number", "name")
        )
        if snapshot
        else []
    )
    name = units[0].agency_name if units else None
    if name is None:
        last = Unit.objects.filter(agency_orgnr=orgnr).order_by("-snapshot__date").first()
        if last is None:
            raise NotFound(
                _("Fant ingen virksomhet med organisasjonsnummer %(orgnr)s i registeret.")
                % {"orgnr": orgnr},
                code="agency_not_found",
            )
        name = last.agency_name
    places: dict[str, dict] = {}
    for unit in units:
        row = places.setdefault(
            unit.municipality_number,
            {
                "number": unit.municipality_number,
                "name": unit.municipality_name,
                "known": unit.municipality_known,
                "units": 0,
                "employees": 0,
            },
        )
        row["units"] += 1
        row["employees"] += unit.employees or 0
    return {
        "orgnr": orgnr,
        "name": name,
        "snapshot": snapshot,
        "units": units,
        "municipalities": sorted(places.values(), key=lambda r: r["number"]),
        "employees": sum(u.employees or 0 for u in units),
        "trend": trend(None, agency_orgnr=orgnr, sector=None),
        "changes": changes(agency_orgnr=orgnr, limit=50),
    }


def agencies(sector=Sector.STATE) -> list[dict]:
    snapshot = latest_snapshot()
    if snapshot is None:
        return []
    return list(
        Unit.objects.filter(snapshot=snapshot, sector=sector, closed_on__isnull=True)
        .order_by()
        .values("agency_orgnr", "agency_name")
        .annotate(units=Count("id"), employees=Sum("employees"))
        .order_by("agency_name")
    )


def parse_period(date_from: str | None, date_to: str | None):
    def parse(value, name):
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise Invalid(
                _("%(name)s må være en dato (ÅÅÅÅ-MM-DD).") % {"name": name},
                code="invalid_date",
                field=name,
            ) from None

    start, end = parse(date_from, "from"), parse(date_to, "to")
    if start and end and start > end:
        raise Invalid(_("Fra-datoen er etter til-datoen."), code="invalid_period", field="from")
    return start, end


# --- Uses elsewhere in Hubro ----------------------------------------------------------
def employees_by_organization(region, orgnrs) -> dict[str, int]:
    """Registered employees in ``region``'s municipalities per organization number, for
    the organizations in ``orgnrs`` (a unit counts for its top agency). Organizations
    with no units in the register are absent from the result.

    The rule: an open unit of the latest snapshot in one of the region's municipalities
    counts for an organization number when that number is the unit itself or any main
    entity in its parent chain up to and including its agency. So Nav's number gets
    every Nav office in the region, a regional level (such as a police district) gets
    its own units, and a municipality's number gets its own units. A unit counts once
    per matching number. Units with no employee count registered add 0.

    The finance app's employee key reads this. Until a register snapshot is imported
    the result is empty, and the finance app falls back to hand-entered numbers."""
    wanted = {str(o).replace(" ", "") for o in orgnrs if o}
    if not wanted:
        return {}
    result: dict[str, int] = {}
    units = active_units(region_numbers(region), sector=None).values_list(
        "orgnr", "chain", "employees"
    )
    for orgnr, chain, employees in units:
        for number in {orgnr, *chain.split()} & wanted:
            result[number] = result.get(number, 0) + (employees or 0)
    return result


def state_units_in_region(region) -> list[dict]:
    """The state units in ``region`` from the latest register snapshot, with their
    registered contact details, for an event's invitation list: dicts with ``orgnr``,
    ``name``, ``agency`` (name), ``municipality`` (name), ``email``, ``phone``
    (empty strings when not registered). Empty until a snapshot is imported."""
    return [
        {
            "orgnr": unit.orgnr,
            "name": unit.name,
            "agency": unit.agency_name,
            "municipality": unit.municipality_name,
            "email": unit.email or "",
            "phone": unit.phone or "",
        }
        for unit in active_units(region_numbers(region)).order_by(
            "municipality_name", "agency_name", "name"
        )
    ]


def register_entries(organizations) -> dict[int, dict]:
    """For each organization (by pk): is its orgnr in the latest snapshot, as a unit or
    as a main entity in units' chains, and which agency. ``{pk: {"in_register",
    "agency_orgnr", "agency_name", "units", "employees"}}``."""
    snapshot = latest_snapshot()
    organizations = list(organizations)
    result = {
        o.pk: {
            "in_register": False,
            "agency_orgnr": "",
            "agency_name": "",
            "units": 0,
            "employees": 0,
        }
        for o in organizations
    }
    if snapshot is None or not organizations:
        return result
    by_orgnr = {o.orgnr: o.pk for o in organizations}
    # A middle level of a chain (a county office of an agency) matches through the
    # chain text; one condition per organization, as a hub has a handful of them.
    in_chain = Q()
    for orgnr in by_orgnr:
        in_chain |= Q(chain__contains=orgnr)
    rows = (
        Unit.objects.filter(snapshot=snapshot, closed_on__isnull=True)
        .filter(Q(orgnr__in=list(by_orgnr)) | in_chain)
        .values_list("orgnr", "chain", "agency_orgnr", "agency_name", "employees")
    )
    for orgnr, chain, agency_orgnr, agency_name, employees in rows:
        for number in {orgnr, *chain.split()} & set(by_orgnr):
            entry = result[by_orgnr[number]]
            entry["in_register"] = True
            entry["agency_orgnr"], entry["agency_name"] = agency_orgnr, agency_name
            entry["units"] += 1
            entry["employees"] += employees or 0
    return result


def hub_member_register_entries(hub) -> list[dict]:
    """A hub's member organizations with their register entries, by orgnr: dicts with
    ``organization`` and the keys of ``register_entries``."""
    members = list(hub.member_organizations.order_by("name"))
    entries = register_entries(members)
    return [{"organization": o, **entries[o.pk]} for o in members]


# --- Subscriptions -------------------------------------------------------------------
def leader_municipalities(person) -> set[str]:
    """The municipalities whose leaders ``person`` counts among: those of the municipal
    organizations where the person is a coordinator."""
    return set(
        Membership.objects.filter(
            person=person,
            role=Membership.Role.COORDINATOR,
            organization__sector=Organization.Sector.MUNICIPAL,
        ).values_list("organization__municipality__number", flat=True)
    )


def can_subscribe(person, *, municipality=None, region=None) -> bool:
    """Administrators may subscribe to any area; a municipal coordinator to their own
    municipality and to the regions it belongs to."""
    if not (person and person.is_authenticated):
        return False
    if is_admin(person):
        return True
    mine = leader_municipalities(person)
    if municipality is not None:
        return municipality.number in mine
    if region is not None:
        return bool(mine & set(region_numbers(region)))
    return False


def subscription_for(person, *, municipality=None, region=None):
    if not (person and person.is_authenticated):
        return None
    return Subscription.objects.filter(
        person=person, municipality=municipality, region=region
    ).first()


def subscriptions_of(person):
    return Subscription.objects.filter(person=person).select_related("municipality", "region")


def municipality_names(numbers) -> dict[str, str]:
    return dict(Municipality.objects.filter(number__in=set(numbers)).values_list("number", "name"))


def change_rows(change_list) -> list[dict]:
    """Changes with municipality names, for pages and exports."""
    names = municipality_names(
        {c.municipality_before for c in change_list} | {c.municipality_after for c in change_list}
    )
    rows = []
    for c in change_list:
        rows.append(
            {
                "change": c,
                "before_name": names.get(c.municipality_before, c.municipality_before),
                "after_name": names.get(c.municipality_after, c.municipality_after),
            }
        )
    return rows


def group_units_by_municipality(units) -> dict[str, list]:
    groups = defaultdict(list)
    for unit in units:
        groups[unit.municipality_number].append(unit)
    return groups
