"""Reads of positions."""

import datetime as dt

from django.db.models import Sum
from django.utils import timezone

from hubro.core.errors import NotFound

from .access import managed_organizations
from .models import Hire, Position


def open_positions(*, hub=None, today=None):
    """Positions whose deadline has not passed, soonest deadline first; of one hub when
    given. They are public announcements: anyone may see them."""
    today = today or timezone.localdate()
    positions = Position.objects.filter(deadline__gte=today)
    if hub is not None:
        positions = positions.filter(hubs=hub)
    return positions.select_related("organization").prefetch_related("hubs").distinct()


def managed_positions(actor):
    """Every position (open or closed) of the organizations ``actor`` coordinates."""
    return (
        Position.objects.filter(organization__in=managed_organizations(actor))
        .select_related("organization")
        .prefetch_related("hubs")
        .annotate(hired=Sum("hires__count"))
        .order_by("-deadline", "title")
    )


def get_position(pk) -> Position:
    position = (
        Position.objects.select_related("organization")
        .prefetch_related("hubs")
        .filter(pk=pk)
        .first()
    )
    if position is None:
        raise NotFound()
    return position


def counts(*, hub_ids, organization, start: dt.date, end: dt.date) -> tuple[int, int]:
    """(positions announced, people hired) in ``start``–``end``: at the hubs ``hub_ids``
    (None: all hubs), or of ``organization`` when given."""
    positions = Position.objects.filter(announced_on__range=(start, end))
    hires = Hire.objects.filter(hired_on__range=(start, end))
    if organization is not None:
        positions = positions.filter(organization=organization)
        hires = hires.filter(position__organization=organization)
    if hub_ids is not None:
        positions = positions.filter(hubs__in=hub_ids)
        hires = hires.filter(hub_id__in=hub_ids)
    announced = positions.values("pk").distinct().count()
    hired = hires.aggregate(total=Sum("count"))["total"] or 0
    return announced, hired
