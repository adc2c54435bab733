"""Which units Hubro keeps, and the agency each belongs to.

A local unit has no sector code; its main entity (``overordnetEnhet``) has. The main
entities form chains: a local NAV office sits under an ORGL for its area, under one for
its county, under the agency's ORGL, under the ministry (organisation form STAT). The
rules, applied to the chain from the unit's parent upwards:

- state: an entity in the chain has institutional sector 6100 (state administration)
  or organisation form STAT;
- county: otherwise, an entity in the chain has form FYLK or FKF;
- municipal: otherwise, an entity has form KOMM or KF, or sector 6500;
- anything else is not kept.

The agency of a state unit is the entity just below the STAT entity (the ministry) in
the chain – NAV, Skatteetaten, Politidirektoratet – or the STAT entity itself when the
unit sits right under it; without a STAT entity it is the top of the chain. The agency
of a municipal or county unit is the municipality or county entity."""

from dataclasses import dataclass

from .models import Sector
from .source import getter

_ORGNR = getter("organisasjonsnummer")
_NAME = getter("navn")
_FORM = getter("organisasjonsform.kode")
_SECTOR = getter("institusjonellSektorkode.kode")
_PARENT = getter("overordnetEnhet")

STATE_SECTOR = "6100"
MUNICIPAL_SECTOR = "6500"
STATE_FORMS = frozenset({"STAT"})
COUNTY_FORMS = frozenset({"FYLK", "FKF"})
MUNICIPAL_FORMS = frozenset({"KOMM", "KF"})
# Main entities worth remembering in the first pass: only these can be in the chain of a
# unit that is kept.
CHAIN_FORMS = STATE_FORMS | COUNTY_FORMS | MUNICIPAL_FORMS | {"ORGL"}
MAX_DEPTH = 20


@dataclass(frozen=True, slots=True)
class Placement:
    sector: str
    agency_orgnr: str
    agency_name: str
    chain: str  # orgnrs from the parent up to the agency, space separated


class ChainMap:
    """The public-sector main entities, compactly: orgnr -> (name, form, sector code,
    parent orgnr). Placements are worked out once per entity and remembered."""

    def __init__(self):
        self.entities: dict[str, tuple[str, str, str, str]] = {}
        self._placed: dict[str, Placement | None] = {}

    def __len__(self):
        return len(self.entities)

    def consider(self, orgnr: str, name: str, form: str, sector: str, parent: str) -> bool:
        """Remember the entity if it can be in a kept unit's chain."""
        if sector in (STATE_SECTOR, MUNICIPAL_SECTOR) or form in CHAIN_FORMS:
            self.entities[orgnr] = (name, form, sector, parent)
            return True
        return False

    def add_entity_record(self, record: dict) -> bool:
        form = _FORM(record) or ""
        sector = _SECTOR(record) or ""
        if sector not in (STATE_SECTOR, MUNICIPAL_SECTOR) and form not in CHAIN_FORMS:
            return False
        self.entities[record_orgnr(record)] = (
            str(_NAME(record) or ""),
            str(form),
            str(sector),
            str(_PARENT(record) or ""),
        )
        return True

    def chain_of(self, orgnr: str) -> list[str]:
        chain = []
        seen = set()
        while orgnr and orgnr in self.entities and orgnr not in seen and len(chain) < MAX_DEPTH:
            chain.append(orgnr)
            seen.add(orgnr)
            orgnr = self.entities[orgnr][3]
        return chain

    def place(self, parent_orgnr: str) -> Placement | None:
        """Where a unit under ``parent_orgnr`` belongs, or None if it is not kept."""
        if parent_orgnr in self._placed:
            return self._placed[parent_orgnr]
        placement = self._place(parent_orgnr)
        self._placed[parent_orgnr] = placement
        return placement

    def _place(self, parent_orgnr: str) -> Placement | None:
        chain = self.chain_of(parent_orgnr)
        if not chain:
            return None
        forms = [self.entities[o][1] for o in chain]
        sectors = [self.entities[o][2] for o in chain]
        if STATE_SECTOR in sectors or any(f in STATE_FORMS for f in forms):
            sector = Sector.STATE
            top = next((i for i, f in enumerate(forms) if f in STATE_FORMS), None)
            agency_index = len(chain) - 1 if top is None else max(0, top - 1)
        elif any(f in COUNTY_FORMS for f in forms):
            sector = Sector.COUNTY
            agency_index = next(i for i, f in enumerate(forms) if f in COUNTY_FORMS)
        elif any(f in MUNICIPAL_FORMS for f in forms) or MUNICIPAL_SECTOR in sectors:
            sector = Sector.MUNICIPAL
            agency_index = next(
                (i for i, f in enumerate(forms) if f in MUNICIPAL_FORMS), len(chain) - 1
            )
        else:
            return None
        agency = chain[agency_index]
        return Placement(
            sector=str(sector),
            agency_orgnr=agency,
            agency_name=self.entities[agency][0],
            chain=" ".join(chain[: agency_index + 1]),
        )


def record_orgnr(record: dict) -> str:
    value = _ORGNR(record)
    return str(value).replace(" ", "") if value is not None else ""
