"""Signing up, cancelling, the waiting list and attendance.

Every change to an event's registrations runs in one transaction that first locks the
event: ``SELECT … FOR UPDATE`` on PostgreSQL, and on SQLite the write lock that every
Hubro transaction takes at its start (``transaction_mode = IMMEDIATE``, see
``hubro.config``). So counting the places taken and writing the new status can never
interleave with another sign-up or cancellation: the event never over-fills, and two
cancellations at once move up two different people."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hubro.core.audit import record
from hubro.core.errors import Conflict, Invalid

from .. import notifications
from ..models import Event, Invitation, Registration
from ..permissions import may_manage

ALREADY = _("Du er allerede påmeldt.")


def notify_after_commit(kind: str, registration_ids: list[int]) -> None:
    """Email people once the write is committed; a failing email never undoes it."""
    if registration_ids:
        ids = list(registration_ids)
        transaction.on_commit(lambda: notifications.notify(kind, ids), robust=True)


def _lock(event) -> Event:
    return Event.objects.select_for_update(of=("self",)).select_related("hub").get(pk=event.pk)


def registration_closed(event, *, now=None) -> bool:
    """No more sign-ups: the event is cancelled, has started, or its deadline passed."""
    now = now or timezone.now()
    if event.cancelled_at or event.start <= now:
        return True
    return bool(event.registration_deadline and event.registration_deadline < now)


def _refuse_closed(event) -> None:
    if event.cancelled_at:
        raise Invalid(_("Arrangementet er avlyst."), code="closed")
    if registration_closed(event):
        raise Invalid(_("Påmeldingen er stengt."), code="closed")


def _status_for(event) -> str:
    if event.capacity is None:
        return Registration.Status.REGISTERED
    taken = event.registrations.filter(status=Registration.Status.REGISTERED).count()
    if taken < event.capacity:
        return Registration.Status.REGISTERED
    return Registration.Status.WAITLISTED


def fill_places(event, *, now=None) -> list[int]:
    """Move people up from the waiting list, first come first served, while there are
    free places. The caller holds the event's lock. Returns the ids moved up."""
    waiting = event.registrations.filter(status=Registration.Status.WAITLISTED).order_by(
        "created_at", "pk"
    )
    if event.cancelled_at or not waiting.exists():
        return []
    now = now or timezone.now()
    if event.capacity is None:
        free = waiting.count()
    else:
        taken = event.registrations.filter(status=Registration.Status.REGISTERED).count()
        free = event.capacity - taken
    promoted = []
    for registration in list(waiting[: max(0, free)]):
        registration.status = Registration.Status.REGISTERED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at"])
        promoted.append(registration.pk)
        record(None, "event.promote", registration, hub=event.hub, changes={"event": event.pk})
    return promoted


def _invited(event, person) -> bool:
    return Invitation.objects.filter(event=event, person=person).exists() or (
        Invitation.objects.filter(event=event, email__iexact=person.email).exists()
    )


def register(event, person, *, actor) -> Registration:
    """Sign ``person`` up: registered while there are places, else on the waiting list.

    The caller has checked that ``person`` may see the event. Invited-only events take
    invitees (and the people who run the event). Raises ``Conflict``
    ``already_registered``, or ``Invalid`` ``closed`` after the deadline, once the event
    has started or when it is cancelled. Audited as ``event.register``."""
    if event.audience == Event.Audience.INVITED and not (
        _invited(event, person) or may_manage(person, event)
    ):
        raise Invalid(_("Arrangementet er bare for inviterte."), code="not_invited")
    if actor != person and not may_manage(actor, event):
        raise Invalid(_("Du kan bare melde på deg selv."), code="not_allowed")
    membership = person.primary_membership
    try:
        with transaction.atomic():
            locked = _lock(event)
            _refuse_closed(locked)
            active = locked.registrations.filter(person=person).exclude(
                status=Registration.Status.CANCELLED
            )
            if active.exists():
                raise Conflict(ALREADY, code="already_registered")
            registration = Registration.objects.create(
                event=locked,
                person=person,
                organization=membership.organization if membership else None,
                status=_status_for(locked),
            )
            record(
                actor,
                "event.register",
                registration,
                hub=locked.hub,
                changes={"event": locked.pk, "status": registration.status},
            )
    except IntegrityError:
        # Only the one-active-registration constraint can fail: a double click won.
        raise Conflict(ALREADY, code="already_registered") from None
    return registration


def register_guest(event, *, name: str, email: str, organization: str) -> Registration:
    """Sign up a guest without an account, for an open event only (``not_open``
    otherwise). The same email address can hold one place per event
    (``already_registered``), and an event takes at most ``HUBRO_GUESTS_PER_EVENT``
    guests (``guest_limit``). The web calls it once the guest has confirmed the address
    (``guests.confirm_guest_place``). Audited as ``event.register_guest``."""
    name, email, organization = name.strip(), email.strip().lower(), organization.strip()
    if event.audience != Event.Audience.OPEN:
        raise Invalid(_("Bare åpne arrangementer tar imot gjester."), code="not_open")
    if not name:
        raise Invalid(_("Skriv navnet ditt."), code="invalid", field="name")
    if not email:
        raise Invalid(_("Skriv e-postadressen din."), code="invalid", field="email")
    if not organization:
        raise Invalid(_("Skriv hvor du jobber."), code="invalid", field="organization")
    try:
        with transaction.atomic():
            locked = _lock(event)
            _refuse_closed(locked)
            from .guests import guest_places_left

            if guest_places_left(locked) <= 0:
                raise Invalid(
                    _("Arrangementet tar ikke imot flere gjester. Kontakt arrangøren."),
                    code="guest_limit",
                )
            active = locked.registrations.filter(
                person__isnull=True, guest_email__iexact=email
            ).exclude(status=Registration.Status.CANCELLED)
            if active.exists():
                raise Conflict(
                    _("Denne e-postadressen er allerede påmeldt."),
                    code="already_registered",
                    field="email",
                )
            registration = Registration.objects.create(
                event=locked,
                guest_name=name,
                guest_email=email,
                guest_organization=organization,
                status=_status_for(locked),
            )
            record(
                None,
                "event.register_guest",
                registration,
                hub=locked.hub,
                changes={"event": locked.pk, "status": registration.status, "email": email},
            )
    except IntegrityError:
        raise Conflict(
            _("Denne e-postadressen er allerede påmeldt."),
            code="already_registered",
            field="email",
        ) from None
    return registration


def cancel_registration(registration, *, actor) -> Registration:
    """Cancel a place or a place on the waiting list; the first on the waiting list
    moves up and gets an email. Cancelling twice changes nothing; after the event has
    started it cannot be cancelled (``started``). Audited as ``event.unregister``."""
    with transaction.atomic():
        locked_event = _lock(registration.event)
        locked = Registration.objects.select_for_update().get(pk=registration.pk)
        if locked.status == Registration.Status.CANCELLED:
            return locked
        now = timezone.now()
        if locked_event.start <= now:
            raise Invalid(_("Arrangementet har startet."), code="started")
        was = locked.status
        locked.status = Registration.Status.CANCELLED
        locked.cancelled_at = now
        locked.save(update_fields=["status", "cancelled_at"])
        record(
            actor,
            "event.unregister",
            locked,
            hub=locked_event.hub,
            changes={"event": locked_event.pk, "was": was},
        )
        promoted = fill_places(locked_event, now=now)
        notify_after_commit("promoted", promoted)
    return locked


def mark_attendance(event, marks: dict[int, bool | None], *, actor, now=None) -> int:
    """Record who came: ``marks`` maps registration ids to True (came), False (did not)
    or None (unknown). Only from the event's start, only by those who run it, only for
    registered participants. Returns how many changed. Audited as ``event.attendance``."""
    if not may_manage(actor, event):
        raise Invalid(_("Du kan ikke føre oppmøte her."), code="not_allowed")
    now = now or timezone.now()
    if event.start > now:
        raise Invalid(_("Oppmøte kan føres fra arrangementet starter."), code="too_early")
    changed = 0
    with transaction.atomic():
        registrations = Registration.objects.select_for_update().filter(
            event=event, status=Registration.Status.REGISTERED, pk__in=list(marks)
        )
        for registration in registrations:
            value = marks[registration.pk]
            if registration.attended is value:
                continue
            registration.attended = value
            registration.attendance_marked_at = now
            registration.save(update_fields=["attended", "attendance_marked_at"])
            changed += 1
        if changed:
            record(actor, "event.attendance", event, hub=event.hub, changes={"changed": changed})
    return changed
