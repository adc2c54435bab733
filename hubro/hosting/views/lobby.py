"""The lobby screen: no sign-in, opened by a secret address the hosts can renew."""

from django.http import Http404
from django.shortcuts import render

from hubro.hosting.queries.lobby import lobby
from hubro.spaces.models import Hub


def lobby_screen(request, secret):
    """Today at the hub, for a screen at the entrance. An unknown or renewed secret is a
    404 that shows nothing of any hub; the page is never cached or indexed, and the
    secret does not leak through the Referer header."""
    hub = Hub.objects.filter(lobby_secret=secret, is_active=True).first() if secret else None
    if hub is None:
        raise Http404
    template = "hosting/lobby.html"
    if request.GET.get("del") == "innhold":
        template += "#screen"
    response = render(request, template, {"lobby": lobby(hub), "hub": hub})
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response
