from django.urls import reverse
from django.utils.translation import gettext as _

from hubro.core.navigation import COMMUNITY, NavItem


def items(request):
    """Every signed-in person reads the handbook and may write in it."""
    return [
        NavItem(_("Håndbok"), reverse("handbook:index"), ("handbook",), order=80, group=COMMUNITY)
    ]


# Visitors read the published lessons.
public_items = items
