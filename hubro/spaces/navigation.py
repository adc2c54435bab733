from django.urls import reverse
from django.utils.translation import gettext as _

from hubro.core.navigation import NavItem


def items(request):
    return [NavItem(_("Huber"), reverse("spaces:hub_list"), ("spaces",), order=10)]


# Visitors see the hubs too: their spaces, opening hours and free or busy times.
public_items = items
