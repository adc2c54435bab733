"""API: the signed-in person, with their organization and calendar address."""

from ninja import Router, Schema

from hubro.bookings.ical import calendar_url
from hubro.core.profile_actions import ensure_calendar_token

router = Router(tags=["me"])


class OrganizationRef(Schema):
    orgnr: str
    name: str


class MeOut(Schema):
    email: str
    name: str
    organization: OrganizationRef | None
    calendar_url: str | None


@router.get("/me", response=MeOut)
def me(request):
    """Who the token belongs to: email, name, primary organization and the address of
    their private calendar feed. A person without a calendar address gets one on their
    first call here, so that a client can always subscribe; revoking it on the profile
    page (or issuing a new one) stops the old address from working."""
    person = request.user
    ensure_calendar_token(person, actor=person)
    membership = person.primary_membership
    return {
        "email": person.email,
        "name": person.name,
        "organization": membership.organization if membership else None,
        "calendar_url": calendar_url(person),
    }
