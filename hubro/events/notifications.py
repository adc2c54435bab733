"""Emails about registrations: moved up from the waiting list, an event cancelled, a
guest's place confirmed; and invitations, with the event as an .ics attachment.
Actions call ``notify`` / ``notify_invited`` after commit; the messages go out as
background tasks (``events.tasks``), in the person's language."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.handler import DEFAULT_MAILER_ALIAS
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from hubro.core.links import absolute_url
from hubro.core.notify import enqueue
from hubro.core.timeutil import format_day

from .models import Invitation, Registration

logger = logging.getLogger(__name__)

KINDS = ("promoted", "event_cancelled", "guest_confirmed")


def notify(kind: str, registration_ids: list[int]) -> None:
    """Queue one email per registration. Never raises: a failure is logged."""
    from .tasks import send_registration_email

    if kind not in KINDS:
        logger.error("Unknown registration email %r for %s", kind, registration_ids)
        return
    for registration_id in registration_ids:
        enqueue(send_registration_email, int(registration_id), kind)


def _recipient(registration) -> tuple[str, str, str]:
    """(address, name, language) of the participant."""
    if registration.person_id:
        person = registration.person
        return person.email, person.get_short_name(), person.language or settings.LANGUAGE_CODE
    return registration.guest_email, registration.guest_name, settings.LANGUAGE_CODE


def build_registration_email(registration, kind: str) -> EmailMultiAlternatives:
    """The email about ``kind`` for the participant, plain text and HTML."""
    if kind not in KINDS:
        raise ValueError(f"unknown registration email {kind!r}")
    email, name, language = _recipient(registration)
    context = {"kind": kind, "registration": registration}
    return event_email(registration.event, kind, to=email, name=name, language=language, **context)


def event_email(event, template: str, *, to: str, name: str, language: str, **extra):
    """An e-mail about ``event`` from ``events/email/<template>{_subject.txt,.txt,.html}``
    in ``language``; the templates get the event's time, place and address."""
    with translation.override(language):
        start, end = timezone.localtime(event.start), timezone.localtime(event.end)
        context = {
            "language": language,
            "name": name,
            "event": event,
            "day": format_day(start, "long"),
            "start": date_format(start, "H:i"),
            "end": date_format(end, "H:i"),
            "where": event_place(event),
            "event_url": absolute_url(reverse("events:detail", args=[event.pk])),
            **extra,
        }
        subject = " ".join(
            render_to_string(f"events/email/{template}_subject.txt", context).split()
        )
        text = render_to_string(f"events/email/{template}.txt", context)
        html = render_to_string(f"events/email/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject, body=text, to=[to], headers={"Content-Language": language}
    )
    message.attach_alternative(html, "text/html")
    return message


def event_place(event) -> str:
    """Where the event is, in words."""
    if event.place == event.Place.HUB and event.space_id:
        return f"{event.space.name}, {event.hub.name}"
    if event.place == event.Place.ONLINE:
        return str(event.Place.ONLINE.label)
    return event.location


def send_registration_email_now(registration_id: int, kind: str) -> bool:
    registration = (
        Registration.objects.select_related("event__hub", "event__space", "person")
        .filter(pk=registration_id)
        .first()
    )
    if registration is None:
        logger.warning("No %s email: registration %s does not exist", kind, registration_id)
        return False
    build_registration_email(registration, kind).send(using=DEFAULT_MAILER_ALIAS)
    return True


# --- Invitations ------------------------------------------------------------------------


def notify_invited(invitation_ids: list[int]) -> None:
    """Queue one invitation e-mail per invitation. Never raises: a failure is logged."""
    from .tasks import send_invitation_email

    for invitation_id in invitation_ids:
        enqueue(send_invitation_email, int(invitation_id))


def event_ics(event) -> bytes:
    """The event alone as an iCalendar file (``METHOD:PUBLISH``), for an attachment.
    Without the meeting link of an online event: that is for those who hold a place."""
    from hubro.bookings.ical import _calendar

    from .ical import event_vevent

    calendar = _calendar(method="PUBLISH")
    calendar.add_component(event_vevent(event, now=timezone.now()))
    return calendar.to_ical()


def build_invitation_email(invitation) -> EmailMultiAlternatives:
    """The invitation in the invitee's language (an address without an account gets the
    default language), with the event attached as ``invitasjon.ics``."""
    if invitation.person_id:
        person = invitation.person
        to, name = person.email, person.get_short_name()
        language = person.language or settings.LANGUAGE_CODE
    else:
        to, name, language = invitation.email, invitation.name, settings.LANGUAGE_CODE
    event = invitation.event
    with translation.override(language):
        message = event_email(event, "invited", to=to, name=name, language=language)
        message.attach("invitasjon.ics", event_ics(event), "text/calendar; charset=utf-8")
    return message


def send_invitation_email_now(invitation_id: int) -> bool:
    invitation = (
        Invitation.objects.select_related("event__hub__municipality", "event__space", "person")
        .filter(pk=invitation_id)
        .first()
    )
    if invitation is None:
        logger.warning("No invitation email: invitation %s does not exist", invitation_id)
        return False
    if invitation.event.cancelled_at:
        return False
    build_invitation_email(invitation).send(using=DEFAULT_MAILER_ALIAS)
    return True
