"""«Hvem er her»: the page for a hub and a day."""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from hubro.core.errors import Invalid, NotFound
from hubro.insights.privacy import threshold
from hubro.insights.visibility import PresenceHidden, presence_days, presence_level
from hubro.spaces.queries import get_hub
from hubro.spaces.views import parse_day

from .presence import presence


@login_required
def presence_page(request, slug):
    try:
        hub = get_hub(slug)
    except NotFound:
        raise Http404 from None
    day = parse_day(request)
    context = {
        "hub": hub,
        "day": day,
        "today": timezone.localdate(),
        "previous_day": day - dt.timedelta(days=1),
        "next_day": day + dt.timedelta(days=1),
        "threshold": threshold(),
    }
    try:
        context["presence"] = presence(hub, day, viewer=request.user)
    except PresenceHidden as exc:
        return render(request, "bookings/presence.html", {**context, "refused": exc}, status=403)
    except Invalid as exc:
        # Outside the days the viewer may ask for: say which, keep the page.
        first, last = presence_days(presence_level(request.user, hub))
        context.update(refused=exc, first_day=first, last_day=last)
        return render(request, "bookings/presence.html", context, status=422)
    presence_ = context["presence"]
    context["first_day"], context["last_day"] = presence_.first_day, presence_.last_day
    return render(request, "bookings/presence.html", context)
