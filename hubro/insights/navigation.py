from django.urls import reverse
from django.utils.translation import gettext as _

from hubro.core.navigation import INSIGHT, NavItem


def items(request):
    # Every signed-in person may open the dashboard; it shows only the hubs whose
    # statistics setting lets them see it.
    return [
        NavItem(
            _("Indikatorer"), reverse("insights:dashboard"), ("insights",), order=60, group=INSIGHT
        )
    ]
