"""A host's bookings for others: on a person's behalf, moved, or cancelled with a
reason. The booking actions do the work (rules, overlap guard, audit, e-mail)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hubro.bookings.actions import cancel_booking, create_booking, move_booking
from hubro.bookings.models import Booking
from hubro.core.errors import Invalid
from hubro.core.models import Membership

REASON_MAX_LENGTH = 1000


def member_memberships(hub):
    """Memberships that let a person be booked for at ``hub``: in one of its member
    organizations or its host organization."""
    return Membership.objects.filter(
        Q(organization__in=hub.member_organizations.all())
        | Q(organization_id=hub.host_organization_id),
        person__is_active=True,
    )


def organization_at(hub, person, organization=None):
    """The organization a host books ``person`` for: the one asked for, which must be a
    member of the hub and have the person as a member, else the person's primary one
    among the hub's organizations. ``Invalid`` (``not_member``) when there is none."""
    memberships = list(
        member_memberships(hub)
        .filter(person=person)
        .select_related("organization")
        .order_by("-is_primary", "organization__name")
    )
    if organization is not None:
        memberships = [m for m in memberships if m.organization_id == organization.pk]
    if not memberships:
        raise Invalid(
            _("Personen er ikke med i noen av hubens medlemsorganisasjoner."),
            code="not_member",
            field="person",
        )
    return memberships[0].organization


def book_on_behalf(
    hub,
    *,
    person,
    space,
    start,
    end,
    organization=None,
    purpose: str = "",
    show_purpose: bool = False,
    override: bool = False,
    actor,
) -> Booking:
    """Book ``space`` of ``hub`` for ``person``, a member of one of the hub's
    organizations. The booking is the person's (it is in their list, they are told by
    e-mail, the quota counts it); ``booked_by`` and the audit log name the host."""
    if space.hub_id != hub.pk:
        raise Invalid(_("Rommet finnes ikke i denne huben."), code="unknown_space", field="space")
    organization = organization_at(hub, person, organization)
    return create_booking(
        space=space,
        person=person,
        start=start,
        end=end,
        organization=organization,
        purpose=purpose,
        show_purpose=show_purpose,
        override=override,
        actor=actor,
    )


def move(hub, booking: Booking, *, space, start, end, override: bool = False, actor) -> Booking:
    """Move one of the hub's bookings to another of its spaces and/or another time."""
    if space.hub_id != hub.pk or booking.space.hub_id != hub.pk:
        raise Invalid(_("Rommet finnes ikke i denne huben."), code="unknown_space", field="space")
    return move_booking(booking, space=space, start=start, end=end, override=override, actor=actor)


def cancel_with_reason(hub, booking: Booking, *, reason: str, actor) -> Booking:
    """Cancel one of the hub's bookings; the reason is required, kept on the booking,
    audited and e-mailed to the person in their language."""
    reason = (reason or "").strip()
    if not reason:
        raise Invalid(
            _("Skriv hvorfor bookingen avbestilles. Personen får begrunnelsen på e-post."),
            code="reason_required",
            field="reason",
        )
    if len(reason) > REASON_MAX_LENGTH:
        raise Invalid(
            _("Begrunnelsen kan være høyst %(max)s tegn.") % {"max": REASON_MAX_LENGTH},
            code="reason_too_long",
            field="reason",
        )
    if booking.space.hub_id != hub.pk:
        raise Invalid(_("Rommet finnes ikke i denne huben."), code="unknown_space")
    # The stored status, not the caller's copy: cancelling twice must say so.
    status = Booking.objects.filter(pk=booking.pk).values_list("status", flat=True).first()
    if status != Booking.Status.CONFIRMED:
        raise Invalid(
            _("Bookingen er ikke lenger aktiv (avbestilt eller frigitt)."), code="not_active"
        )
    return cancel_booking(booking, actor=actor, reason=reason)
