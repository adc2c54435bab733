from django.urls import reverse
from django.utils.translation import gettext as _

from hubro.core.navigation import NavItem


def items(request):
    return [NavItem(_("Mine bookinger"), reverse("bookings:mine"), ("bookings",), order=20)]
