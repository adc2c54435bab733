"""The hub's details, photo and settings, the QR sheet and the lobby screen's address."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hubro.bookings.checkin_views import qr_svg, space_checkin_url
from hubro.core.errors import DomainError, NotFound
from hubro.core.links import absolute_url
from hubro.hosting.actions import hub as actions
from hubro.hosting.forms import HubDetailsForm, PhotoForm, SettingsForm
from hubro.insights.actions import set_statistics_audience
from hubro.insights.models import StatisticsSetting
from hubro.spaces.queries import active_spaces, get_hub

from .common import host_view, show_error


@host_view
def details(request, hub):
    initial = {"name": hub.name, "address": hub.address, "description": hub.description}
    form = HubDetailsForm(request.POST if "details" in request.POST else None, initial=initial)
    photo_form = PhotoForm(
        request.POST if "upload_photo" in request.POST else None,
        request.FILES if "upload_photo" in request.POST else None,
        initial={"photo_alt": hub.photo_alt},
    )
    if request.method == "POST":
        done = False
        if "remove_photo" in request.POST:
            actions.remove_photo(hub, actor=request.user)
            messages.success(request, _("Bildet er fjernet."))
            done = True
        elif "details" in request.POST and form.is_valid():
            try:
                actions.update_details(hub, **form.cleaned_data, actor=request.user)
            except DomainError as exc:
                show_error(form, exc)
            else:
                messages.success(request, _("Opplysningene er lagret."))
                done = True
        elif "upload_photo" in request.POST and photo_form.is_valid():
            try:
                actions.set_photo(
                    hub,
                    photo_form.cleaned_data["photo"],
                    alt=photo_form.cleaned_data["photo_alt"],
                    actor=request.user,
                )
            except DomainError as exc:
                show_error(photo_form, exc)
            else:
                messages.success(request, _("Bildet er lagret."))
                done = True
        if done:
            return redirect("hosting:details", slug=hub.slug)
    return render(
        request,
        "hosting/details.html",
        {"hub": hub, "form": form, "photo_form": photo_form},
        status=422 if request.method == "POST" else 200,
    )


@login_required
def photo(request, slug):
    """The hub's photo, for everyone signed in (it is shown on the hub's page)."""
    try:
        hub = get_hub(slug)
    except NotFound:
        raise Http404 from None
    if not hub.photo:
        raise Http404
    try:
        handle = hub.photo.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type="image/jpeg")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=3600"
    return response


def _audience(hub) -> str:
    setting = StatisticsSetting.objects.filter(hub=hub).first()
    return setting.audience if setting else StatisticsSetting.DEFAULT


@host_view
def settings_view(request, hub):
    initial = {
        "release_no_shows": hub.release_no_shows,
        "checkin_opens_before": hub.checkin_opens_before,
        "checkin_closes_after": hub.checkin_closes_after,
        "statistics": _audience(hub),
    }
    form = SettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.update_settings(
                hub,
                release_no_shows=data["release_no_shows"],
                checkin_opens_before=data["checkin_opens_before"],
                checkin_closes_after=data["checkin_closes_after"],
                actor=request.user,
            )
            if data["statistics"] != _audience(hub):
                set_statistics_audience(hub, data["statistics"], actor=request.user)
        except DomainError as exc:
            show_error(form, exc)
        else:
            messages.success(request, _("Innstillingene er lagret."))
            return redirect("hosting:settings", slug=hub.slug)
    return render(
        request,
        "hosting/settings.html",
        {"hub": hub, "form": form},
        status=422 if request.method == "POST" else 200,
    )


@host_view
def qr_sheet(request, hub):
    codes = []
    for space in active_spaces(hub):
        url = space_checkin_url(space)
        label = _("QR-kode for innsjekking på %(space)s") % {"space": space.name}
        codes.append({"space": space, "url": url, "svg": qr_svg(url, label)})
    return render(request, "hosting/qr.html", {"hub": hub, "codes": codes})


def lobby_url(hub) -> str:
    if not hub.lobby_secret:
        return ""
    return absolute_url(reverse("lobby", args=[hub.lobby_secret]))


@host_view
def lobby_settings(request, hub):
    return render(request, "hosting/lobby_settings.html", {"hub": hub, "url": lobby_url(hub)})


@host_view
@require_POST
def lobby_renew(request, hub):
    if "off" in request.POST:
        actions.turn_off_lobby(hub, actor=request.user)
        messages.success(request, _("Skjermadressen er slått av. Skjermen viser ingenting nå."))
    else:
        actions.renew_lobby_secret(hub, actor=request.user)
        messages.success(
            request, _("Skjermen har fått ny adresse. Den gamle adressen virker ikke lenger.")
        )
    return redirect("hosting:lobby_settings", slug=hub.slug)
