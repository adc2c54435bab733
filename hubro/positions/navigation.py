from django.urls import reverse
from django.utils.translation import gettext as _

from hubro.core.navigation import COMMUNITY, NavItem


def items(request):
    """Everyone signed in sees the open positions that can be held from a hub."""
    return [
        NavItem(
            _("Stillinger"), reverse("positions:list"), ("positions",), order=85, group=COMMUNITY
        )
    ]
