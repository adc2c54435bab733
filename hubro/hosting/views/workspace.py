"""The host's day and week: the list with names, its export, and booking on a person's
behalf, moving and cancelling from it."""

import datetime as dt

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from hubro.core import tabular
from hubro.core.errors import DomainError
from hubro.core.timeutil import when
from hubro.hosting.access import get_booking_at
from hubro.hosting.actions.bookings import (
    book_on_behalf,
    cancel_with_reason,
    member_memberships,
    move,
)
from hubro.hosting.forms import CancelForm, MoveForm, OnBehalfForm
from hubro.hosting.queries.day import EXPORT_HEADER, export_rows, host_days
from hubro.spaces.models import Space

from .common import day_asked_for, host_view, or_404, show_error

WEEK, DAY = "uke", "dag"


def _period(request, view: str):
    day, error = day_asked_for(request)
    if view == WEEK:
        first = day - dt.timedelta(days=day.weekday())
        return day, first, first + dt.timedelta(days=6), error
    return day, day, day, error


def _kind(request) -> str:
    kind = request.GET.get("type", "")
    return kind if kind in Space.Kind.values else ""


def _list(request, hub, view: str):
    day, first, last, error = _period(request, view)
    kind = _kind(request)
    step = dt.timedelta(days=7 if view == WEEK else 1)
    query = {"type": kind} if kind else {}
    return render(
        request,
        "hosting/days.html",
        {
            "hub": hub,
            "view": view,
            "day": day,
            "first": first,
            "last": last,
            "date_error": error,
            "kind": kind,
            "kinds": Space.Kind.choices,
            "query": query,
            "previous": day - step,
            "next": day + step,
            "today": timezone.localdate(),
            "days": host_days(hub, first, last, kind=kind),
        },
    )


@host_view
def today(request, hub):
    return _list(request, hub, DAY)


@host_view
def week(request, hub):
    return _list(request, hub, WEEK)


@host_view
def export(request, hub, view, extension):
    if view not in (DAY, WEEK) or extension not in ("csv", "xlsx"):
        raise Http404
    _day, first, last, _error = _period(request, view)
    days = host_days(hub, first, last, kind=_kind(request))
    name = f"{hub.slug}-{first.isoformat()}" + (f"-{last.isoformat()}" if last != first else "")
    header = [str(title) for title in EXPORT_HEADER]
    if extension == "csv":
        content = tabular.csv_bytes(header, export_rows(days))
    else:
        content = tabular.xlsx_bytes(header, export_rows(days), title=hub.name)
    return tabular.download(content, f"{name}.{extension}")


def _about(booking) -> dict:
    """The words a message about a booking names: its person, space and time."""
    return {
        "person": booking.person.get_full_name(),
        "space": booking.space.name,
        "when": when(booking),
    }


def _back(hub, day) -> str:
    return reverse("hosting:today", args=[hub.slug]) + f"?date={day.isoformat()}"


@host_view
def book(request, hub):
    day, _error = day_asked_for(request)
    initial = {"date": day, "space": request.GET.get("rom") or None}
    form = OnBehalfForm(request.POST or None, hub=hub, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            booking = book_on_behalf(
                hub,
                person=data["email"],
                space=data["space"],
                start=data["start_at"],
                end=data["end_at"],
                organization=data["organization"],
                purpose=data["purpose"],
                show_purpose=data["show_purpose"],
                override=data["override"],
                actor=request.user,
            )
        except DomainError as exc:
            show_error(form, exc)
        else:
            messages.success(
                request, _("Booket for %(person)s: %(space)s, %(when)s.") % _about(booking)
            )
            return redirect(_back(hub, timezone.localtime(booking.start).date()))
    people = (
        member_memberships(hub)
        .order_by("person__name")
        .values_list("person__email", "person__name")
        .distinct()
    )
    return render(
        request,
        "hosting/book.html",
        {"hub": hub, "form": form, "people": people, "day": day},
        status=422 if request.method == "POST" else 200,
    )


def _active_booking(request, hub, pk):
    booking = or_404(get_booking_at, hub, pk)
    if booking.status != booking.Status.CONFIRMED or booking.end <= timezone.now():
        messages.info(request, _("Bookingen er over, avbestilt eller frigitt og kan ikke endres."))
        return booking, redirect(_back(hub, timezone.localtime(booking.start).date()))
    return booking, None


@host_view
def move_view(request, hub, pk):
    booking, done = _active_booking(request, hub, pk)
    if done:
        return done
    start, end = timezone.localtime(booking.start), timezone.localtime(booking.end)
    initial = {
        "space": booking.space,
        "date": start.date(),
        "start": start.time(),
        "end": end.time(),
    }
    form = MoveForm(request.POST or None, hub=hub, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            moved = move(
                hub,
                booking,
                space=data["space"],
                start=data["start_at"],
                end=data["end_at"],
                override=data["override"],
                actor=request.user,
            )
        except DomainError as exc:
            show_error(form, exc)
        else:
            messages.success(
                request, _("Flyttet: %(person)s, %(space)s, %(when)s.") % _about(moved)
            )
            return redirect(_back(hub, timezone.localtime(moved.start).date()))
    return render(
        request,
        "hosting/booking_form.html",
        {
            "hub": hub,
            "booking": booking,
            "form": form,
            "title": _("Flytt booking"),
            "submit": _("Flytt"),
            "back": _back(hub, start.date()),
        },
        status=422 if request.method == "POST" else 200,
    )


@host_view
def cancel_view(request, hub, pk):
    booking, done = _active_booking(request, hub, pk)
    if done:
        return done
    form = CancelForm(request.POST or None)
    day = timezone.localtime(booking.start).date()
    if request.method == "POST" and form.is_valid():
        try:
            cancel_with_reason(
                hub, booking, reason=form.cleaned_data["reason"], actor=request.user
            )
        except DomainError as exc:
            show_error(form, exc)
        else:
            messages.success(
                request,
                _(
                    "Avbestilt: %(person)s, %(space)s, %(when)s. Personen får e-post med"
                    " begrunnelsen."
                )
                % _about(booking),
            )
            return redirect(_back(hub, day))
    return render(
        request,
        "hosting/booking_form.html",
        {
            "hub": hub,
            "booking": booking,
            "form": form,
            "title": _("Avbestill booking"),
            "submit": _("Avbestill og send e-post"),
            "danger": True,
            "back": _back(hub, day),
        },
        status=422 if request.method == "POST" else 200,
    )
