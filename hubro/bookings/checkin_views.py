"""Check-in pages: the page a space's QR code opens and the check-in button. The
hosts' printable sheet of QR codes is in the host's workspace (``hosting``)."""

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hubro.core.errors import DomainError, NotFound
from hubro.core.links import absolute_url
from hubro.core.timeutil import when
from hubro.spaces.queries import get_space

from .checkin import check_in, checkin_candidates, checkin_window, next_checkin
from .queries import get_booking_for


def space_checkin_url(space) -> str:
    """The absolute address a space's QR code points to."""
    return absolute_url(reverse("checkin:space", args=[space.pk]))


def qr_svg(url: str, label: str) -> str:
    """An inline SVG QR code for ``url``, announced to screen readers as ``label``."""
    svg = segno.make(url, error="m").svg_inline(scale=5, border=4, title=label)
    # segno escapes the title; the role makes the <title> the image's accessible name.
    return mark_safe(svg.replace("<svg ", '<svg role="img" focusable="false" ', 1))


@login_required
def space_checkin(request, space_id):
    try:
        space = get_space(space_id)
    except NotFound:
        raise Http404 from None
    now = timezone.now()
    bookings = [
        {"booking": booking, "window": checkin_window(booking)}
        for booking in checkin_candidates(request.user, space, now)
    ]
    upcoming = None if bookings else next_checkin(request.user, space, now)
    return render(
        request,
        "bookings/checkin_space.html",
        {
            "space": space,
            "hub": space.hub,
            "bookings": bookings,
            "upcoming": upcoming,
            "upcoming_window": checkin_window(upcoming) if upcoming else None,
            "today": timezone.localdate(),
        },
    )


@login_required
@require_POST
def checkin(request, pk):
    try:
        booking = get_booking_for(request.user, pk)
    except NotFound:
        raise Http404 from None
    try:
        check_in(booking, actor=request.user)
    except DomainError as exc:
        messages.error(request, str(exc.detail))
    else:
        messages.success(
            request,
            _("Du er sjekket inn: %(space)s, %(when)s.")
            % {"space": booking.space.name, "when": when(booking)},
        )
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("checkin:space", args=[booking.space_id])
    return redirect(target)


def hub_qr(request, slug):
    """The sheet moved to the host's workspace (``hosting:qr``); old links still work."""
    return redirect("hosting:qr", slug=slug, permanent=True)
