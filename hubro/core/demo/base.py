"""What the demo modules share: where the data lives, the error for missing data, and
the tally of rows the builder created."""

from collections import Counter
from pathlib import Path

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
