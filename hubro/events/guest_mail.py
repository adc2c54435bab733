"""The e-mail with the link that confirms a guest's address (before any place is held).
The confirmation once the place is held is a registration e-mail
(``notifications``, kind ``guest_confirmed``)."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.handler import DEFAULT_MAILER_ALIAS
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from hubro.core.timeutil import format_day

from .actions.guests import LINK_HOURS
from .models import Event
from .notifications import event_place

logger = logging.getLogger(__name__)


def build_guest_link_email(event, *, name: str, email: str, token: str, language: str):
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
            "hours": LINK_HOURS,
            "event_url": settings.HUBRO_BASE_URL + reverse("events:detail", args=[event.pk]),
            "confirm_url": settings.HUBRO_BASE_URL
            + reverse("events:guest_confirm", args=[event.pk, token]),
        }
        subject = " ".join(
            render_to_string("events/email/guest_link_subject.txt", context).split()
        )
        text = render_to_string("events/email/guest_link.txt", context)
        html = render_to_string("events/email/guest_link.html", context)
    message = EmailMultiAlternatives(
        subject=subject, body=text, to=[email], headers={"Content-Language": language}
    )
    message.attach_alternative(html, "text/html")
    return message


def send_guest_link_now(event_id: int, name: str, email: str, token: str, language: str) -> bool:
    event = Event.objects.select_related("hub", "space").filter(pk=event_id).first()
    if event is None:
        logger.warning("No guest link: event %s does not exist", event_id)
        return False
    message = build_guest_link_email(event, name=name, email=email, token=token, language=language)
    message.send(using=DEFAULT_MAILER_ALIAS)
    return True
