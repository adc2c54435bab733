"""``hubro backup DIR``: the database and the uploaded files in one archive."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hubro.ops.backup import BackupError, make_backup, prune


class Command(BaseCommand):
    help = (
        "Back up the database (SQLite online, or pg_dump) and the uploaded files into"
        " DIR/hubro-<time>.tar, while the server runs."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory")
        parser.add_argument(
            "--keep", type=int, default=0, help="keep only the newest N archives (0: all)"
        )

    def handle(self, *args, directory, keep, **options):
        target = Path(directory)
        try:
            archive = make_backup(target, log=self.stdout.write)
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc)) from None
        for gone in prune(target, keep):
            self.stdout.write(f"removed old backup {gone}")
        self.stdout.write(self.style.SUCCESS(str(archive)))
