"""Assessments recorded before follow-up existed get their recommendations as items."""

from django.db import migrations


def split_existing(apps, schema_editor):
    from hubro.followup.actions import split_text

    Assessment = apps.get_model("programme", "Assessment")
    Recommendation = apps.get_model("followup", "Recommendation")
    for assessment in Assessment.objects.exclude(recommendations=""):
        if Recommendation.objects.filter(assessment=assessment).exists():
            continue
        Recommendation.objects.bulk_create(
            Recommendation(assessment=assessment, number=number, text=text)
            for number, text in enumerate(split_text(assessment.recommendations), start=1)
        )


class Migration(migrations.Migration):
    dependencies = [("followup", "0001_requests_and_recommendations")]

    operations = [migrations.RunPython(split_existing, migrations.RunPython.noop)]
