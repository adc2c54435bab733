"""The full-text index of lessons, one per database engine (see ``handbook/search.py``).

- SQLite: an FTS5 table of Snowball-stemmed words, one row per lesson (rowid = lesson
  id), and a trigger that drops a lesson's row when the lesson is deleted, so that no
  stale row outlives its lesson (also when tests flush the tables).
- PostgreSQL: a GIN index on the stored ``search_vector``.
Any other engine gets neither, and search falls back to a plain substring match."""

from django.db import migrations

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS handbook_lesson_fts USING fts5("
    "title, summary, body, tokenize = 'unicode61 remove_diacritics 0')",
    "CREATE TRIGGER IF NOT EXISTS handbook_lesson_fts_delete AFTER DELETE ON handbook_lesson"
    " BEGIN DELETE FROM handbook_lesson_fts WHERE rowid = old.id; END",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS handbook_lesson_fts_delete",
    "DROP TABLE IF EXISTS handbook_lesson_fts",
]
POSTGRES_FORWARD = [
    "CREATE INDEX IF NOT EXISTS handbook_lesson_search_gin"
    " ON handbook_lesson USING gin (search_vector)",
]
POSTGRES_BACKWARD = ["DROP INDEX IF EXISTS handbook_lesson_search_gin"]


def _run(statements):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for sql in statements.get(vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("handbook", "0001_initial")]

    operations = [
        migrations.RunPython(
            # The table is new and empty here; `hubro reindexhandbook` rebuilds the index.
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
