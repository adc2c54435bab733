"""Statlige arbeidsplasser: the workplace register from Enhetsregisteret. Register data
is public open data; every signed-in person (any valid token) may read it."""

import datetime as dt
from typing import Literal

from django.utils.translation import gettext as _
from ninja import Query, Router, Schema

from hubro.core.errors import Invalid
from hubro.registry.models import Change
from hubro.registry.queries import (
    active_units,
    changes,
    get_municipality,
    get_region,
    parse_period,
    region_numbers,
)

router = Router(tags=["registry"])


class AgencyOut(Schema):
    orgnr: str
    name: str


class AddressOut(Schema):
    street: str
    postcode: str
    place: str
    municipality_number: str
    municipality: str
    municipality_known: bool


class NaceOut(Schema):
    code: str
    description: str


class UnitOut(Schema):
    orgnr: str
    name: str
    agency: AgencyOut
    sector: Literal["state", "municipal", "county"]
    employees: int | None
    address: AddressOut
    nace: NaceOut


class ChangeOut(Schema):
    orgnr: str
    name: str
    agency: AgencyOut
    kind: Literal["new", "closed", "moved", "resized"]
    before: dict | None
    after: dict | None
    date: dt.date


def _unit(u) -> dict:
    return {
        "orgnr": u.orgnr,
        "name": u.name,
        "agency": {"orgnr": u.agency_orgnr, "name": u.agency_name},
        "sector": u.sector,
        "employees": u.employees,
        "address": {
            "street": u.address,
            "postcode": u.postcode,
            "place": u.place,
            "municipality_number": u.municipality_number,
            "municipality": u.municipality_name,
            "municipality_known": u.municipality_known,
        },
        "nace": {"code": u.nace, "description": u.nace_text},
    }


def _side(c: Change, which: str) -> dict | None:
    municipality = getattr(c, f"municipality_{which}")
    employees = getattr(c, f"employees_{which}")
    if c.kind == Change.Kind.NEW and which == "before":
        return None
    if c.kind == Change.Kind.CLOSED and which == "after" and not municipality:
        return None
    return {"municipality": municipality, "employees": employees}


def _change(c: Change) -> dict:
    return {
        "orgnr": c.orgnr,
        "name": c.name,
        "agency": {"orgnr": c.agency_orgnr, "name": c.agency_name},
        "kind": c.kind,
        "before": _side(c, "before"),
        "after": _side(c, "after"),
        "date": c.date,
    }


class UnitFilter(Schema):
    sector: Literal["state", "municipal", "county", "all"] = "state"


@router.get("/registry/municipalities/{number}/units", response=list[UnitOut])
def municipality_units(request, number: str, filters: Query[UnitFilter]):
    """The open units in a municipality in the latest register snapshot (state units
    unless ``sector`` says otherwise). 404 for an unknown municipality number."""
    municipality = get_municipality(number)
    sector = None if filters.sector == "all" else filters.sector
    return [_unit(u) for u in active_units([municipality.number], sector=sector)]


@router.get("/registry/regions/{slug}/units", response=list[UnitOut])
def region_units(request, slug: str, filters: Query[UnitFilter]):
    """The open units in a region's municipalities in the latest snapshot."""
    region = get_region(slug)
    sector = None if filters.sector == "all" else filters.sector
    return [_unit(u) for u in active_units(region_numbers(region), sector=sector)]


@router.get("/registry/changes", response=list[ChangeOut])
def list_changes(
    request,
    municipality: str | None = None,
    region: str | None = None,
    date_from: str | None = Query(None, alias="from"),
    date_to: str | None = Query(None, alias="to"),
    sector: Literal["state", "municipal", "county", "all"] = "all",
):
    """Changes between snapshots in a municipality (``municipality=<number>``) or a
    region (``region=<slug>``), dated from ``from`` to ``to`` (inclusive, YYYY-MM-DD).
    ``before``/``after`` hold the municipality number and registered employees."""
    if bool(municipality) == bool(region):
        raise Invalid(_("Oppgi enten municipality eller region."), code="area_required")
    start, end = parse_period(date_from, date_to)
    if municipality:
        numbers = [get_municipality(municipality).number]
    else:
        numbers = region_numbers(get_region(region))
    found = changes(
        numbers, date_from=start, date_to=end, sector=None if sector == "all" else sector
    )
    return [_change(c) for c in found]
