"""The shared base of Hubro's management commands: domain errors and an unready
database become a clean one-line message and a non-zero exit, never a traceback."""

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from hubro.core.errors import DomainError


class HubroCommand(BaseCommand):
    def execute(self, *args, **options):
        try:
            return super().execute(*args, **options)
        except DomainError as exc:
            raise CommandError(str(exc.detail), returncode=2) from None
        except DatabaseError as exc:
            first_line = (
                str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            )
            raise CommandError(
                f"database error: {first_line} (is the database reachable, and migrated"
                " with `hubro migrate`?)",
                returncode=3,
            ) from None
