"""On PostgreSQL, forbid overlapping confirmed bookings of one space in the database.

The application checks first (bookings.actions.create_booking); this exclusion
constraint is the guard of last resort. SQLite has no exclusion constraints; there the
check and the insert share one IMMEDIATE transaction instead."""

from django.contrib.postgres.operations import BtreeGistExtension
from django.db import migrations

CREATE = """
ALTER TABLE bookings_booking ADD CONSTRAINT booking_no_overlap
EXCLUDE USING gist (space_id WITH =, tstzrange("start", "end", '[)') WITH &&)
WHERE (status = 'confirmed')
"""
DROP = "ALTER TABLE bookings_booking DROP CONSTRAINT IF EXISTS booking_no_overlap"


def _on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("bookings", "0002_initial")]

    operations = [
        BtreeGistExtension(),
        migrations.RunPython(_on_postgresql(CREATE), _on_postgresql(DROP)),
    ]
