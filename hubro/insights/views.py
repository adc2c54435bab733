"""Insight pages: the dashboard per scope, the printable period report, exports, the
definitions and the hosts' statistics setting."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from hubro.core.errors import DomainError, NotFound
from hubro.core.permissions import is_host
from hubro.spaces.models import Hub

from . import beside, exports
from .actions import set_statistics_audience
from .cards import goal_cards, is_running
from .charts import chart_for
from .definitions import DEFINITIONS, GOALS, PERSON_DAY, PRESENT
from .forms import PeriodForm, StatisticsSettingForm
from .indicators import compute_for, previous_period, resolve_scope
from .knowledge import goal5_evidence
from .models import StatisticsSetting
from .privacy import threshold
from .tables import build_tables
from .visibility import NoVisibleHubs


def _report(request):
    """Parse the scope and period; (form, context) — context is None on bad input."""
    data = request.GET.copy()
    data.setdefault("scope", "all")
    data.setdefault("period", "year")
    form = PeriodForm(data, viewer=request.user)
    if not form.is_valid():
        return form, None
    try:
        scope = resolve_scope(form.cleaned_data["scope"], request.user)
    except NotFound:
        raise Http404 from None
    except NoVisibleHubs as exc:
        # Said in words, never summed to zeros (visibility.py).
        return form, {"no_hubs": str(exc.detail)}
    start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    try:
        figures = compute_for(scope, start, end)
    except DomainError as exc:
        form.add_error(None, str(exc.detail))
        return form, None
    today = timezone.localdate()
    month = today.replace(day=1)
    running = f"{month:%Y-%m}" if start <= today <= end and is_running(month, today) else ""
    tables = build_tables(figures, running=running)
    for table in tables:
        table.svg = chart_for(table)
    query = urlencode({"scope": scope.key, "period": "custom", "start": start, "end": end})
    prev_start, prev_end = previous_period(start, end)
    return form, {
        "scope": scope,
        "figures": figures,
        "start": start,
        "end": end,
        "today": today,
        "period_running": end >= today,
        "previous_start": prev_start,
        "previous_end": prev_end,
        "tables": tables,
        "goals": GOALS,
        "operations_title": GOALS[None],
        "query": query,
        "threshold": threshold(),
        "suppressed_any": any(figure.suppressed for figure in figures),
        "beside": beside.sections(scope, start, end),
        "coverage": scope.coverage,
        "perturbed": not scope.person_rights,
    }


def _with_cards(request, context):
    """The goal cards at the top of the dashboard and the report (not the exports)."""
    scope, start, end = context["scope"], context["start"], context["end"]
    evidence = goal5_evidence(request.user, scope, start, end, context["previous_end"])
    context["cards"] = goal_cards(
        scope, context["figures"], start, end, context["today"], evidence=evidence
    )
    return context


@login_required
def dashboard(request):
    form, context = _report(request)
    if context and "no_hubs" not in context:
        _with_cards(request, context)
    return render(
        request,
        "insights/dashboard.html",
        {"form": form, **(context or {})},
        status=200 if context and "no_hubs" not in context else 422,
    )


@login_required
def report(request):
    form, context = _report(request)
    if context is None or "no_hubs" in context:
        return render(
            request, "insights/dashboard.html", {"form": form, **(context or {})}, status=422
        )
    return render(request, "insights/report.html", {"form": form, **_with_cards(request, context)})


@login_required
def export(request, table_id, fmt):
    form, context = _report(request)
    if context is None or "no_hubs" in context:
        return render(
            request, "insights/dashboard.html", {"form": form, **(context or {})}, status=422
        )
    table = next((t for t in context["tables"] if t.id == table_id), None)
    if table is None:
        raise Http404
    name = f"hubro-{table.id}-{context['start']:%Y%m%d}-{context['end']:%Y%m%d}"
    note = exports.coverage_note(context["coverage"], context["perturbed"])
    if fmt == "xlsx":
        return exports.as_xlsx(table, name, note)
    return exports.as_csv(table, name, note)


@login_required
def definitions(request):
    by_goal = {}
    for definition in DEFINITIONS:
        by_goal.setdefault(definition.goal, []).append(definition)
    return render(
        request,
        "insights/definitions.html",
        {
            "sections": [(GOALS[goal], items) for goal, items in by_goal.items()],
            "present": PRESENT,
            "person_day": PERSON_DAY,
            "threshold": threshold(),
        },
    )


@login_required
def hub_setting(request, slug):
    hub = Hub.objects.filter(slug=slug).first()
    if hub is None or not is_host(request.user, hub):
        raise Http404
    current = getattr(hub, "statistics_setting", None)
    audience = current.audience if current else StatisticsSetting.DEFAULT
    if request.method == "POST":
        form = StatisticsSettingForm(request.POST)
        if form.is_valid():
            set_statistics_audience(hub, form.cleaned_data["audience"], actor=request.user)
            messages.success(request, _("Innstillingen er lagret."))
            return redirect("insights:hub_setting", slug=hub.slug)
    else:
        form = StatisticsSettingForm(initial={"audience": audience})
    return render(request, "insights/setting.html", {"hub": hub, "form": form})
