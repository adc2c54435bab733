from django.urls import reverse
from django.utils.translation import gettext as _

from hubro.core.models import Membership
from hubro.core.navigation import INSIGHT, NavItem
from hubro.programme.queries import visible_programmes

from .models import ProgrammeRequest


def items(request):
    """ "Forespørsler" for a coordinator of an agency that a pilot has asked something,
    when they do not take part in the programme (participants reach the requests from
    the programme page, under "Program")."""
    user = request.user
    if not (user.is_authenticated and user.is_active):
        return []
    coordinated = Membership.objects.filter(
        person=user, role=Membership.Role.COORDINATOR
    ).values_list("organization_id", flat=True)
    if not ProgrammeRequest.objects.filter(addressee_id__in=coordinated).exists():
        return []
    if visible_programmes(user).exists():
        return []
    return [
        NavItem(
            _("Forespørsler"), reverse("followup:requests"), ("followup",), order=71, group=INSIGHT
        )
    ]
