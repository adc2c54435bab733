"""Booking pages: book a space, see and cancel one's own bookings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hubro.core.errors import DomainError, NotFound
from hubro.spaces.queries import get_space
from hubro.spaces.views import parse_day

from .actions import cancel_booking, create_booking
from .forms import BookingForm, initial_for
from .queries import get_booking_for, hub_day, past_bookings_of, upcoming_bookings_of


@login_required
def book(request, slug, space_id):
    try:
        space = get_space(space_id)
    except NotFound:
        raise Http404 from None
    if space.hub.slug != slug:
        raise Http404
    if request.method == "POST":
        form = BookingForm(request.POST, space=space, person=request.user)
        if form.is_valid():
            data = form.cleaned_data
            try:
                booking = create_booking(
                    space=space,
                    person=request.user,
                    organization=data["organization"],
                    start=data["start_at"],
                    end=data["end_at"],
                    actor=request.user,
                )
            except DomainError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, str(exc.detail))
            else:
                messages.success(request, _("Booket: %(booking)s.") % {"booking": booking})
                return redirect("bookings:mine")
        day = form.cleaned_data.get("date") if hasattr(form, "cleaned_data") else None
    else:
        day = parse_day(request)
        form = BookingForm(
            initial=initial_for(request, space, day), space=space, person=request.user
        )
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
        },
        status=422 if request.method == "POST" else 200,
    )


@login_required
def my_bookings(request):
    return render(
        request,
        "bookings/mine.html",
        {
            "upcoming": upcoming_bookings_of(request.user),
            "past": past_bookings_of(request.user),
        },
    )


@login_required
@require_POST
def cancel(request, pk):
    try:
        booking = get_booking_for(request.user, pk)
    except NotFound:
        raise Http404 from None
    cancel_booking(booking, actor=request.user)
    messages.success(request, _("Avbestilt: %(booking)s.") % {"booking": booking})
    return redirect("bookings:mine")
