"""Making and cancelling one booking."""

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hubro.bookings import notifications
from hubro.bookings.models import PURPOSE_KINDS, PURPOSE_MAX_LENGTH, Booking
from hubro.bookings.rules import RuleBook, check_rules, enforce, refuse_override, rule_for
from hubro.core.audit import record
from hubro.core.errors import Conflict, Invalid
from hubro.core.models import Membership
from hubro.core.timeutil import is_aware
from hubro.spaces.models import Space

TAKEN = _("Tidsrommet er allerede booket.")


def organization_for(person, organization):
    """The organization a booking is made for: the one asked for, which the person must
    belong to, or else their primary one."""
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


def bookable(space: Space) -> None:
    if not space.is_active or not space.hub.is_active:
        raise Invalid(_("Rommet finnes ikke eller kan ikke bookes."), code="unknown_space")


def validate_booking_time(space: Space, start: dt.datetime, end: dt.datetime, *, now=None):
    """The checks no one can override: aware times, a real interval, not already over.
    The hub's opening hours and the host's rules are checked by ``bookings.rules``."""
    if not (is_aware(start) and is_aware(end)):
        raise Invalid(_("Tidspunkt må ha tidssone (UTC-forskyvning)."), code="naive_datetime")
    if end <= start:
        raise Invalid(_("Slutt må være etter start."), code="invalid_range", field="end")
    now = now or timezone.now()
    if end <= now:
        raise Invalid(_("Tidsrommet er allerede passert."), code="in_past", field="start")


def notify_after_commit(event: str, booking_ids: list[int]) -> None:
    """Tell people once the write is committed; a failing notification is logged and
    never undoes or fails the booking."""
    if booking_ids:
        ids = list(booking_ids)
        transaction.on_commit(lambda: notifications.notify(event, ids), robust=True)


def booking_changes(booking: Booking, **extra) -> dict:
    changes = {
        "start": booking.start.isoformat(),
        "end": booking.end.isoformat(),
        "for": booking.person.email,
    }
    if booking.overridden_rules:
        changes["overridden_rules"] = booking.overridden_rules
    return {**changes, **extra}


def clean_purpose(space: Space, purpose: str | None) -> str:
    """The purpose, trimmed; only meeting and project rooms take one (``purpose_not_allowed``),
    of at most ``PURPOSE_MAX_LENGTH`` characters (``purpose_too_long``)."""
    purpose = " ".join((purpose or "").split())
    if not purpose:
        return ""
    if space.kind not in PURPOSE_KINDS:
        raise Invalid(
            _("Bare bookinger av møterom og prosjektrom kan ha et formål."),
            code="purpose_not_allowed",
            field="purpose",
        )
    if len(purpose) > PURPOSE_MAX_LENGTH:
        raise Invalid(
            _("Formålet kan være høyst %(max)s tegn.") % {"max": PURPOSE_MAX_LENGTH},
            code="purpose_too_long",
            field="purpose",
        )
    return purpose


def create_booking(
    *,
    space: Space,
    person,
    start,
    end,
    organization=None,
    actor,
    override: bool = False,
    purpose: str = "",
    show_purpose: bool = False,
) -> Booking:
    """Book ``space`` for ``person`` over [start, end), or raise ``Conflict``/``Invalid``.

    ``actor`` may be someone else than ``person``: a host books on a person's behalf
    (``hosting.actions``); the booking is the person's, and the audit log names both.
    A meeting or project room may carry a ``purpose`` (see ``clean_purpose``), shown on
    the hub's day view only with ``show_purpose``.

    The hub's rules (``bookings.rules``) apply; a host of the hub or an administrator
    may pass ``override=True`` to book past them, and the rules broken are recorded on
    the booking and in the audit log. Anyone else asking to override is refused
    (``not_allowed``). An overlap is never overridden.

    The rule and overlap checks and the insert run in one transaction that holds the
    write lock: on SQLite the transaction is IMMEDIATE; on PostgreSQL the space's row is
    locked and an exclusion constraint is the guard of last resort. Audited as
    ``booking.create``; ``notifications.notify("created", …)`` runs after commit.
    """
    bookable(space)
    organization = organization_for(person, organization)
    validate_booking_time(space, start, end)
    purpose = clean_purpose(space, purpose)
    if override:
        refuse_override(actor, space.hub)
    try:
        with transaction.atomic():
            Space.objects.select_for_update().filter(pk=space.pk).first()
            breaches = check_rules(space, person, organization, start, end)
            overridden = enforce(breaches, override=override)
            clash = Booking.objects.confirmed().filter(space=space).overlapping(start, end)
            if clash.exists():
                raise Conflict(TAKEN)
            booking = Booking.objects.create(
                space=space,
                person=person,
                organization=organization,
                start=start,
                end=end,
                override_by=actor if overridden else None,
                overridden_rules=overridden,
                purpose=purpose,
                show_purpose=bool(purpose and show_purpose),
                booked_by=actor if getattr(actor, "pk", None) not in (None, person.pk) else None,
            )
            record(
                actor, "booking.create", booking, hub=space.hub, changes=booking_changes(booking)
            )
            notify_after_commit("created", [booking.pk])
    except IntegrityError:
        # Only the exclusion constraint can fail here: a concurrent booking won.
        raise Conflict(TAKEN) from None
    return booking


def cancel_booking(
    booking: Booking, *, actor, for_event: bool = False, reason: str = ""
) -> Booking:
    """Cancel a booking, freeing its time; also one date of a series. Cancelling twice,
    or cancelling a booking already released, changes nothing; a booking that is over
    cannot be cancelled (``in_past``): it happened, and the statistics count it.

    A host who cancels someone's booking gives a ``reason``: it is kept on the booking,
    written to the audit log and told to the person in the cancellation e-mail.

    A booking that holds a room for an event that still stands is refused
    (``held_by_event``): the room would be free for others while the event goes on.
    The events app cancels or moves the event, and passes ``for_event=True``."""
    with transaction.atomic():
        locked = (
            Booking.objects.select_for_update(of=("self",))
            .select_related("space__hub")
            .get(pk=booking.pk)
        )
        if locked.status != Booking.Status.CONFIRMED:
            return locked
        now = timezone.now()
        if locked.end <= now:
            raise Invalid(_("Bookingen er allerede over og kan ikke avbestilles."), code="in_past")
        event = getattr(locked, "event", None)  # the reverse one-to-one of events.Event
        if event is not None and event.cancelled_at is None and not for_event:
            raise Invalid(
                _(
                    "Bookingen holder rommet for arrangementet «%(title)s». Avlys eller flytt "
                    "arrangementet i stedet."
                )
                % {"title": event.title},
                code="held_by_event",
            )
        locked.status = Booking.Status.CANCELLED
        locked.cancelled_at = now
        locked.cancel_reason = (reason or "").strip()
        locked.save(update_fields=["status", "cancelled_at", "cancel_reason"])
        changes = {"series": locked.series_id} if locked.series_id else {}
        if locked.cancel_reason:
            changes["reason"] = locked.cancel_reason
            changes["for"] = locked.person.email
        record(actor, "booking.cancel", locked, hub=locked.space.hub, changes=changes)
        notify_after_commit("cancelled", [locked.pk])
    return locked


def _held_by_event(booking: Booking) -> None:
    event = getattr(booking, "event", None)  # the reverse one-to-one of events.Event
    if event is not None and event.cancelled_at is None:
        raise Invalid(
            _(
                "Bookingen holder rommet for arrangementet «%(title)s». Flytt arrangementet"
                " i stedet."
            )
            % {"title": event.title},
            code="held_by_event",
        )


def move_booking(
    booking: Booking, *, space: Space, start, end, actor, override: bool = False
) -> Booking:
    """Move a confirmed booking that is not over to ``space`` (in the same hub) and/or to
    [start, end). The person, organization and purpose stay.

    The same checks as a new booking: the target must be bookable, the hub's rules hold
    (a host may ``override`` them, recorded on the booking) and the time must be free;
    an overlap is never allowed (``Conflict``). The booking's own old time does not
    count against it. Runs in one transaction holding the write lock (both spaces' rows
    on PostgreSQL, whose exclusion constraint stays the guard of last resort). A moved
    start clears the check-in and the reminder. Audited as ``booking.move``; the person
    is told (``notifications.notify("moved", …)``)."""
    bookable(space)
    validate_booking_time(space, start, end)
    if override:
        refuse_override(actor, space.hub)
    try:
        with transaction.atomic():
            locked = (
                Booking.objects.select_for_update(of=("self",))
                .select_related("space__hub", "person", "organization")
                .get(pk=booking.pk)
            )
            if space.hub_id != locked.space.hub_id:
                raise Invalid(
                    _("En booking kan bare flyttes innenfor samme hub."),
                    code="other_hub",
                    field="space",
                )
            if locked.status != Booking.Status.CONFIRMED:
                raise Invalid(
                    _("Bookingen er ikke lenger aktiv (avbestilt eller frigitt)."),
                    code="not_active",
                )
            if locked.end <= timezone.now():
                raise Invalid(_("Bookingen er allerede over og kan ikke flyttes."), code="in_past")
            _held_by_event(locked)
            Space.objects.select_for_update().filter(pk__in=[space.pk, locked.space_id]).count()
            book = RuleBook(space, locked.person, locked.organization)
            # The booking is counted in the quota already when the rule stays the same.
            old_rule = rule_for(locked.space)
            same_rule = (
                book.rule is not None and old_rule is not None and book.rule.pk == old_rule.pk
            )
            breaches = book.check(start, end, pending=-1 if same_rule else 0)
            overridden = enforce(breaches, override=override)
            clash = (
                Booking.objects.confirmed()
                .filter(space=space)
                .overlapping(start, end)
                .exclude(pk=locked.pk)
            )
            if clash.exists():
                raise Conflict(TAKEN)
            before = {
                "space": locked.space.name,
                "start": locked.start.isoformat(),
                "end": locked.end.isoformat(),
            }
            fields = ["space", "start", "end", "override_by", "overridden_rules"]
            if start != locked.start:
                locked.checked_in_at = None
                locked.reminder_sent_at = None
                fields += ["checked_in_at", "reminder_sent_at"]
            if space.kind not in PURPOSE_KINDS and locked.purpose:
                locked.purpose, locked.show_purpose = "", False
                fields += ["purpose", "show_purpose"]
            locked.space, locked.start, locked.end = space, start, end
            locked.revision += 1
            fields.append("revision")
            locked.override_by = actor if overridden else None
            locked.overridden_rules = overridden
            locked.save(update_fields=fields)
            record(
                actor,
                "booking.move",
                locked,
                hub=space.hub,
                changes=booking_changes(locked, space=space.name, moved_from=before),
            )
            notify_after_commit("moved", [locked.pk])
    except IntegrityError:
        # Only the exclusion constraint can fail here: a concurrent booking won.
        raise Conflict(TAKEN) from None
    return locked
