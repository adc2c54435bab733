"""The shared base of Hubro's management commands: domain errors become a clean
one-line message and a non-zero exit, never a traceback."""

from django.core.management.base import BaseCommand, CommandError

from hubro.core.errors import DomainError


class HubroCommand(BaseCommand):
    def execute(self, *args, **options):
        try:
            return super().execute(*args, **options)
        except DomainError as exc:
            raise CommandError(str(exc.detail), returncode=2) from None
