"""Fill or rebuild the roll-ups behind the indicators."""

import datetime as dt

from django.utils.translation import gettext as _

from hubro.core.commands import HubroCommand
from hubro.core.errors import Invalid
from hubro.insights import rollup


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise Invalid(_("Ugyldig dato: %(value)s (bruk ÅÅÅÅ-MM-DD).") % {"value": value}) from None


class Command(HubroCommand):
    help = "Roll up past days for the indicators (--rebuild first throws the roll-up away)."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", default="", help="first day, YYYY-MM-DD")
        parser.add_argument("--to", dest="end", default="", help="last day, YYYY-MM-DD")
        parser.add_argument("--rebuild", action="store_true", help="forget every rolled-up day")

    def handle(self, *args, start, end, rebuild, **options):
        if rebuild:
            removed = rollup.rebuild()
            self.stdout.write(f"removed {removed} roll-up rows")
        last = _date(end) if end else rollup.yesterday()
        first = _date(start) if start else last - dt.timedelta(days=3 * 366)
        last = min(last, rollup.yesterday())
        if first > last:
            raise Invalid(_("Fra-datoen er etter til-datoen (eller i dag eller senere)."))
        rollup.ensure(first, last)
        periods, _ranges = rollup.split_period(first, last)
        rollup.ensure_pairs(periods)
        self.stdout.write(
            f"rolled up {first.isoformat()} to {last.isoformat()}"
            f" ({len(periods)} whole months or years of organization pairs)"
        )
