from django.core.management.base import CommandError

from hubro.core.commands import HubroCommand
from hubro.core.demo import DEMO_PASSWORD, DemoDataMissing, build_demo


class Command(HubroCommand):
    help = (
        "Load the demo world: the four pilot hubs, their organizations, people and "
        "bookings. Running it again changes nothing."
    )

    def handle(self, *args, **options):
        try:
            summary = build_demo()
        except DemoDataMissing as exc:
            raise CommandError(str(exc), returncode=2) from None
        self.stdout.write("Demo data:" if summary.created_anything else "Demo data (no changes):")
        label_width = max(len(kind) for kind in summary.counts) + 2
        for kind, count in summary.counts.items():
            new = summary.new.get(kind, 0)
            extra = f"  ({new} new)" if new else ""
            if kind == "bookings" and summary.cancelled:
                extra = f"  ({new} new, {summary.cancelled} cancelled)"
            self.stdout.write(f"  {kind:<{label_width}}{count:>6}{extra}")
        self.stdout.write("")
        self.stdout.write(f"Demo accounts (password: {DEMO_PASSWORD}):")
        width = max(len(email) for email, _ in summary.accounts) + 2
        for email, description in summary.accounts:
            self.stdout.write(f"  {email:<{width}}{description}")
