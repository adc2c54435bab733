"""Turning a unit record (underenhet) into the values of a ``Unit`` row, the same way
for the bulk import and the update feed."""

import datetime as dt

from .classify import ChainMap, record_orgnr
from .source import getter, truthy

REQUIRED = ("organisasjonsnummer", "navn")
_REQUIRED = [(name, getter(name)) for name in REQUIRED]
_PARENT = getter("overordnetEnhet")
_NAME = getter("navn")
_NUMBER = getter("beliggenhetsadresse.kommunenummer")
_KOMMUNE = getter("beliggenhetsadresse.kommune")
_COUNT = getter("antallAnsatte")
_REGISTERED = getter("harRegistrertAntallAnsatte")
_ADDRESS = getter("beliggenhetsadresse.adresse")
_POSTCODE = getter("beliggenhetsadresse.postnummer")
_PLACE = getter("beliggenhetsadresse.poststed")
_NACE = getter("naeringskode1.kode")
_NACE_TEXT = getter("naeringskode1.beskrivelse")
_EMAIL = getter("epostadresse")
_PHONE = getter("telefon")
_MOBILE = getter("mobil")
_STARTED = getter("oppstartsdato")
_CLOSED = getter("nedleggelsesdato")


def missing_fields(record: dict) -> list[str]:
    return [name for name, get in _REQUIRED if get(record) is None]


def _date(value) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _employees(record: dict) -> int | None:
    count = _COUNT(record)
    registered = _REGISTERED(record)
    if count is None or (registered is not None and not truthy(registered)):
        return None
    try:
        return max(0, int(count))
    except (TypeError, ValueError):
        return None


def _address(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(line) for line in value if line)
    return str(value)


def build_unit(record: dict, chains: ChainMap, municipalities: dict[str, str]):
    """``(values, None)`` for a kept unit – a dict of ``Unit`` fields without the
    snapshot – or ``(None, reason)`` for a skipped one."""
    parent = str(_PARENT(record) or "")
    if not parent:
        return None, "no_parent"
    placement = chains.place(parent)
    if placement is None:
        return None, "not_public_sector"
    number = str(_NUMBER(record) or "")
    known = number in municipalities
    name = municipalities.get(number) or str(_KOMMUNE(record) or "")
    return {
        "orgnr": record_orgnr(record)[:9],
        "name": str(_NAME(record))[:300],
        "sector": placement.sector,
        "parent_orgnr": parent[:9],
        "chain": placement.chain[:200],
        "agency_orgnr": placement.agency_orgnr,
        "agency_name": placement.agency_name[:300],
        "municipality_number": number[:4],
        "municipality_name": (name if known else name.title())[:200],
        "municipality_known": known,
        "employees": _employees(record),
        "address": _address(_ADDRESS(record))[:300],
        "postcode": str(_POSTCODE(record) or "")[:10],
        "place": str(_PLACE(record) or "")[:100],
        "nace": str(_NACE(record) or "")[:10],
        "nace_text": str(_NACE_TEXT(record) or "")[:300],
        "email": str(_EMAIL(record) or "")[:254],
        "phone": str(_PHONE(record) or _MOBILE(record) or "")[:40],
        "started_on": _date(_STARTED(record)),
        "closed_on": _date(_CLOSED(record)),
    }, None
