"""Opening hours, closed days and public holidays, and the booking rules."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hubro.bookings.models import BookingRule
from hubro.core.errors import DomainError
from hubro.core.timeutil import format_day
from hubro.hosting.access import get_closed_day_at, get_rule_at
from hubro.hosting.actions import calendar as actions
from hubro.hosting.actions.hub import set_observe_holidays
from hubro.hosting.forms import ClosedDayForm, HolidaysForm, OpeningHoursForm, RuleForm
from hubro.spaces.models import norwegian_holidays

from .common import host_view, or_404, show_error


def _holidays_ahead(count=8):
    today = timezone.localdate()
    days = {**norwegian_holidays(today.year), **norwegian_holidays(today.year + 1)}
    return sorted((day, name) for day, name in days.items() if day >= today)[:count]


@host_view
def hours(request, hub):
    posted = request.POST if request.method == "POST" else None
    hours_form = OpeningHoursForm(posted if posted and "hours" in posted else None, hub=hub)
    closed_form = ClosedDayForm(posted if posted and "closed" in posted else None)
    holidays_form = HolidaysForm(
        posted if posted and "holidays" in posted else None,
        initial={"observe_public_holidays": hub.observe_public_holidays},
    )
    if posted:
        try:
            if "hours" in posted and hours_form.is_valid():
                actions.set_opening_hours(
                    hub, hours_form.cleaned_data["hours"], actor=request.user
                )
                messages.success(request, _("Åpningstidene er lagret."))
                return redirect("hosting:hours", slug=hub.slug)
            if "closed" in posted and closed_form.is_valid():
                closed = actions.add_closed_day(
                    hub, **closed_form.cleaned_data, actor=request.user
                )
                messages.success(
                    request,
                    _("Stengt dag lagt til: %(date)s.")
                    % {"date": format_day(closed.date, "medium")},
                )
                return redirect("hosting:hours", slug=hub.slug)
            if "holidays" in posted and holidays_form.is_valid():
                set_observe_holidays(
                    hub, holidays_form.cleaned_data["observe_public_holidays"], actor=request.user
                )
                messages.success(request, _("Innstillingen for helligdager er lagret."))
                return redirect("hosting:hours", slug=hub.slug)
        except DomainError as exc:
            show_error(hours_form if "hours" in posted else closed_form, exc)
    return render(
        request,
        "hosting/hours.html",
        {
            "hub": hub,
            "hours_form": hours_form,
            "closed_form": closed_form,
            "holidays_form": holidays_form,
            "closed_days": hub.closed_days.filter(date__gte=timezone.localdate()).order_by("date"),
            "holidays": _holidays_ahead(),
        },
        status=422 if posted else 200,
    )


@host_view
@require_POST
def closed_day_delete(request, hub, pk):
    closed = or_404(get_closed_day_at, hub, pk)
    actions.remove_closed_day(closed, actor=request.user)
    messages.success(
        request, _("Huben er åpen igjen %(date)s.") % {"date": format_day(closed.date, "medium")}
    )
    return redirect("hosting:hours", slug=hub.slug)


@host_view
def rules(request, hub):
    existing = list(BookingRule.objects.filter(hub=hub).order_by("space_kind"))
    editing = None
    if request.GET.get("regel"):
        editing = or_404(get_rule_at, hub, request.GET["regel"])
    form = RuleForm(request.POST or None, instance=editing)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            actions.save_rule(hub, values, rule=editing, actor=request.user)
        except DomainError as exc:
            show_error(form, exc)
        else:
            messages.success(request, _("Regelen er lagret."))
            return redirect("hosting:rules", slug=hub.slug)
    return render(
        request,
        "hosting/rules.html",
        {"hub": hub, "rules": existing, "form": form, "editing": editing},
        status=422 if request.method == "POST" else 200,
    )


@host_view
@require_POST
def rule_delete(request, hub, pk):
    rule = or_404(get_rule_at, hub, pk)
    actions.delete_rule(rule, actor=request.user)
    messages.success(request, _("Regelen er fjernet."))
    return redirect("hosting:rules", slug=hub.slug)
