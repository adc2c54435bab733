"""Reads behind the indicators. Every figure is computed in the database."""

import datetime as dt

from django.db.models import CharField, Count, Q, Value
from django.db.models.functions import Cast, Concat, TruncDate

from hubro.bookings.models import Booking


def present_bookings(start: dt.date, end: dt.date):
    """Bookings that count as presence on local days ``start`` ≤ day ≤ ``end``: checked
    in where the hub releases no-shows (it uses check-in), confirmed otherwise."""
    return Booking.objects.filter(start__date__gte=start, start__date__lte=end).filter(
        Q(space__hub__release_no_shows=True, checked_in_at__isnull=False)
        | Q(space__hub__release_no_shows=False, status=Booking.Status.CONFIRMED)
    )


def person_days_by_organization(hub, start: dt.date, end: dt.date) -> dict[int, int]:
    """Person-days at ``hub`` from ``start`` to ``end`` (inclusive), per organization id.

    A person-day is one person present on one local day, counted once for the
    organization the booking was made for. The finance app's usage key reads this."""
    person_day = Concat(
        Cast("person_id", CharField()), Value("/"), Cast(TruncDate("start"), CharField())
    )
    rows = (
        present_bookings(start, end)
        .filter(space__hub=hub)
        .values("organization_id")
        .annotate(days=Count(person_day, distinct=True))
    )
    return {row["organization_id"]: row["days"] for row in rows}
