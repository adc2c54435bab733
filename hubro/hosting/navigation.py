from django.urls import reverse
from django.utils.translation import gettext as _

from hubro.core.navigation import ADMINISTRATION, NavItem


def items(request):
    """«Vertsside» for the hosts of a hub: straight to the day of their first hub.
    Administrators reach any hub's host pages from the hub's own page."""
    hub = request.user.hosted_hubs.filter(is_active=True).order_by("name").first()
    if hub is None:
        return []
    return [
        NavItem(
            _("Vertsside"),
            reverse("hosting:today", args=[hub.slug]),
            ("hosting",),
            order=800,
            group=ADMINISTRATION,
        )
    ]
