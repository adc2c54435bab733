"""Reads of people and organizations."""

from django.db.models import Q

from .models import Organization, normalize_orgnr


def search_organizations(q: str = "", *, limit: int = 50):
    """Organizations whose name contains ``q`` or whose number starts with it."""
    queryset = Organization.objects.order_by("name")
    q = (q or "").strip()
    if q:
        digits = normalize_orgnr(q)
        condition = Q(name__icontains=q)
        if digits.isdigit():
            condition |= Q(orgnr__startswith=digits)
        queryset = queryset.filter(condition)
    return queryset[:limit]
