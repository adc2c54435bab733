from django.urls import reverse
from django.utils.translation import gettext as _

from hubro.core.navigation import ADMINISTRATION, NavItem

from .queries import may_see_anything


def items(request):
    """«Økonomi» only for hosts, administrators and coordinators with agreements."""
    if not may_see_anything(request.user):
        return []
    return [
        NavItem(
            _("Økonomi"), reverse("finance:index"), ("finance",), order=60, group=ADMINISTRATION
        )
    ]
