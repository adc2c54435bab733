from django.urls import reverse
from django.utils.translation import gettext as _

from hubro.core.navigation import INSIGHT, NavItem

from .access import hosted_hubs


def items(request):
    """Hosts (and administrators) make surveys; others reach results from the indicators."""
    if not hosted_hubs(request.user).exists():
        return []
    return [
        NavItem(_("Undersøkelser"), reverse("surveys:list"), ("surveys",), order=72, group=INSIGHT)
    ]
