"""The e-mail with the link that confirms a guest's address (before any place is held).
The confirmation once the place is held is a registration e-mail
(``notifications``, kind ``guest_confirmed``)."""

import logging

from django.core.mail.handler import DEFAULT_MAILER_ALIAS
from django.urls import reverse

from hubro.core.links import absolute_url

from .actions.guests import LINK_HOURS
from .models import Event
from .notifications import event_email

logger = logging.getLogger(__name__)


def build_guest_link_email(event, *, name: str, email: str, token: str, language: str):
    confirm_url = absolute_url(reverse("events:guest_confirm", args=[event.pk, token]))
    return event_email(
        event,
        "guest_link",
        to=email,
        name=name,
        language=language,
        hours=LINK_HOURS,
        confirm_url=confirm_url,
    )


def send_guest_link_now(event_id: int, name: str, email: str, token: str, language: str) -> bool:
    event = Event.objects.select_related("hub", "space").filter(pk=event_id).first()
    if event is None:
        logger.warning("No guest link: event %s does not exist", event_id)
        return False
    message = build_guest_link_email(event, name=name, email=email, token=token, language=language)
    message.send(using=DEFAULT_MAILER_ALIAS)
    return True
