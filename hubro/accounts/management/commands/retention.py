"""``hubro retention``: the retention rule, for a daily systemd timer or cron job."""

from hubro.accounts.erasure import apply_retention
from hubro.core.commands import HubroCommand


class Command(HubroCommand):
    help = (
        "Anonymise bookings older than HUBRO_RETENTION_MONTHS (whole months) and delete"
        " accounts made for a one-time code that was never used. Safe to run daily:"
        " each run does only what has come due since the last."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--months", type=int, default=None, help="override HUBRO_RETENTION_MONTHS once"
        )

    def handle(self, *args, **options):
        if options["months"] is not None and options["months"] < 1:
            from django.core.management.base import CommandError

            raise CommandError("--months must be at least 1", returncode=2)
        result = apply_retention(months=options["months"])
        self.stdout.write(
            f"retention: bookings before {result['cutoff']:%Y-%m-%d}: {result['bookings']}"
            f" booking(s) of {result['people']} person(s) anonymised;"
            f" {result['unused_accounts']} unused code account(s) deleted"
        )
