"""«Hvem er her»: the page for a hub and a day."""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from hubro.core.errors import NotFound
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
        "presence": presence(hub, day, viewer=request.user),
    }
    return render(request, "bookings/presence.html", context)
