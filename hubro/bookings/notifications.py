"""Telling people about their bookings. Actions call ``notify`` after commit; the
messages go out as background tasks (``bookings.tasks.send_booking_email``), so a
slow or broken mail server never blocks or fails a booking."""

import datetime as dt
import logging
from email.message import MIMEPart

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.handler import DEFAULT_MAILER_ALIAS
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from hubro.core.links import absolute_url
from hubro.core.notify import enqueue
from hubro.core.timeutil import day_bounds, format_day, local_date

from .models import Booking

logger = logging.getLogger(__name__)

EVENTS = ("created", "cancelled", "released", "reminder", "moved")
# The events whose calendar attachment removes the event from the person's calendar.
CANCELLING_EVENTS = ("cancelled", "released")


def notify(event: str, booking_ids: list[int]) -> None:
    """Queue the messages for ``event`` (created, cancelled, released, reminder, moved).

    Never raises: a failure to enqueue is logged, and the booking stands."""
    from .tasks import send_booking_email

    if event not in EVENTS:
        logger.error("Unknown booking event %r for bookings %s", event, booking_ids)
        return
    for booking_id in booking_ids:
        enqueue(send_booking_email, int(booking_id), event)


def _absolute(path: str) -> str:
    return absolute_url(path)


def _booking_ics(booking: Booking, *, cancelled: bool) -> bytes:
    from .ical import booking_ics

    return booking_ics(booking, cancelled=cancelled)


def _ics_part(booking: Booking, event: str) -> MIMEPart:
    """The .ics attachment, with the iTIP method in its content type as calendar clients
    expect (RFC 6047): PUBLISH for a booking, CANCEL to remove it again."""
    cancelled = event in CANCELLING_EVENTS
    ics = _booking_ics(booking, cancelled=cancelled)
    part = MIMEPart()
    part.set_content(
        ics.decode() if isinstance(ics, bytes) else ics,
        subtype="calendar",
        charset="utf-8",
        params={"method": "CANCEL" if cancelled else "PUBLISH"},
        disposition="attachment",
        filename=f"booking-{booking.pk}.ics",
    )
    return part


def _context(booking: Booking, event: str) -> dict:
    from .checkin import checkin_window

    start = timezone.localtime(booking.start)
    end = timezone.localtime(booking.end)
    hub = booking.space.hub
    opens, closes = checkin_window(booking)
    return {
        "event": event,
        "booking": booking,
        "person": booking.person,
        "name": booking.person.get_short_name(),
        "space": booking.space,
        "hub": hub,
        "organization": booking.organization,
        "purpose": booking.purpose,
        # A host who booked for the person, and a host's reason for cancelling.
        "booked_by": booking.booked_by.get_full_name() if booking.booked_by_id else "",
        "reason": booking.cancel_reason,
        # Translators: a date format (Django's date filter) for emails, e.g. "l, F j, Y".
        "day": format_day(start, "long"),
        "start": date_format(start, "H:i"),
        "end": date_format(end, "H:i"),
        "checkin_opens": date_format(timezone.localtime(opens), "H:i"),
        "checkin_closes": date_format(timezone.localtime(closes), "H:i"),
        "uses_release": hub.release_no_shows,
        "my_bookings_url": _absolute(reverse("bookings:mine")),
        "checkin_url": _absolute(reverse("checkin:space", args=[booking.space_id])),
        "book_again_url": _absolute(
            reverse("bookings:book", args=[hub.slug, booking.space_id])
            + f"?date={local_date(booking.start).isoformat()}"
        ),
    }


def build_booking_email(booking: Booking, event: str) -> EmailMultiAlternatives:
    """The email about ``event`` for the booking's person, in their language, plain text
    and HTML, with the booking as an .ics attachment."""
    if event not in EVENTS:
        raise ValueError(f"unknown booking event {event!r}")
    language = booking.person.language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = _context(booking, event)
        context["language"] = language
        subject = " ".join(
            render_to_string(f"bookings/email/{event}_subject.txt", context).split()
        )
        text = render_to_string(f"bookings/email/{event}.txt", context)
        html = render_to_string(f"bookings/email/{event}.html", context)
        calendar = _ics_part(booking, event)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[booking.person.email],
        headers={"Content-Language": language},
    )
    message.attach_alternative(html, "text/html")
    message.attach(calendar)
    return message


def send_booking_email_now(booking_id: int, event: str) -> bool:
    """Render and send one booking email through the default mailer. False when the
    booking no longer exists."""
    booking = (
        Booking.objects.select_related("space__hub", "person", "organization", "booked_by")
        .filter(pk=booking_id)
        .first()
    )
    if booking is None:
        logger.warning("No %s email: booking %s does not exist", event, booking_id)
        return False
    build_booking_email(booking, event).send(using=DEFAULT_MAILER_ALIAS)
    return True


def mark_reminders_due(*, now=None) -> list[int]:
    """Mark the confirmed bookings that start tomorrow (local date) and have had no
    reminder, and tell their people after commit. Returns the ids.

    Each row is marked by a conditional update, so two runs never remind twice."""
    now = now or timezone.now()
    start, end = day_bounds(local_date(now) + dt.timedelta(days=1))
    marked: list[int] = []
    with transaction.atomic():
        due = (
            Booking.objects.confirmed()
            .filter(start__gte=start, start__lt=end, reminder_sent_at__isnull=True)
            .order_by("start", "pk")
            .values_list("pk", flat=True)
        )
        for pk in list(due):
            if Booking.objects.filter(pk=pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=now
            ):
                marked.append(pk)
        if marked:
            ids = list(marked)
            transaction.on_commit(lambda: notify("reminder", ids))
    return marked
