"""Pages of the workplace register: municipality, region, agency and hub member pages,
exports, and subscriptions. Register data is public open data (NLOD): visitors who are
not signed in see the register pages and exports too. Subscriptions, and the member
organizations of a hub, need signing in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hubro.core.errors import NotFound
from hubro.core.models import Municipality, Region
from hubro.core.tabular import download
from hubro.spaces.models import Hub

from . import exports
from .actions import subscribe, unsubscribe
from .queries import (
    active_units,
    agencies,
    agency_overview,
    can_subscribe,
    change_rows,
    get_municipality,
    get_region,
    hub_member_register_entries,
    latest_snapshot,
    municipality_overview,
    region_numbers,
    region_overview,
    subscription_for,
    subscriptions_of,
)


def _area(kind, key):
    try:
        if kind == "municipality":
            return get_municipality(key)
        return get_region(key)
    except NotFound:
        raise Http404 from None


def index(request):
    number = request.GET.get("kommune", "").strip()
    if number:
        if Municipality.objects.filter(number=number).exists():
            return redirect("registry:municipality", number)
        messages.error(request, _("Fant ingen kommune med det nummeret."))
    return render(
        request,
        "registry/index.html",
        {
            "snapshot": latest_snapshot(),
            "regions": Region.objects.order_by("name"),
            "municipalities": Municipality.objects.order_by("name"),
            "agencies": agencies(),
            "subscriptions": (
                subscriptions_of(request.user) if request.user.is_authenticated else []
            ),
            "hubs": Hub.objects.filter(is_active=True).order_by("name"),
        },
    )


def _subscription_context(request, **area):
    return {
        "may_subscribe": can_subscribe(request.user, **area),
        "subscription": subscription_for(request.user, **area),
    }


def municipality(request, number):
    place = _area("municipality", number)
    overview = municipality_overview(place)
    return render(
        request,
        "registry/municipality.html",
        {
            "municipality": place,
            "o": overview,
            "change_rows": change_rows(overview["changes"]),
            **_subscription_context(request, municipality=place),
        },
    )


def region(request, slug):
    area = _area("region", slug)
    overview = region_overview(area)
    return render(
        request,
        "registry/region.html",
        {
            "region": area,
            "o": overview,
            "change_rows": change_rows(overview["changes"]),
            **_subscription_context(request, region=area),
        },
    )


def agency(request, orgnr):
    try:
        overview = agency_overview(orgnr)
    except NotFound:
        raise Http404 from None
    return render(
        request,
        "registry/agency.html",
        {
            "o": overview,
            "change_rows": change_rows(overview["changes"]),
        },
    )


@login_required
def hub_members(request, slug):
    hub = Hub.objects.filter(slug=slug).first()
    if hub is None:
        raise Http404
    return render(
        request,
        "registry/hub_members.html",
        {
            "hub": hub,
            "entries": hub_member_register_entries(hub),
            "snapshot": latest_snapshot(),
        },
    )


def _export(units, name, fmt):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    content = exports.as_csv(units) if fmt == "csv" else exports.as_xlsx(units, title=name)
    return download(content, f"statlige-arbeidsplasser-{slugify(name)}.{fmt}")


def municipality_export(request, number, fmt):
    place = _area("municipality", number)
    return _export(list(active_units([place.number])), place.name, fmt)


def region_export(request, slug, fmt):
    area = _area("region", slug)
    return _export(list(active_units(region_numbers(area))), area.name, fmt)


@login_required
@require_POST
def toggle_subscription(request, kind, key):
    area = _area(kind, key)
    options = {kind: area}
    if request.POST.get("action") == "unsubscribe":
        unsubscribe(request.user, **options)
        messages.success(request, _("Du abonnerer ikke lenger på endringer her."))
    else:
        try:
            subscribe(request.user, **options)
        except NotFound:
            raise Http404 from None
        messages.success(
            request,
            _(
                "Du får nå e-post når en statlig enhet her legges ned,"
                " flytter ut eller krymper merkbart."
            ),
        )
    if kind == "municipality":
        return redirect("registry:municipality", area.number)
    return redirect("registry:region", area.slug)
