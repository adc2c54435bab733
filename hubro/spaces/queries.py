"""Reads of hubs and spaces."""

from django.db.models import Count, Prefetch, Q

from hubro.core.errors import NotFound

from .models import Hub, OpeningHours, Space


def hubs_for_list():
    """Active hubs with place and a count of their active spaces, in one query."""
    return (
        Hub.objects.filter(is_active=True)
        .select_related("municipality", "region", "host_organization")
        .annotate(space_count=Count("spaces", filter=Q(spaces__is_active=True)))
        .order_by("name")
    )


def get_hub(slug: str) -> Hub:
    hub = (
        Hub.objects.filter(slug=slug, is_active=True)
        .select_related("municipality", "region", "host_organization")
        .prefetch_related(
            Prefetch("opening_hours", queryset=OpeningHours.objects.order_by("weekday"))
        )
        .first()
    )
    if hub is None:
        raise NotFound()
    return hub


def active_spaces(hub: Hub):
    return hub.spaces.filter(is_active=True).order_by("kind", "position", "name")


def spaces_with(hub: Hub, features=()):
    """The hub's active spaces that have every one of ``features`` (codes of
    ``SpaceFeature.Feature``), with their features prefetched."""
    spaces = active_spaces(hub).prefetch_related("features")
    for code in features:
        spaces = spaces.filter(features__feature=code)
    return spaces


def get_space(space_id) -> Space:
    space = (
        Space.objects.filter(pk=space_id, is_active=True, hub__is_active=True)
        .select_related("hub")
        .first()
    )
    if space is None:
        raise NotFound()
    return space
