"""One menu entry for clusters, projects and regions: a landing page links the three."""

from django.urls import reverse
from django.utils.translation import gettext as _

from hubro.core.navigation import COMMUNITY, NavItem

from .permissions import may_read


def items(request):
    if not may_read(request.user):
        return []
    return [
        NavItem(
            _("Klynger og prosjekter"),
            reverse("community:landing"),
            ("community",),
            order=40,
            group=COMMUNITY,
        )
    ]
