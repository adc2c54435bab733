from django.urls import reverse
from django.utils.translation import gettext as _

from hubro.core.navigation import NavItem


def items(request):
    return [NavItem(_("Huber"), reverse("spaces:hub_list"), ("spaces",), order=10)]
