from django.urls import reverse
from django.utils.translation import gettext as _

from hubro.core.navigation import INSIGHT, NavItem


def items(request):
    # Register data is public open data: every signed-in person sees the entry.
    return [
        NavItem(
            _("Statlige arbeidsplasser"),
            reverse("registry:index"),
            ("registry",),
            order=65,
            group=INSIGHT,
        )
    ]


# The register is open data (NLOD): visitors see it too.
public_items = items
