"""Emails to subscribers when a state unit in their area closes, moves away or shrinks
markedly. The import calls ``notify_subscribers`` inside its transaction; the messages
are queued after commit as background tasks, so a broken mail server never fails an
import, and a failed import sends nothing."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from hubro.core.links import absolute_url
from hubro.core.notify import enqueue

from .models import Change, Sector, Subscription
from .queries import change_rows

logger = logging.getLogger(__name__)


def area_numbers(subscription: Subscription) -> set[str]:
    if subscription.municipality_id:
        return {subscription.municipality.number}
    return set(subscription.region.municipalities.values_list("number", flat=True))


def alarming(change: Change, numbers: set[str]) -> bool:
    """Does this change warrant an email to someone watching ``numbers``?"""
    if change.sector != Sector.STATE:
        return False
    if change.kind == Change.Kind.CLOSED:
        return change.municipality_before in numbers
    if change.kind == Change.Kind.MOVED:
        return change.municipality_before in numbers and change.municipality_after not in numbers
    if change.kind == Change.Kind.RESIZED:
        return (
            change.municipality_after in numbers
            and change.employees_before is not None
            and change.employees_after is not None
            and change.employees_after < change.employees_before
        )
    return False


def notify_subscribers(snapshot) -> None:
    """Queue one email per subscription with alarming changes in ``snapshot``."""
    changes = list(Change.objects.filter(snapshot=snapshot, sector=Sector.STATE))
    if not changes:
        return
    subscriptions = Subscription.objects.select_related("municipality", "region")
    for subscription in subscriptions:
        numbers = area_numbers(subscription)
        ids = [change.pk for change in changes if alarming(change, numbers)]
        if ids:
            transaction.on_commit(lambda s=subscription.pk, i=ids: _enqueue(s, i))


def _enqueue(subscription_id: int, change_ids: list[int]) -> None:
    from .tasks import send_registry_alert

    enqueue(send_registry_alert, subscription_id, change_ids)


def send_alert_now(subscription_id: int, change_ids: list[int]) -> bool:
    subscription = (
        Subscription.objects.select_related("person", "municipality", "region")
        .filter(pk=subscription_id)
        .first()
    )
    if subscription is None or not subscription.person.is_active:
        return False
    changes = list(Change.objects.filter(pk__in=change_ids).order_by("kind", "agency_name"))
    if not changes:
        return False
    language = subscription.person.language or settings.LANGUAGE_CODE
    with translation.override(language):
        area = subscription.area
        if subscription.municipality_id:
            url = reverse("registry:municipality", args=[area.number])
        else:
            url = reverse("registry:region", args=[area.slug])
        context = {
            "person": subscription.person,
            "area": area,
            "rows": change_rows(changes),
            "url": absolute_url(url),
        }
        subject = " ".join(render_to_string("registry/email/alert_subject.txt", context).split())
        text = render_to_string("registry/email/alert.txt", context)
        html = render_to_string("registry/email/alert.html", context)
    message = EmailMultiAlternatives(subject, text, to=[subscription.person.email])
    message.attach_alternative(html, "text/html")
    message.send()
    return True
