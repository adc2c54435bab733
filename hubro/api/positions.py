"""Stillinger: positions that can be held from a hub, and hires recorded as counts."""

import datetime as dt

from ninja import Query, Router, Schema, Status
from pydantic import Field

from hubro.core.errors import Invalid, NotFound
from hubro.core.models import Organization
from hubro.positions.access import may_manage
from hubro.positions.actions import record_hires, register_position
from hubro.positions.queries import get_position, open_positions
from hubro.spaces.models import Hub

from .schemas import ErrorOut

router = Router(tags=["positions"])


class PositionOut(Schema):
    id: int
    title: str
    organization: str = Field(description="The agency's organization number")
    organization_name: str
    hubs: list[str] = Field(description="Slugs of the hubs the position can be held from")
    announcement_url: str
    announced_on: dt.date
    deadline: dt.date

    @staticmethod
    def resolve_organization(obj):
        return obj.organization.orgnr

    @staticmethod
    def resolve_organization_name(obj):
        return obj.organization.name

    @staticmethod
    def resolve_hubs(obj):
        return [hub.slug for hub in obj.hubs.all()]


class PositionIn(Schema):
    title: str = Field(min_length=1, max_length=200)
    organization: str = Field(description="The agency's organization number (9 digits)")
    hubs: list[str] = Field(min_length=1, description="Slugs of the hubs")
    announcement_url: str = Field(max_length=500, description="The official announcement")
    announced_on: dt.date | None = Field(None, description="Default: today")
    deadline: dt.date


class HireIn(Schema):
    hub: str = Field(description="Slug of one of the position's hubs")
    count: int = Field(ge=1, le=1000, description="How many were hired: a number, no names")
    hired_on: dt.date | None = Field(None, description="Default: today")


class HireOut(Schema):
    id: int
    hub: str
    count: int
    hired_on: dt.date

    @staticmethod
    def resolve_hub(obj):
        return obj.hub.slug


class PositionFilter(Schema):
    hub: str = Field(
        "", max_length=100, description="Only positions that can be held from this hub"
    )


def _hubs(slugs: list[str]) -> list[Hub]:
    hubs = list(Hub.objects.filter(slug__in=slugs))
    missing = sorted(set(slugs) - {hub.slug for hub in hubs})
    if missing:
        raise Invalid(f"unknown hub: {', '.join(missing)}", code="unknown_hub", field="hubs")
    return hubs


@router.get("/positions", response={200: list[PositionOut], 404: ErrorOut})
def list_positions(request, filters: Query[PositionFilter]):
    """Open positions (deadline today or later), soonest deadline first; with ``hub``,
    those that can be held from that hub (404 for an unknown hub)."""
    hub = None
    if filters.hub:
        hub = Hub.objects.filter(slug=filters.hub).first()
        if hub is None:
            raise NotFound()
    return list(open_positions(hub=hub))


@router.post("/positions", response={201: PositionOut, 422: ErrorOut})
def create_position(request, payload: PositionIn):
    """Register a position. Only the agency's coordinators (and administrators):
    otherwise 422 ``not_allowed``. 422 ``unknown_hub``, ``invalid_url``,
    ``deadline_before_announced`` for bad input."""
    organization = Organization.objects.filter(orgnr=payload.organization).first()
    if organization is None:
        raise Invalid("unknown organization", code="unknown_organization", field="organization")
    position = register_position(
        actor=request.auth,
        title=payload.title,
        organization=organization,
        hubs=_hubs(payload.hubs),
        announcement_url=payload.announcement_url,
        announced_on=payload.announced_on,
        deadline=payload.deadline,
    )
    return Status(201, position)


@router.post(
    "/positions/{position_id}/hires", response={201: HireOut, 404: ErrorOut, 422: ErrorOut}
)
def create_hire(request, position_id: int, payload: HireIn):
    """Record ``count`` hires to the position, to work from ``hub``. Coordinators of the
    agency only (404 for others, as for a position that does not exist)."""
    position = get_position(position_id)
    if not may_manage(request.auth, position.organization):
        raise NotFound()
    (hub,) = _hubs([payload.hub])
    hire = record_hires(
        position, actor=request.auth, hub=hub, count=payload.count, hired_on=payload.hired_on
    )
    return Status(201, hire)
