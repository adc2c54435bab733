"""API: «hvem er her» for a hub and a day."""

import datetime as dt

from django.utils import timezone
from ninja import Field, Router, Schema

from hubro.bookings.presence import presence
from hubro.spaces.queries import get_hub

from .schemas import ErrorOut

router = Router(tags=["presence"])


class OrganizationPresenceOut(Schema):
    name: str
    sector: str
    people: int | None = Field(
        None,
        description="null when fewer than the privacy threshold and the caller has "
        "no person-level rights at the hub.",
    )
    suppressed: bool = False


class PersonPresenceOut(Schema):
    name: str
    organization: str


class PresenceOut(Schema):
    date: dt.date
    first_date: dt.date = Field(..., description="The first date the caller may ask for.")
    last_date: dt.date = Field(..., description="The last date the caller may ask for.")
    exact: bool = Field(..., description="true for hosts and administrators: exact counts.")
    sectors: int
    organizations: list[OrganizationPresenceOut]
    people: list[PersonPresenceOut]


@router.get(
    "/hubs/{slug}/presence",
    response={200: PresenceOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
)
def hub_presence(request, slug: str, date: dt.date | None = None):
    """The organizations with people at the hub on a date (today when left out), with
    how many people each, and the names of only those who chose to show them.
    ``sectors`` counts the sectors present. Follows the hub's statistics setting (403
    ``presence_hidden``); without person-level rights at the hub only this week may be
    asked for (422 ``date_out_of_range`` outside ``first_date``–``last_date``) and a count
    below the privacy threshold is ``null`` with ``suppressed: true``."""
    hub = get_hub(slug)
    day = date or timezone.localdate()
    result = presence(hub, day, viewer=request.user)
    return {
        "date": day,
        "first_date": result.first_day,
        "last_date": result.last_day,
        "exact": result.exact,
        "sectors": result.sectors,
        "organizations": [
            {
                "name": org.name,
                "sector": org.sector,
                "people": org.people,
                "suppressed": org.suppressed,
            }
            for org in result.organizations
        ],
        "people": [
            {"name": person.name, "organization": person.organization} for person in result.people
        ],
    }
