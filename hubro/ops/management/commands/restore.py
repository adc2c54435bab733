"""``hubro restore ARCHIVE``: into an empty database, with the uploaded files."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hubro.ops.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `hubro backup` into the configured database, which"
        " must be empty (a new database), and its files into the media folder."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")

    def handle(self, *args, archive, **options):
        try:
            manifest = restore_backup(Path(archive), log=self.stdout.write)
        except (BackupError, OSError, KeyError, ValueError) as exc:
            raise CommandError(f"cannot restore {archive}: {exc}") from None
        self.stdout.write(self.style.SUCCESS(f"restored the backup of {manifest['created_at']}"))
