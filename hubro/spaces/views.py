"""Hub pages: the list, a hub's day, and the hub's audit log for its hosts."""

import datetime as dt
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from hubro.bookings.queries import hub_day as hub_day_query
from hubro.core.errors import NotFound
from hubro.core.permissions import is_host

from .models import SpaceFeature
from .queries import get_hub, hubs_for_list, spaces_with
from .timeline import build_timeline

# The day view accepts these days; see day_asked_for.
FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2999, 12, 31)


def _hub_or_404(slug):
    try:
        return get_hub(slug)
    except NotFound:
        raise Http404 from None


def parse_day(request, param="date") -> dt.date:
    """The day asked for in the query string, or today; a bad value is explained."""
    raw = request.GET.get(param, "")
    if raw:
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            messages.error(
                request, _("«%(value)s» er ikke en dato. Viser i dag.") % {"value": raw}
            )
    return timezone.localdate()


# Visitors see the hubs too (issue 15): spaces, opening hours and free or busy times,
# never who booked.
def hub_list(request):
    return render(request, "spaces/hub_list.html", {"hubs": hubs_for_list()})


def day_asked_for(request) -> tuple[dt.date, str]:
    """The day in ?date=, or today with a message saying why the value was not used.
    The message is shown inside #day, so that an htmx swap shows it too."""
    raw = request.GET.get("date", "")
    today = timezone.localdate()
    if not raw:
        return today, ""
    try:
        day = dt.date.fromisoformat(raw)
    except ValueError:
        return today, _("«%(value)s» er ikke en dato. Viser i dag.") % {"value": raw}
    if not FIRST_DAY <= day <= LAST_DAY:
        # Far-off years overflow when converted to UTC and help nobody.
        return today, _("Velg en dato mellom år %(first)s og %(last)s. Viser i dag.") % {
            "first": FIRST_DAY.year,
            "last": LAST_DAY.year,
        }
    return day, ""


def features_asked_for(request) -> list[str]:
    """The features in ``?utstyr=`` (repeated), known codes only, in vocabulary order."""
    asked = set(request.GET.getlist("utstyr"))
    return [code for code in SpaceFeature.Feature.values if code in asked]


def hub_day(request, slug):
    hub = _hub_or_404(slug)
    day, date_error = day_asked_for(request)
    interval = hub.open_interval(day)
    features = features_asked_for(request)
    spaces = spaces_with(hub, features)
    timeline = build_timeline(
        hub_day_query(hub, day, spaces=spaces),
        interval,
        show_purposes=request.user.is_authenticated,
    )
    context = {
        "hub": hub,
        "day": day,
        "date_error": date_error,
        "today": timezone.localdate(),
        "previous_day": day - dt.timedelta(days=1),
        "next_day": day + dt.timedelta(days=1),
        "interval": interval,
        "closure": hub.closure(day) if interval is None else None,
        "timeline": timeline,
        "groups": timeline.groups,
        "can_manage": is_host(request.user, hub),
        "features": features,
        "feature_choices": SpaceFeature.Feature.choices,
        "feature_query": urlencode([("utstyr", code) for code in features]),
    }
    template = "spaces/hub_day.html"
    if request.headers.get("HX-Request"):
        template += "#day"
    return render(request, template, context)


@login_required
def hub_audit_log(request, slug):
    hub = _hub_or_404(slug)
    if not is_host(request.user, hub):
        raise Http404
    entries = hub.audit_entries.select_related("actor").order_by("-at", "-id")
    page = Paginator(entries, 50).get_page(request.GET.get("side"))
    return render(request, "spaces/audit_log.html", {"hub": hub, "page": page})
