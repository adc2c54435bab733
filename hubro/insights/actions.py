"""Writes of the insights app."""

from django.db import transaction
from django.utils.translation import gettext as _

from hubro.core import audit
from hubro.core.errors import Invalid, NotFound
from hubro.core.permissions import is_host

from .models import StatisticsSetting


def set_statistics_audience(hub, audience: str, *, actor) -> StatisticsSetting:
    """Set who may see ``hub``'s statistics. Only its hosts and administrators may."""
    if not is_host(actor, hub):
        raise NotFound()
    if audience not in StatisticsSetting.Audience.values:
        raise Invalid(_("Ukjent valg."), code="invalid_audience", field="audience")
    with transaction.atomic():
        setting, _created = StatisticsSetting.objects.select_for_update().get_or_create(hub=hub)
        before = setting.audience
        setting.audience = audience
        setting.save()
        audit.record(
            actor,
            "statistics_setting.update",
            setting,
            hub=hub,
            changes={"audience": [before, audience]},
        )
    return setting
