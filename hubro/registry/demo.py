"""What `hubro loaddemo` adds for this app (see ``hubro.core.demo.EXTENSIONS``): the
shipped register fixtures – two snapshots and one day of the update feed – so that the
demo's Lister, Nordfjord and Ofoten municipalities show state workplaces and changes."""

from pathlib import Path

from hubro.core.demo.base import DemoContext

from .feed import apply_feed
from .importer import check_date, run_import
from .models import Change, Snapshot, Unit

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SNAPSHOTS = ("2025-01-15", "2025-06-15")


def build(ctx: DemoContext) -> None:
    """Import the fixture snapshots and apply the saved feed; running it again changes
    nothing (the same files are recognised by their hash, the feed by its ids)."""
    for date in SNAPSHOTS:
        directory = FIXTURES / date
        result = run_import(
            str(directory / "underenheter_alle.json"),
            str(directory / "enheter_alle.json"),
            date=check_date(date),
            notify=False,
        )
        ctx.tally.add("register snapshots", result.created)
    result = apply_feed(
        str(FIXTURES / "feed" / "pages"), str(FIXTURES / "feed" / "records"), notify=False
    )
    ctx.tally.add("register snapshots", result.created and result.snapshot.kind == "update")


def counts() -> dict[str, int]:
    return {
        "register snapshots": Snapshot.objects.count(),
        "register units": Unit.objects.count(),
        "register changes": Change.objects.count(),
    }
