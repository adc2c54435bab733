"""Hub pages: the list, a hub's day, and the hub's audit log for its hosts."""

import datetime as dt

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

from .models import Space
from .queries import get_hub, hubs_for_list


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


@login_required
def hub_list(request):
    return render(request, "spaces/hub_list.html", {"hubs": hubs_for_list()})


@login_required
def hub_day(request, slug):
    hub = _hub_or_404(slug)
    day = parse_day(request)
    entries = hub_day_query(hub, day)
    groups = []
    for kind, label in Space.Kind.choices:
        members = [entry for entry in entries if entry.space.kind == kind]
        if members:
            groups.append({"kind": kind, "label": label, "entries": members})
    context = {
        "hub": hub,
        "day": day,
        "today": timezone.localdate(),
        "previous_day": day - dt.timedelta(days=1),
        "next_day": day + dt.timedelta(days=1),
        "interval": hub.open_interval(day),
        "groups": groups,
        "can_manage": is_host(request.user, hub),
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
