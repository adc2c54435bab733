"""Shared by the programme models: score bounds and the period check."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q

SCORE_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]


def _ends_after_start(name, start="starts_on", end="ends_on"):
    return models.CheckConstraint(
        condition=Q(**{f"{end}__isnull": True})
        | Q(**{f"{start}__isnull": True})
        | Q(**{f"{end}__gte": F(start)}),
        name=name,
    )
