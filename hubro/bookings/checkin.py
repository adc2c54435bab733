"""Check-in and the release of no-shows.

A booking's check-in window runs from ``Hub.checkin_opens_before`` minutes before its
start until ``Hub.checkin_closes_after`` minutes after it, but never past the booking's
end: [start - before, min(start + after, end)). A confirmed booking whose window closed
without a check-in is a no-show; in hubs with ``Hub.release_no_shows`` it is released,
which frees the space (the PostgreSQL exclusion constraint covers confirmed bookings only).
"""

import datetime as dt
import logging

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext_lazy as _

from hubro.core.audit import record
from hubro.core.errors import Invalid, NotFound
from hubro.core.permissions import is_host
from hubro.spaces.models import Hub

from .models import Booking
from .notifications import notify

logger = logging.getLogger(__name__)

# Bookings whose window closed longer ago than this are left alone by the release job:
# turning release on must not release (and email about) last year's bookings. The job
# runs every few minutes, so a day covers any reasonable downtime of the timer.
RELEASE_LOOKBACK = dt.timedelta(days=1)


def checkin_window(booking: Booking) -> tuple[dt.datetime, dt.datetime]:
    """The [opens, closes) of a booking's check-in window."""
    hub = booking.space.hub
    opens = booking.start - dt.timedelta(minutes=hub.checkin_opens_before)
    closes = min(booking.start + dt.timedelta(minutes=hub.checkin_closes_after), booking.end)
    return opens, closes


def _local_time(moment: dt.datetime) -> str:
    return time_format(timezone.localtime(moment), "H:i")


def check_in(booking: Booking, *, actor, now=None) -> Booking:
    """Check a booking in. Allowed inside its check-in window, by the person who booked
    or a host of the hub. Checking in twice changes nothing. Audited as
    ``booking.checkin``."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = (
            Booking.objects.select_for_update(of=("self",))
            .select_related("space__hub")
            .filter(pk=booking.pk)
            .first()
        )
        if locked is None:
            raise NotFound()
        if actor is None or (
            locked.person_id != actor.pk and not is_host(actor, locked.space.hub)
        ):
            raise NotFound()
        if locked.status != Booking.Status.CONFIRMED:
            raise Invalid(
                _("Bookingen er ikke lenger aktiv (avbestilt eller frigitt)."), code="not_active"
            )
        if locked.checked_in_at is not None:
            return locked
        opens, closes = checkin_window(locked)
        if now < opens:
            raise Invalid(
                _("Innsjekkingen åpner kl. %(opens)s.") % {"opens": _local_time(opens)},
                code="checkin_not_open",
            )
        if now >= closes:
            raise Invalid(
                _("Innsjekkingen stengte kl. %(closes)s.") % {"closes": _local_time(closes)},
                code="checkin_closed",
            )
        locked.checked_in_at = now
        locked.save(update_fields=["checked_in_at"])
        record(
            actor,
            "booking.checkin",
            locked,
            hub=locked.space.hub,
            changes={"checked_in_at": now.isoformat()},
        )
    return locked


def _closed_windows(hub: Hub, now: dt.datetime) -> Q:
    """Bookings of ``hub`` whose check-in window has closed by ``now``."""
    return Q(start__lte=now - dt.timedelta(minutes=hub.checkin_closes_after)) | Q(end__lte=now)


def release_no_shows(*, now=None) -> list[int]:
    """Release every confirmed booking whose check-in window closed without a check-in,
    in hubs that release no-shows. Returns the released ids, tells their people after
    commit, audits each as ``booking.release`` by the system.

    Safe to run concurrently and repeatedly: each row is released by a conditional
    update that only matches a confirmed, unchecked booking, so a booking is released
    once and never after a check-in that committed first."""
    now = now or timezone.now()
    released: list[int] = []
    with transaction.atomic():
        for hub in Hub.objects.filter(release_no_shows=True).order_by("pk"):
            candidates = (
                Booking.objects.select_for_update(of=("self",))
                .select_related("space__hub")
                .filter(
                    space__hub=hub,
                    status=Booking.Status.CONFIRMED,
                    checked_in_at__isnull=True,
                    start__gt=now - RELEASE_LOOKBACK,
                )
                .filter(_closed_windows(hub, now))
                .order_by("start", "pk")
            )
            for booking in candidates:
                changed = Booking.objects.filter(
                    pk=booking.pk, status=Booking.Status.CONFIRMED, checked_in_at__isnull=True
                ).update(status=Booking.Status.RELEASED, released_at=now)
                if not changed:
                    continue
                record(
                    None,
                    "booking.release",
                    booking,
                    hub=hub,
                    changes={"released_at": now.isoformat(), "for": booking.person.email},
                )
                released.append(booking.pk)
        if released:
            ids = list(released)
            transaction.on_commit(lambda: notify("released", ids))
    if released:
        logger.info("Released %d no-show bookings: %s", len(released), released)
    return released


def checkin_candidates(person, space, now=None):
    """The person's confirmed bookings of ``space`` whose check-in window is open now
    (checked in or not), earliest first."""
    now = now or timezone.now()
    hub = space.hub
    bookings = (
        Booking.objects.confirmed()
        .filter(person=person, space=space)
        .filter(
            start__lte=now + dt.timedelta(minutes=hub.checkin_opens_before),
            start__gt=now - dt.timedelta(minutes=hub.checkin_closes_after),
            end__gt=now,
        )
        .select_related("space__hub")
        .order_by("start")
    )
    return list(bookings)


def next_checkin(person, space, now=None) -> Booking | None:
    """The person's next confirmed booking of ``space`` whose check-in window has not
    opened yet, for telling them when they can check in."""
    now = now or timezone.now()
    return (
        Booking.objects.confirmed()
        .filter(
            person=person,
            space=space,
            start__gt=now + dt.timedelta(minutes=space.hub.checkin_opens_before),
        )
        .select_related("space__hub")
        .order_by("start")
        .first()
    )


def no_show_count(hub: Hub, start: dt.datetime, end: dt.datetime, *, now=None) -> int:
    """How many bookings starting in [start, end) in ``hub`` were no-shows: released, or
    still confirmed with a closed check-in window and no check-in. Cancelled bookings
    are not no-shows. Meaningful for hubs that use check-in."""
    now = now or timezone.now()
    in_period = Booking.objects.filter(space__hub=hub, start__gte=start, start__lt=end)
    unchecked = Q(status=Booking.Status.CONFIRMED, checked_in_at__isnull=True) & _closed_windows(
        hub, now
    )
    return in_period.filter(Q(status=Booking.Status.RELEASED) | unchecked).count()
