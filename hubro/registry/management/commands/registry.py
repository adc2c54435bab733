"""``hubro registry import|update``: load Enhetsregisteret into the workplace register.

    hubro registry import --units underenheter_alle.json.gz --entities enheter_alle.json.gz
    hubro registry import --units https://data.brreg.no/enhetsregisteret/api/underenheter/lastned \
        --entities https://data.brreg.no/enhetsregisteret/api/enheter/lastned
    hubro registry update --feed saved-pages/ --records saved-records/
"""

from django.core.management.base import CommandError

from hubro.core.commands import HubroCommand
from hubro.registry.feed import FEED_URL, RECORDS_URL, apply_feed
from hubro.registry.importer import check_date, run_import

UNITS_URL = "https://data.brreg.no/enhetsregisteret/api/underenheter/lastned"
ENTITIES_URL = "https://data.brreg.no/enhetsregisteret/api/enheter/lastned"


class Command(HubroCommand):
    help = (
        "Import Enhetsregisteret's public-sector units (import), or apply the update feed"
        " (update)."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="import|update")
        imp = sub.add_parser("import", help="A full snapshot from the bulk files.")
        imp.add_argument("--units", default=UNITS_URL, help="underenheter: path or URL")
        imp.add_argument("--entities", default=ENTITIES_URL, help="enheter: path or URL")
        imp.add_argument("--date", help="the snapshot's date, YYYY-MM-DD (default today)")
        imp.add_argument("--format", choices=("json", "csv"), help="default: from the name")
        imp.add_argument("--replace", action="store_true", help="replace that date's snapshot")
        imp.add_argument("--resize-threshold", type=float, help="percent, default 20")
        imp.add_argument("--no-progress", action="store_true")
        upd = sub.add_parser("update", help="Apply the update feed to the latest snapshot.")
        upd.add_argument("--feed", default=FEED_URL, help="URL, a saved page, or a directory")
        upd.add_argument("--records", default=RECORDS_URL, help="URL or directory of <orgnr>.json")
        upd.add_argument("--resize-threshold", type=float, help="percent, default 20")
        # Django's own subparser wiring needs the command's error handling on each.
        for parser_ in (imp, upd):
            parser_.called_from_command_line = getattr(parser, "called_from_command_line", None)

    def handle(self, *args, **options):
        if options["action"] == "import":
            self._import(options)
        else:
            self._update(options)

    def _import(self, options):
        date = check_date(options["date"]) if options.get("date") else None
        progress = not options["no_progress"] and options.get("verbosity", 1) > 0
        try:
            result = run_import(
                options["units"],
                options["entities"],
                date=date,
                fmt=options.get("format"),
                progress=progress,
                replace=options["replace"],
                threshold=options.get("resize_threshold"),
            )
        except KeyboardInterrupt:
            raise CommandError("interrupted; nothing was imported", returncode=130) from None
        if not result.created:
            self.stdout.write(result.message)
            return
        self._summary(result)

    def _summary(self, result):
        summary = result.summary
        out = self.stdout.write
        out(
            f"Snapshot {result.snapshot.date.isoformat()}: read {summary['unit_records']:,}"
            f" units and {summary['entity_records']:,} main entities"
            f" ({summary['entities_kept']:,} public-sector main entities kept)."
        )
        kept = summary.get("kept", {})
        out(
            "Units kept: "
            + (", ".join(f"{k} {v:,}" for k, v in kept.items()) or "none")
            + f" (total {sum(kept.values()):,})"
        )
        skipped = summary.get("skipped", {})
        out(
            "Units skipped: "
            + (", ".join(f"{k.replace('_', ' ')} {v:,}" for k, v in skipped.items()) or "none")
        )
        unknown = summary.get("unknown_municipality", {})
        if unknown:
            out(
                "Kept with an unknown or old municipality number (flagged): "
                + ", ".join(f"{k} ({v})" for k, v in unknown.items())
            )
        changes = summary.get("changes", {})
        out(
            "Changes since the previous snapshot: "
            + (", ".join(f"{k} {v}" for k, v in sorted(changes.items())) or "none")
        )

    def _update(self, options):
        result = apply_feed(
            options["feed"], options["records"], threshold=options.get("resize_threshold")
        )
        if not result.created:
            self.stdout.write(result.message)
            return
        update = result.summary.get("update", {})
        self.stdout.write(
            f"Snapshot {result.snapshot.date.isoformat()}: feed entries "
            + ", ".join(f"{k} {v}" for k, v in sorted(update.get("entries", {}).items()))
            + "; applied: "
            + ", ".join(
                f"{k.replace('_', ' ')} {v}" for k, v in sorted(update.get("outcome", {}).items())
            )
        )
        changes = result.summary.get("changes", {})
        self.stdout.write(
            "Changes since the previous snapshot: "
            + (", ".join(f"{k} {v}" for k, v in sorted(changes.items())) or "none")
        )
