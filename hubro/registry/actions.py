"""Writes to the register other than imports: subscriptions."""

from django.db import transaction
from django.utils.translation import gettext as _

from hubro.core.audit import record
from hubro.core.errors import NotFound

from .models import Subscription
from .queries import can_subscribe


@transaction.atomic
def subscribe(person, *, municipality=None, region=None, actor=None) -> Subscription:
    """Subscribe ``person`` to alerts for a municipality or a region. Only leaders of
    the area (municipal coordinators there) and administrators may; to anyone else the
    area's subscription does not exist (NotFound)."""
    actor = actor or person
    if not can_subscribe(actor, municipality=municipality, region=region) or (
        actor != person and not can_subscribe(person, municipality=municipality, region=region)
    ):
        raise NotFound(
            _("Du kan ikke abonnere på endringer her."), code="subscription_not_allowed"
        )
    subscription, created = Subscription.objects.get_or_create(
        person=person, municipality=municipality, region=region
    )
    if created:
        record(actor, "subscription.create", subscription)
    return subscription


@transaction.atomic
def unsubscribe(person, *, municipality=None, region=None, actor=None) -> bool:
    """End ``person``'s subscription for the area; True if there was one."""
    subscription = Subscription.objects.filter(
        person=person, municipality=municipality, region=region
    ).first()
    if subscription is None:
        return False
    record(actor or person, "subscription.delete", subscription)
    subscription.delete()
    return True
