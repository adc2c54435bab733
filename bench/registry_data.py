"""National-size synthetic Enhetsregisteret files for the registry benchmark
(``make bench-data``; BENCH_SCALE scales the counts):

- ``bench/data/registry/enheter_alle.json.gz``: 1.2 million main entities;
- ``bench/data/registry/underenheter_alle.json.gz``: 870,000 local units.

The records have the published format (the same writer makes the shipped fixtures),
with a realistic public-sector share: 20 ministries, about 3,500 state ORGL entities in
chains three to five levels deep, every municipality and county with their own ORGL
entities, and about 7 % of the local units in the public sector. The import reads these
files exactly as it reads the real ones."""

import csv
import json
import os
import random
import sys
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))

from hubro.registry.brreg_format import (  # noqa: E402
    JsonArrayWriter,
    entity_record,
    orgnr_from,
    unit_record,
)

OUT = Path(os.environ.get("BENCH_VAR_DIR", str(PROJECT_DIR / "bench" / "data"))) / "registry"
ENTITIES = 1_200_000
UNITS = 870_000
PUBLIC_UNIT_SHARE = 0.07
MUNICIPALITIES_CSV = PROJECT_DIR / "hubro" / "core" / "data" / "municipalities_2024.csv"
PRIVATE_FORMS = [("AS", "2100")] * 5 + [("ENK", "8200")] * 4 + [("FLI", "7000")]
NACE_PRIVATE = [
    ("47.190", "Butikkhandel med bredt vareutvalg"),
    ("68.209", "Utleie av egen eller leid fast eiendom ellers"),
    ("43.210", "Elektrisk installasjonsarbeid"),
    ("56.101", "Drift av restauranter og kafeer"),
]


def scale() -> float:
    raw = os.environ.get("BENCH_SCALE", "").strip()
    try:
        value = float(raw) if raw else 1.0
    except ValueError:
        sys.exit(f"bench: BENCH_SCALE must be a number, got {raw!r}")
    if value <= 0:
        sys.exit("bench: BENCH_SCALE must be above 0")
    return value


def municipalities() -> list[tuple[str, str]]:
    with MUNICIPALITIES_CSV.open(encoding="utf-8") as handle:
        rows = [(r["number"], r["name"].upper()) for r in csv.DictReader(handle)]
    # A few numbers from before the 2024 reform, as the real file still has some.
    return [*rows, ("1805", "NARVIK"), ("3803", "TØNSBERG")]


class Numbers:
    """Distinct valid organisation numbers, in increasing order."""

    def __init__(self, start=80_000_000):
        self.next = start

    def take(self) -> str:
        orgnr = orgnr_from(self.next)
        self.next = int(orgnr[:8]) + 1
        return orgnr


def generate(factor: float, out: Path = OUT) -> dict:
    rng = random.Random(20260101)
    out.mkdir(parents=True, exist_ok=True)
    places = municipalities()
    numbers = Numbers()
    n_entities = max(200, round(ENTITIES * factor))
    n_units = max(200, round(UNITS * factor))
    entities = JsonArrayWriter(out / "enheter_alle.json.gz.part", compress=True, level=1)
    written = 0

    def emit(record):
        nonlocal written
        entities.write(record)
        written += 1

    # The state: ministries, agencies, regional and local ORGL levels.
    state_leaves = []
    ministries = [numbers.take() for _ in range(20)]
    for i, orgnr in enumerate(ministries):
        emit(entity_record(orgnr, f"DEPARTEMENT {i + 1}", "STAT", "6100"))
    n_agencies = max(5, round(200 * min(1.0, factor * 10)))
    for a in range(n_agencies):
        agency = numbers.take()
        emit(
            entity_record(
                agency, f"STATLIG ETAT {a + 1}", "ORGL", "6100", parent=rng.choice(ministries)
            )
        )
        leaves = [agency]
        for r in range(rng.randint(0, 6)):
            region = numbers.take()
            emit(
                entity_record(
                    region, f"STATLIG ETAT {a + 1} REGION {r + 1}", "ORGL", "6100", parent=agency
                )
            )
            for s in range(rng.randint(0, 3)):
                local = numbers.take()
                emit(
                    entity_record(
                        local,
                        f"STATLIG ETAT {a + 1} REGION {r + 1} AVD {s + 1}",
                        "ORGL",
                        "6100",
                        parent=region,
                    )
                )
                leaves.append(local)
            leaves.append(region)
        state_leaves.extend(leaves)
    # Municipalities and counties, with their own ORGL entities.
    municipal_leaves, county_leaves = [], []
    for number, name in places[:-2]:
        kommune = numbers.take()
        emit(
            entity_record(kommune, f"{name} KOMMUNE", "KOMM", "6500", municipality=(number, name))
        )
        municipal_leaves.append((kommune, number, name))
        for k in range(max(0, round(22 * min(1.0, factor * 10)))):
            orgl = numbers.take()
            emit(
                entity_record(
                    orgl,
                    f"{name} KOMMUNE ENHET {k + 1}",
                    "ORGL",
                    "6500",
                    parent=kommune,
                    municipality=(number, name),
                )
            )
            municipal_leaves.append((orgl, number, name))
    for c in range(15):
        fylke = numbers.take()
        emit(entity_record(fylke, f"FYLKESKOMMUNE {c + 1}", "FYLK", "6500"))
        county_leaves.append(fylke)
    # Everyone else.
    private = []
    while written < n_entities:
        orgnr = numbers.take()
        form, sector = rng.choice(PRIVATE_FORMS)
        number, name = rng.choice(places)
        emit(
            entity_record(
                orgnr,
                f"FIRMA {written} {form}",
                form,
                sector,
                municipality=(number, name),
                employees=rng.choice([None, 0, 1, 3, 12]),
                nace=rng.choice(NACE_PRIVATE),
                street=f"Gate {written % 97}",
                postcode="0150",
                place=name,
            )
        )
        if len(private) < 400_000 or rng.random() < 0.1:
            private.append(orgnr)
    entities.close()

    units = JsonArrayWriter(out / "underenheter_alle.json.gz.part", compress=True, level=1)
    public = round(n_units * PUBLIC_UNIT_SHARE)
    for i in range(n_units):
        orgnr = numbers.take()
        number, name = rng.choice(places)
        if i < public:
            roll = rng.random()
            if roll < 0.3:
                parent = rng.choice(state_leaves)
            elif roll < 0.93:
                parent, number, name = rng.choice(municipal_leaves)
            else:
                parent = rng.choice(county_leaves)
            employees = rng.choice([None, 1, 3, 5, 8, 12, 20, 35, 60, 120])
            nace = ("84.120", "Offentlig administrasjon tilknyttet helsestell, sosial virksomhet")
        else:
            parent = rng.choice(private)
            employees = rng.choice([None, 0, 1, 2, 4, 9, 25])
            nace = rng.choice(NACE_PRIVATE)
        units.write(
            unit_record(
                orgnr,
                f"AVDELING {i}",
                parent,
                (number, name),
                employees=employees,
                nace=nace,
                street=f"Gate {i % 211}",
                postcode="0150",
                place=name,
                closed="2025-12-01" if rng.random() < 0.005 else None,
                email=f"post{i}@example.test" if rng.random() < 0.2 else None,
            )
        )
    units.close()
    for name in ("enheter_alle.json.gz", "underenheter_alle.json.gz"):
        (out / f"{name}.part").replace(out / name)
    meta = {"scale": factor, "entities": written, "units": n_units, "public_units": public}
    (out / "meta.json").write_text(json.dumps(meta))
    return meta


def main():
    factor = scale()
    began = time.monotonic()
    meta = generate(factor)
    sizes = ", ".join(
        f"{p.name} {p.stat().st_size / 1e6:,.0f} MB" for p in sorted(OUT.glob("*.json.gz"))
    )
    print(
        f"registry data: {meta['entities']:,} main entities, {meta['units']:,} units"
        f" ({meta['public_units']:,} public) at scale {factor:g} in"
        f" {time.monotonic() - began:.0f} s: {sizes} ({OUT})",
        flush=True,
    )


if __name__ == "__main__":
    main()
