"""What the demo modules share: where the data lives, the error for missing data, and
the tally of rows the builder created."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# Every demo address ends here; the domain is reserved (RFC 2606 .test), so no mail
# sent by a demo can reach a real person.
EMAIL_DOMAIN = "demo.hubro.test"


class DemoDataMissing(Exception):
    """The demo stands on data it does not create (municipalities, regions, CSV files)."""


class Tally:
    """Counts the rows created in this run, per kind, so that a second run can show
    that it created nothing."""

    def __init__(self):
        self.new: Counter[str] = Counter()

    def add(self, kind: str, created: bool) -> None:
        if created:
            self.new[kind] += 1

    @property
    def total_new(self) -> int:
        return sum(self.new.values())


@dataclass
class DemoContext:
    """What the core demo built, handed to each app's ``demo.build(ctx)`` in turn.

    ``organizations`` is keyed on orgnr, ``hubs`` on slug, ``people`` is every demo
    person, ``fixed`` holds the three fixed accounts (ansatt, vert, admin). An app adds
    what it creates to ``tally`` and may leave objects in ``extra`` for the apps after
    it (by convention keyed on the app label)."""

    organizations: dict
    hubs: dict
    people: list
    fixed: Any
    today: dt.date
    now: dt.datetime
    tally: Tally
    extra: dict
