"""API: «hvem er her» for a hub and a day."""

import datetime as dt

from django.utils import timezone
from ninja import Router, Schema

from hubro.bookings.presence import presence
from hubro.spaces.queries import get_hub

from .schemas import ErrorOut

router = Router(tags=["presence"])


class OrganizationPresenceOut(Schema):
    name: str
    sector: str
    people: int


class PersonPresenceOut(Schema):
    name: str
    organization: str


class PresenceOut(Schema):
    date: dt.date
    sectors: int
    organizations: list[OrganizationPresenceOut]
    people: list[PersonPresenceOut]


@router.get("/hubs/{slug}/presence", response={200: PresenceOut, 404: ErrorOut})
def hub_presence(request, slug: str, date: dt.date | None = None):
    """The organizations with people at the hub on a date (today when left out), with
    how many people each, and the names of only those who chose to show them.
    ``sectors`` counts the sectors present."""
    hub = get_hub(slug)
    day = date or timezone.localdate()
    result = presence(hub, day, viewer=request.user)
    return {
        "date": day,
        "sectors": result.sectors,
        "organizations": [
            {"name": org.name, "sector": org.sector, "people": org.people}
            for org in result.organizations
        ],
        "people": [
            {"name": person.name, "organization": person.organization} for person in result.people
        ],
    }
