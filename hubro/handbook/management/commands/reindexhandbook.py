"""`hubro reindexhandbook`: rebuild the handbook's full-text index from the lessons.

Needed only when lessons were written past the actions (a restore, a bulk load, SQL by
hand); every write through Hubro keeps the index up to date by itself."""

from hubro.core.commands import HubroCommand
from hubro.handbook.search import rebuild_index


class Command(HubroCommand):
    help = "Rebuild the handbook's full-text search index."

    def handle(self, *args, **options):
        count = rebuild_index()
        self.stdout.write(f"indexed {count} lessons")
