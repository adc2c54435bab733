"""Booking pages: book a space (once or repeated), see and cancel one's own bookings
and series."""

import datetime as dt
import json
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from hubro.core.errors import DomainError, NotFound
from hubro.core.timeutil import when
from hubro.spaces.queries import get_space
from hubro.spaces.views import parse_day

from .actions import cancel_booking, cancel_series, create_booking, create_series, set_favourite
from .checkin import checkin_window
from .forms import BookingForm, SeriesCancelForm, initial_for
from .ical import booking_ics
from .models import Booking
from .queries import (
    favourite_spaces_of,
    get_booking_for,
    hub_day,
    is_favourite,
    past_bookings_of,
    upcoming_bookings_of,
)
from .recurrence import describe, get_series_for, series_of
from .rules import may_override

SKIPPED_KEY = "series-{pk}-skipped"


def _show_error(form, exc: DomainError) -> None:
    form.add_error(exc.field if exc.field in form.fields else None, str(exc.detail))


@login_required
def book(request, slug, space_id):
    try:
        space = get_space(space_id)
    except NotFound:
        raise Http404 from None
    if space.hub.slug != slug:
        raise Http404
    options = {"space": space, "person": request.user}
    options["may_override"] = may_override(request.user, space.hub)
    if request.method == "POST":
        form = BookingForm(request.POST, **options)
        if form.is_valid():
            try:
                return _book(request, space, form.cleaned_data)
            except DomainError as exc:
                _show_error(form, exc)
        day = form.cleaned_data.get("date") if hasattr(form, "cleaned_data") else None
    else:
        day = parse_day(request)
        form = BookingForm(initial=initial_for(request, day), **options)
    day = day or parse_day(request)
    (entry,) = hub_day(space.hub, day, spaces=[space])
    return render(
        request,
        "bookings/book.html",
        {
            "space": space,
            "hub": space.hub,
            "form": form,
            "day": day,
            "entry": entry,
            "interval": space.hub.open_interval(day),
            "repeat_open": _repeat_asked(form),
            "favourite": is_favourite(request.user, space),
            "hours_json": json.dumps(
                {
                    hours.weekday: [f"{hours.opens:%H:%M}", f"{hours.closes:%H:%M}"]
                    for hours in space.hub.opening_hours.all()
                }
            ),
        },
        status=422 if request.method == "POST" else 200,
    )


REPEAT_FIELDS = ("freq", "interval", "weekdays", "until", "count", "on_conflict")


def _repeat_asked(form) -> bool:
    """Whether the folded recurrence section opens: the person asked for a repeat, or
    one of its fields has an error to show."""
    return bool(form.data.get("freq")) or any(name in form.errors for name in REPEAT_FIELDS)


def _book(request, space, data):
    """Make the booking or the series the form asks for; the next page on success."""
    common = {
        "organization": data["organization"],
        "actor": request.user,
        "override": data["override"],
        "purpose": data["purpose"],
        "show_purpose": data["show_purpose"],
    }
    if data["repeat"] is None:
        booking = create_booking(
            space=space, person=request.user, start=data["start_at"], end=data["end_at"], **common
        )
        messages.success(
            request,
            _("Booket: %(space)s, %(when)s.")
            % {"space": booking.space.name, "when": when(booking)},
        )
        return redirect("bookings:detail", pk=booking.pk)
    result = create_series(
        space,
        request.user,
        data["start_at"],
        data["end_at"],
        data["repeat"],
        on_conflict=data["on_conflict"],
        **common,
    )
    # The reasons for skipped dates are not stored; the result page shows them once.
    request.session[SKIPPED_KEY.format(pk=result.series.pk)] = [
        {"start": skipped.start.isoformat(), "code": skipped.code, "detail": skipped.detail}
        for skipped in result.skipped
    ]
    messages.success(
        request,
        ngettext("Booket %(count)s dato.", "Booket %(count)s datoer.", len(result.booked))
        % {"count": len(result.booked)},
    )
    return redirect("bookings:series", pk=result.series.pk)


def _with_checkin(bookings, now):
    """Each booking with whether it can be checked in now (its window is open and it is
    not checked in yet)."""
    rows = []
    for booking in bookings:
        opens, closes = checkin_window(booking)
        rows.append(
            {
                "booking": booking,
                "can_check_in": booking.checked_in_at is None
                and booking.status == Booking.Status.CONFIRMED
                and opens <= now < closes,
                "window": (opens, closes),
            }
        )
    return rows


@login_required
def my_bookings(request):
    now = timezone.now()
    return render(
        request,
        "bookings/mine.html",
        {
            "upcoming": _with_checkin(upcoming_bookings_of(request.user, now=now), now),
            "past": [
                {"booking": booking, "again": again_url(booking)}
                for booking in past_bookings_of(request.user, now=now)
            ],
            "favourites": favourite_spaces_of(request.user),
            "today": timezone.localdate(),
            "series_list": [
                {"series": series, "pattern": describe(series)}
                for series in series_of(request.user)
            ],
        },
    )


def again_url(booking, *, today=None) -> str:
    """The booking page of the same space and times, on the next same weekday from today:
    "book again" on a past booking (or another week of a coming one)."""
    today = today or timezone.localdate()
    start, end = timezone.localtime(booking.start), timezone.localtime(booking.end)
    day = today + dt.timedelta(days=(start.weekday() - today.weekday()) % 7)
    if day == today and start.time() <= timezone.localtime().time():
        day += dt.timedelta(days=7)
    query = urlencode({"date": day.isoformat(), "start": f"{start:%H:%M}", "end": f"{end:%H:%M}"})
    return f"{reverse('bookings:book', args=[booking.space.hub.slug, booking.space_id])}?{query}"


def _booking_or_404(request, pk) -> Booking:
    try:
        return get_booking_for(request.user, pk)
    except NotFound:
        raise Http404 from None


@login_required
def booking_detail(request, pk):
    """One booking: the confirmation page after booking, with check-in, "add to
    calendar", "book again" and cancelling."""
    booking = _booking_or_404(request, pk)
    now = timezone.now()
    (row,) = _with_checkin([booking], now)
    return render(
        request,
        "bookings/detail.html",
        {
            **row,
            "when": when(booking),
            "cancellable": booking.status == Booking.Status.CONFIRMED and booking.end > now,
            "again": again_url(booking),
        },
    )


@login_required
def booking_calendar(request, pk):
    """One booking as an .ics file, for "add to calendar"."""
    booking = _booking_or_404(request, pk)
    response = HttpResponse(booking_ics(booking), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="hubro-booking-{booking.pk}.ics"'
    response["Cache-Control"] = "private, no-cache"
    return response


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return fallback


@login_required
def cancel(request, pk):
    """GET asks "Avbestill ...?"; POST cancels. Without the question a stray click on a
    list would cancel at once."""
    booking = _booking_or_404(request, pk)
    if request.method == "GET":
        return render(
            request,
            "bookings/cancel_confirm.html",
            {
                "booking": booking,
                "when": when(booking),
                "next": _safe_next(request, reverse("bookings:mine")),
                "active": booking.status == booking.Status.CONFIRMED,
            },
        )
    if request.method != "POST":
        return HttpResponseNotAllowed(["GET", "POST"])
    if booking.status != booking.Status.CONFIRMED:
        messages.info(request, _("Bookingen var allerede avbestilt."))
        return redirect("bookings:mine")
    try:
        cancel_booking(booking, actor=request.user)
    except DomainError as exc:
        messages.error(request, str(exc.detail))
        return redirect("bookings:mine")
    messages.success(
        request,
        _("Avbestilt: %(space)s, %(when)s.")
        % {"space": booking.space.name, "when": when(booking)},
    )
    return redirect(_safe_next(request, reverse("bookings:mine")))


def _series_or_404(request, pk):
    try:
        return get_series_for(request.user, pk)
    except NotFound:
        raise Http404 from None


@login_required
def series_detail(request, pk, *, form=None, status=200):
    """A series' dates, what was skipped when it was made, and how to cancel dates."""
    series = _series_or_404(request, pk)
    skipped = request.session.pop(SKIPPED_KEY.format(pk=series.pk), None)
    for entry in skipped or ():
        entry["start"] = timezone.localtime(dt.datetime.fromisoformat(entry["start"]))
    now = timezone.now()
    dates = list(series.bookings.order_by("start"))
    return render(
        request,
        "bookings/series.html",
        {
            "series": series,
            "pattern": describe(series),
            "dates": [
                {
                    "booking": booking,
                    "cancellable": booking.status == Booking.Status.CONFIRMED
                    and booking.end > now,
                }
                for booking in dates
            ],
            "skipped": skipped,
            "form": form or SeriesCancelForm(initial={"from_date": timezone.localdate()}),
            "has_upcoming": any(
                b.status == Booking.Status.CONFIRMED and b.end > now for b in dates
            ),
        },
        status=status,
    )


@login_required
@require_POST
def cancel_series_dates(request, pk):
    """Cancel a range of a series' dates, the rest from a date, or every coming date."""
    series = _series_or_404(request, pk)
    if "rest" in request.POST:
        if not request.POST.get("confirm"):
            messages.error(
                request,
                _(
                    "Kryss av for «Ja, jeg vil avbestille alle kommende datoer» og trykk på "
                    "knappen igjen. Ingenting er avbestilt."
                ),
            )
            return redirect("bookings:series", pk=series.pk)
        cancelled = cancel_series(series, actor=request.user)
    else:
        form = SeriesCancelForm(request.POST)
        if not form.is_valid():
            return series_detail(request, pk, form=form, status=422)
        data = form.cleaned_data
        try:
            cancelled = cancel_series(
                series, from_date=data["from_date"], to_date=data["to_date"], actor=request.user
            )
        except DomainError as exc:
            _show_error(form, exc)
            return series_detail(request, pk, form=form, status=422)
    if cancelled:
        messages.success(
            request,
            ngettext("Avbestilt %(count)s dato.", "Avbestilt %(count)s datoer.", len(cancelled))
            % {"count": len(cancelled)},
        )
    else:
        messages.info(
            request, _("Ingen kommende datoer i serien passet, så ingenting ble endret.")
        )
    return redirect("bookings:series", pk=series.pk)


@login_required
@require_POST
def favourite(request, space_id):
    """Mark or unmark a space as a favourite (``favourite`` = "1" or "0")."""
    try:
        space = get_space(space_id)
    except NotFound:
        raise Http404 from None
    now_favourite = set_favourite(
        request.user, space, favourite=request.POST.get("favourite") == "1"
    )
    if now_favourite:
        messages.success(
            request, _("%(space)s er lagt til i favorittene dine.") % {"space": space.name}
        )
    else:
        messages.success(
            request, _("%(space)s er fjernet fra favorittene dine.") % {"space": space.name}
        )
    return redirect(_safe_next(request, reverse("bookings:mine")))
