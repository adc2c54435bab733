"""Hubs, their spaces and their free time."""

import datetime as dt
from typing import Annotated

from ninja import Query, Router, Schema

from hubro.bookings.queries import all_hubs_day, hub_day
from hubro.bookings.search import SpaceSearch, search_spaces
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


class FreeSpaceOut(Schema):
    id: int
    name: str
    kind: str
    capacity: int
    features: list[str]


class HubMatchOut(Schema):
    hub: str
    name: str
    municipality: MunicipalityOut
    region: RegionOut | None
    own_region: bool
    spaces: list[FreeSpaceOut]


@router.get("/spaces/free", response={200: list[HubMatchOut], 422: ErrorOut})
def free_spaces(
    request,
    date: dt.date,
    start: dt.time,
    end: dt.time,
    kind: str = "",
    people: int = 1,
    feature: Annotated[list[str] | None, Query(None)] = None,
    place: str = "",
):
    """The search across hubs: spaces free the whole of [start, end) on ``date``, of a
    ``kind`` (office, desk, meeting_room, project_room), for at least ``people``, with
    every ``feature`` (repeat the parameter), in ``place`` (``region:<slug>`` or
    ``kommune:<number>``). Hubs in the caller's own region first (``own_region``)."""
    search = SpaceSearch(
        day=date,
        start=start,
        end=end,
        kind=kind,
        people=people,
        features=tuple(feature or ()),
        place=place,
    )
    return [
        {
            "hub": match.hub.slug,
            "name": match.hub.name,
            "municipality": match.hub.municipality,
            "region": match.hub.region,
            "own_region": match.own_region,
            "spaces": [
                {
                    "id": space.pk,
                    "name": space.name,
                    "kind": space.kind,
                    "capacity": space.capacity,
                    "features": space.feature_codes,
                }
                for space in match.spaces
            ],
        }
        for match in search_spaces(search, person=request.auth)
    ]
