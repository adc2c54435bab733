from django.db import migrations

from hubro.core.places import load_places


def forwards(apps, schema_editor):
    load_places(apps.get_model("core", "Municipality"), apps.get_model("core", "Region"))


class Migration(migrations.Migration):
    dependencies = [("core", "0002_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
