"""Helpers the cluster and project actions share."""

import datetime as dt

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from hubro.core.errors import Invalid


def fold(text: str) -> str:
    """``Bærekraftig landbruk`` → ``baerekraftig-landbruk``."""
    folded = (text or "").lower().translate(str.maketrans({"æ": "ae", "ø": "o", "å": "a"}))
    return slugify(folded)


def unique_slug(model, text: str, wanted: str = "") -> str:
    """``wanted`` if given (it must be free), else a free slug made from ``text``."""
    if wanted:
        slug = fold(wanted)
        if not slug:
            raise Invalid(_("Kortnavnet kan ikke være tomt."), code="invalid_slug", field="slug")
        if model.objects.filter(slug=slug).exists():
            raise Invalid(_("Kortnavnet er allerede i bruk."), code="slug_taken", field="slug")
        return slug
    base = fold(text)[:45] or "x"
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug


def require_text(value: str, *, field: str, code: str, message) -> str:
    value = (value or "").strip()
    if not value:
        raise Invalid(message, code=code, field=field)
    return value


def check_period(start: dt.date | None, end: dt.date | None, *, field: str = "ends_on") -> None:
    if start and end and end < start:
        raise Invalid(_("Slutt kan ikke være før start."), code="ends_before_start", field=field)
