"""Hubs, their spaces and their free time."""

import datetime as dt

from ninja import Router, Schema

from hubro.bookings.queries import all_hubs_day, hub_day
from hubro.spaces.queries import active_spaces, get_hub, hubs_for_list

from .schemas import ErrorOut, MunicipalityOut, RegionOut

router = Router(tags=["hubs"])


class HubOut(Schema):
    slug: str
    name: str
    municipality: MunicipalityOut
    region: RegionOut | None
    spaces: int


class SpaceOut(Schema):
    id: int
    name: str
    kind: str
    capacity: int


class IntervalOut(Schema):
    start: dt.datetime
    end: dt.datetime


class AvailabilityOut(Schema):
    space: int
    free: list[IntervalOut]


class HubAvailabilityOut(Schema):
    hub: str
    spaces: list[AvailabilityOut]


@router.get("/hubs", response=list[HubOut])
def list_hubs(request):
    """Every active hub, with its place and how many spaces it has."""
    return [
        {
            "slug": hub.slug,
            "name": hub.name,
            "municipality": hub.municipality,
            "region": hub.region,
            "spaces": hub.space_count,
        }
        for hub in hubs_for_list()
    ]


@router.get("/hubs/{slug}/spaces", response={200: list[SpaceOut], 404: ErrorOut})
def list_spaces(request, slug: str):
    """The bookable spaces of a hub."""
    return list(active_spaces(get_hub(slug)))


@router.get("/hubs/{slug}/availability", response={200: list[AvailabilityOut], 404: ErrorOut})
def availability(request, slug: str, date: dt.date):
    """Free intervals per space on a date, inside that day's opening hours."""
    hub = get_hub(slug)
    return [
        {"space": entry.space.pk, "free": [{"start": s, "end": e} for s, e in entry.free]}
        for entry in hub_day(hub, date)
    ]


@router.get("/availability", response=list[HubAvailabilityOut])
def availability_all_hubs(request, date: dt.date):
    """Free intervals per space of every active hub on a date, hubs by name, each
    space inside its hub's opening hours that day. A closed hub lists its spaces with
    no free time."""
    return [
        {
            "hub": entry.hub.slug,
            "spaces": [
                {"space": space.space_id, "free": [{"start": s, "end": e} for s, e in space.free]}
                for space in entry.spaces
            ],
        }
        for entry in all_hubs_day(date)
    ]
