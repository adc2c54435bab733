"""Every write to bookings. The web UI and the API call these and nothing else."""

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hubro.core.audit import record
from hubro.core.errors import Conflict, Invalid
from hubro.core.models import Membership
from hubro.core.timeutil import is_aware, local_date, local_datetime
from hubro.spaces.models import Space

from .models import Booking


def _organization_for(person, organization):
    memberships = Membership.objects.filter(person=person).select_related("organization")
    if organization is None:
        chosen = next((m for m in memberships if m.is_primary), None) or memberships.first()
        if chosen is None:
            raise Invalid(
                _("Du må være knyttet til en organisasjon for å booke."), code="no_organization"
            )
        return chosen.organization
    if not any(m.organization_id == organization.pk for m in memberships):
        raise Invalid(
            _("Du kan bare booke for en organisasjon du er medlem av."),
            code="not_member",
            field="organization",
        )
    return organization


def validate_booking_time(space: Space, start: dt.datetime, end: dt.datetime, *, now=None):
    """The checks every booking passes, whoever makes it: aware times, a real interval,
    inside the hub's opening hours that day, and not already over."""
    if not (is_aware(start) and is_aware(end)):
        raise Invalid(_("Tidspunkt må ha tidssone (UTC-forskyvning)."), code="naive_datetime")
    if end <= start:
        raise Invalid(_("Slutt må være etter start."), code="invalid_range", field="end")
    now = now or timezone.now()
    if end <= now:
        raise Invalid(_("Tidsrommet er allerede passert."), code="in_past", field="start")
    day = local_date(start)
    hours = space.hub.opening_hours_on(day)
    if hours is None:
        raise Invalid(_("Huben er stengt denne dagen."), code="closed", field="start")
    opens, closes = local_datetime(day, hours.opens), local_datetime(day, hours.closes)
    if start < opens or end > closes:
        raise Invalid(
            _("Huben har åpent %(opens)s–%(closes)s denne dagen.")
            % {"opens": f"{hours.opens:%H:%M}", "closes": f"{hours.closes:%H:%M}"},
            code="closed",
            field="start",
        )


def create_booking(*, space: Space, person, start, end, organization=None, actor) -> Booking:
    """Book ``space`` for ``person`` over [start, end), or raise ``Conflict``/``Invalid``.

    The overlap check and the insert run in one transaction that holds the write lock:
    on SQLite the transaction is IMMEDIATE; on PostgreSQL the space's row is locked and
    an exclusion constraint is the guard of last resort. Audited as ``booking.create``.
    """
    if not space.is_active or not space.hub.is_active:
        raise Invalid(_("Rommet finnes ikke eller kan ikke bookes."), code="unknown_space")
    organization = _organization_for(person, organization)
    validate_booking_time(space, start, end)
    try:
        with transaction.atomic():
            Space.objects.select_for_update().filter(pk=space.pk).first()
            clash = Booking.objects.confirmed().filter(space=space).overlapping(start, end)
            if clash.exists():
                raise Conflict(_("Tidsrommet er allerede booket."))
            booking = Booking.objects.create(
                space=space, person=person, organization=organization, start=start, end=end
            )
            record(
                actor,
                "booking.create",
                booking,
                hub=space.hub,
                changes={"start": start.isoformat(), "end": end.isoformat(), "for": person.email},
            )
    except IntegrityError:
        # Only the exclusion constraint can fail here: a concurrent booking won.
        raise Conflict(_("Tidsrommet er allerede booket.")) from None
    return booking


def cancel_booking(booking: Booking, *, actor) -> Booking:
    """Cancel a booking, freeing its time. Cancelling twice changes nothing."""
    with transaction.atomic():
        locked = (
            Booking.objects.select_for_update().select_related("space__hub").get(pk=booking.pk)
        )
        if locked.status == Booking.Status.CANCELLED:
            return locked
        locked.status = Booking.Status.CANCELLED
        locked.cancelled_at = timezone.now()
        locked.save(update_fields=["status", "cancelled_at"])
        record(actor, "booking.cancel", locked, hub=locked.space.hub)
    return locked
