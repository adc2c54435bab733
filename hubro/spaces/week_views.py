"""Week pages: a hub's week (every space, day by day) and one space's week."""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from hubro.core.errors import NotFound

from .queries import active_spaces, get_space
from .views import _hub_or_404, day_asked_for
from .week import hub_week, monday_of


def _week_context(request, hub, spaces):
    day, date_error = day_asked_for(request)
    monday = monday_of(day)
    week = hub_week(hub, monday, spaces=spaces)
    return {
        "hub": hub,
        "monday": monday,
        "sunday": monday + dt.timedelta(days=6),
        "previous_week": monday - dt.timedelta(days=7),
        "next_week": monday + dt.timedelta(days=7),
        "date_error": date_error,
        "today": timezone.localdate(),
        "week": week,
        "rows": [
            {"space": space, "days": [(d, d.entries.get(space.pk)) for d in week]}
            for space in spaces
        ],
    }


@login_required
def hub_week_page(request, slug):
    hub = _hub_or_404(slug)
    spaces = list(active_spaces(hub))
    return render(request, "spaces/hub_week.html", _week_context(request, hub, spaces))


@login_required
def space_week_page(request, slug, space_id):
    hub = _hub_or_404(slug)
    try:
        space = get_space(space_id)
    except NotFound:
        raise Http404 from None
    if space.hub_id != hub.pk:
        raise Http404
    context = _week_context(request, hub, [space])
    context["space"] = space
    return render(request, "spaces/space_week.html", context)
