from django.urls import reverse
from django.utils.translation import gettext as _

from hubro.core.navigation import INSIGHT, NavItem

from .queries import self_assessment_hubs, visible_programmes


def items(request):
    """ "Program" for those who take part in a programme or may see a hub's
    self-assessment."""
    user = request.user
    if not (visible_programmes(user).exists() or self_assessment_hubs(user).exists()):
        return []
    return [
        NavItem(_("Program"), reverse("programme:index"), ("programme",), order=70, group=INSIGHT)
    ]
