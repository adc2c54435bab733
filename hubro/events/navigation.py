from django.urls import reverse
from django.utils.translation import gettext as _

from hubro.core.navigation import COMMUNITY, NavItem


def items(request):
    """Everyone signed in sees the events they may join."""
    return [
        NavItem(_("Arrangementer"), reverse("events:list"), ("events",), order=30, group=COMMUNITY)
    ]


# Visitors see the public events.
public_items = items
