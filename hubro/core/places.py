"""Norway's municipalities (2024 numbering) and the regions Hubro ships with.

The lists live in ``hubro/core/data/`` as CSV, so that a new municipality reform is a
data change. ``load_places`` is idempotent: it adds what is missing and corrects names.
"""

import csv
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_csv(name: str) -> list[dict]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_places(municipality_model, region_model) -> tuple[int, int]:
    """Create or update every municipality and region from the CSV files."""
    existing = {m.number: m for m in municipality_model.objects.all()}
    new, changed = [], []
    for row in read_csv("municipalities_2024.csv"):
        current = existing.get(row["number"])
        if current is None:
            new.append(
                municipality_model(number=row["number"], name=row["name"], county=row["county"])
            )
        elif (current.name, current.county) != (row["name"], row["county"]):
            current.name, current.county = row["name"], row["county"]
            changed.append(current)
    municipality_model.objects.bulk_create(new)
    municipality_model.objects.bulk_update(changed, ["name", "county"])
    by_number = {m.number: m for m in municipality_model.objects.all()}
    regions = 0
    for row in read_csv("regions.csv"):
        region, _ = region_model.objects.update_or_create(
            slug=row["slug"], defaults={"name": row["name"], "kind": row["kind"]}
        )
        region.municipalities.set([by_number[n] for n in row["municipality_numbers"].split()])
        regions += 1
    return len(by_number), regions
