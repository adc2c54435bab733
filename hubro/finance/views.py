"""Finance pages. Hosts and administrators see and edit a hub's budget, agreements,
keys and coverage; coordinators see their organization's agreements and statements;
anyone else gets a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hubro.core.errors import DomainError, NotFound
from hubro.spaces.models import Hub

from . import actions
from .coverage import costs_by_year, runway, year_coverage
from .explain import explain_line, key_share
from .forms import AgreementForm, CostLineForm, DocumentForm, KeyForm, ParticipantNumbersForm
from .models import Agreement, CostLine, SharingKey
from .queries import (
    coordinated_organizations,
    cost_lines_in_year,
    get_agreement_for,
    get_document_for,
    get_hub_for_host,
    get_statement_party,
    hosted_hubs,
    key_readers_organizations,
    may_edit,
    statements_for,
    visible_agreements,
)
from .sharing import KEY_ORDER
from .statements import build_statement, statement_xlsx


def _host_hub(request, slug):
    try:
        return get_hub_for_host(request.user, slug)
    except NotFound:
        raise Http404 from None


def _show_error(form, exc: DomainError) -> None:
    form.add_error(exc.field if exc.field in form.fields else None, str(exc.detail))


def _year(year: int) -> int:
    if not 2000 <= year <= 2100:
        raise Http404
    return year


@login_required
def index(request):
    hubs = list(hosted_hubs(request.user).order_by("name"))
    agreements = (
        visible_agreements(request.user)
        .filter(organization__in=coordinated_organizations(request.user))
        .select_related("hub", "organization")
        .order_by("hub__name", "starts_on")
    )
    statements = statements_for(request.user)
    if not hubs and not agreements.exists():
        raise Http404
    today = timezone.localdate()
    overview = [(hub, runway(hub, today=today)) for hub in hubs]
    return render(
        request,
        "finance/index.html",
        {"overview": overview, "agreements": agreements, "statements": statements},
    )


@login_required
def hub_overview(request, slug):
    hub = _host_hub(request, slug)
    today = timezone.localdate()
    result = runway(hub, today=today)
    current = year_coverage(hub, today.year)
    payers = {p.organization.pk: p.organization for p in current.shares.participants}
    for agreement in Agreement.objects.filter(hub=hub, organization__isnull=False).exclude(
        status=Agreement.Status.DRAFT
    ):
        if agreement.covers(today.year):
            payers.setdefault(agreement.organization_id, agreement.organization)
    return render(
        request,
        "finance/hub.html",
        {
            "hub": hub,
            "runway": result,
            "today": today,
            "current": current,
            "next_year": today.year + 1,
            "payers": sorted(payers.values(), key=lambda org: org.name),
        },
    )


@login_required
def budget(request, slug, year):
    hub = _host_hub(request, slug)
    year = _year(year)
    form = CostLineForm(request.POST or None, initial={"year": year, "spread_years": 1})
    if request.method == "POST" and form.is_valid():
        try:
            actions.save_cost_line(hub, actor=request.user, **form.cleaned_data)
        except DomainError as exc:
            _show_error(form, exc)
        else:
            messages.success(request, _("Kostnadslinjen er lagret."))
            return redirect("finance:budget", slug=hub.slug, year=year)
    counting = cost_lines_in_year(hub, year)
    lines = [line for line in counting if line.year == year]
    spread_in = [line for line in counting if line.year < year]
    return render(
        request,
        "finance/budget.html",
        {
            "hub": hub,
            "year": year,
            "lines": lines,
            "spread_in": spread_in,
            "total": costs_by_year(hub, [year])[year],
            "planned_total": sum((line.planned for line in lines), 0),
            "form": form,
        },
        status=422 if request.method == "POST" else 200,
    )


def _host_cost_line(request, pk):
    line = CostLine.objects.select_related("hub").filter(pk=pk).first()
    if line is None or not may_edit(request.user, line.hub):
        raise Http404
    return line


@login_required
def cost_line_edit(request, pk):
    line = _host_cost_line(request, pk)
    form = CostLineForm(request.POST or None, instance=line)
    if request.method == "POST" and form.is_valid():
        try:
            actions.save_cost_line(line.hub, actor=request.user, line=line, **form.cleaned_data)
        except DomainError as exc:
            _show_error(form, exc)
        else:
            messages.success(request, _("Kostnadslinjen er endret."))
            return redirect("finance:budget", slug=line.hub.slug, year=line.year)
    return render(
        request,
        "finance/cost_line_form.html",
        {"hub": line.hub, "line": line, "form": form},
        status=422 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def cost_line_delete(request, pk):
    line = _host_cost_line(request, pk)
    hub, year = line.hub, line.year
    actions.delete_cost_line(line, actor=request.user)
    messages.success(request, _("Kostnadslinjen er slettet."))
    return redirect("finance:budget", slug=hub.slug, year=year)


@login_required
def agreements(request, slug):
    hub = _host_hub(request, slug)
    return render(
        request,
        "finance/agreements.html",
        {
            "hub": hub,
            "agreements": Agreement.objects.filter(hub=hub).select_related(
                "organization", "project"
            ),
        },
    )


def _agreement_form_page(request, hub, agreement=None):
    form = AgreementForm(request.POST or None, instance=agreement, hub=hub)
    if request.method == "POST" and form.is_valid():
        try:
            saved = actions.save_agreement(
                hub, actor=request.user, agreement=agreement, **form.cleaned_data
            )
        except DomainError as exc:
            _show_error(form, exc)
        else:
            messages.success(request, _("Avtalen er lagret."))
            return redirect("finance:agreement", pk=saved.pk)
    return render(
        request,
        "finance/agreement_form.html",
        {"hub": hub, "agreement": agreement, "form": form},
        status=422 if request.method == "POST" else 200,
    )


@login_required
def agreement_new(request, slug):
    return _agreement_form_page(request, _host_hub(request, slug))


def _agreement(request, pk):
    try:
        return get_agreement_for(request.user, pk)
    except NotFound:
        raise Http404 from None


@login_required
def agreement_edit(request, pk):
    agreement = _agreement(request, pk)
    if not may_edit(request.user, agreement.hub):
        raise Http404
    return _agreement_form_page(request, agreement.hub, agreement)


@login_required
def agreement_detail(request, pk):
    agreement = _agreement(request, pk)
    editable = may_edit(request.user, agreement.hub)
    form = None
    if editable:
        form = DocumentForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                actions.attach_document(
                    agreement,
                    actor=request.user,
                    title=form.cleaned_data["title"],
                    upload=form.cleaned_data["file"],
                )
            except DomainError as exc:
                _show_error(form, exc)
            else:
                messages.success(request, _("Dokumentet er lastet opp."))
                return redirect("finance:agreement", pk=agreement.pk)
    elif request.method == "POST":
        raise Http404
    return render(
        request,
        "finance/agreement.html",
        {
            "agreement": agreement,
            "hub": agreement.hub,
            "editable": editable,
            "form": form,
            "documents": agreement.documents.all(),
            "explanations": _agreement_explanations(agreement),
        },
        status=422 if request.method == "POST" else 200,
    )


# An agreement page explains at most this many years (each is a full computation).
EXPLAINED_YEARS = 6


def _agreement_explanations(agreement) -> list:
    """(year, explanation) for the agreement's years, up to ``EXPLAINED_YEARS`` from the
    current year on (or its first years, for an agreement that has ended)."""
    if agreement.status == Agreement.Status.DRAFT:
        return []
    years = list(agreement.years)
    this_year = timezone.localdate().year
    start = next((i for i, year in enumerate(years) if year >= this_year), 0)
    result = []
    for year in years[start : start + EXPLAINED_YEARS]:
        coverage = year_coverage(agreement.hub, year)
        amount = coverage.income_by_agreement.get(agreement.pk)
        if amount is None:
            continue
        explanation = explain_line(
            agreement, amount, year, coverage.shares, agreement.organization
        )
        result.append((year, explanation))
    return result


@login_required
@require_POST
def agreement_delete(request, pk):
    agreement = _agreement(request, pk)
    if not may_edit(request.user, agreement.hub):
        raise Http404
    hub = agreement.hub
    actions.delete_agreement(agreement, actor=request.user)
    messages.success(request, _("Avtalen er slettet."))
    return redirect("finance:agreements", slug=hub.slug)


@login_required
def document(request, pk):
    try:
        doc = get_document_for(request.user, pk)
    except NotFound:
        raise Http404 from None
    try:
        handle = doc.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="avtale-{doc.agreement_id}-{doc.pk}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def document_delete(request, pk):
    try:
        doc = get_document_for(request.user, pk)
    except NotFound:
        raise Http404 from None
    if not may_edit(request.user, doc.agreement.hub):
        raise Http404
    agreement_pk = doc.agreement_id
    actions.delete_document(doc, actor=request.user)
    messages.success(request, _("Dokumentet er slettet."))
    return redirect("finance:agreement", pk=agreement_pk)


USAGE_KEYS = {SharingKey.Kind.USAGE, SharingKey.Kind.BASE_USAGE}


def _key_readers_page(request, slug, year):
    """The key page for coordinators who pay under the key: read only, every sharing
    organization's basis and share under the chosen key, their own marked."""
    hub = Hub.objects.filter(slug=slug).first()
    own = key_readers_organizations(request.user, hub, year) if hub else []
    if not own:
        raise Http404
    coverage = year_coverage(hub, year)
    shares = coverage.shares
    own_pks = {org.pk for org in own}
    rows = [
        (participant.organization, key_share(shares, participant.organization))
        for participant in shares.participants
    ]
    # Under a key by use, another organization's basis is its person-days in the hub,
    # and its amount gives them back: statistics about its people that this reader may
    # not see (docs/privacy.md). They see their own row and the others only together.
    others = None
    if shares.chosen in USAGE_KEYS:
        theirs = [(org, ks) for org, ks in rows if org.pk not in own_pks]
        rows = [(org, ks) for org, ks in rows if org.pk in own_pks]
        if theirs:
            others = {
                "count": len(theirs),
                "basis": sum(ks.own_basis for _, ks in theirs),
                "amount": sum(ks.amount for _, ks in theirs),
            }
    return render(
        request,
        "finance/keys_read.html",
        {
            "hub": hub,
            "year": year,
            "shares": shares,
            "chosen_label": SharingKey.Kind(shares.chosen).label if shares.chosen else "",
            "rows": rows,
            "others": others,
            "own": own_pks,
        },
    )


@login_required
def keys(request, slug, year):
    year = _year(year)
    if not hosted_hubs(request.user).filter(slug=slug).exists():
        if request.method != "GET":
            raise Http404
        return _key_readers_page(request, slug, year)
    hub = _host_hub(request, slug)
    key_form = KeyForm(request.POST if "set_up" in request.POST else None)
    coverage = year_coverage(hub, year, all_keys=True)
    numbers_form = ParticipantNumbersForm(
        request.POST if "numbers" in request.POST else None,
        participants=coverage.shares.participants,
    )
    if request.method == "POST":
        try:
            done = _keys_post(request, hub, year, key_form, numbers_form)
        except DomainError as exc:
            messages.error(request, str(exc.detail))
            done = True
        if done:
            return redirect("finance:keys", slug=hub.slug, year=year)
    shares = coverage.shares
    table = []
    for index, participant in enumerate(shares.participants):
        cells = [(kind, shares.shares[kind][index]) for kind in KEY_ORDER]
        table.append((participant, cells))
    kinds = [(kind, SharingKey.Kind(kind).label, shares.keys.get(kind)) for kind in KEY_ORDER]
    return render(
        request,
        "finance/keys.html",
        {
            "hub": hub,
            "year": year,
            "coverage": coverage,
            "shares": shares,
            "kinds": kinds,
            "table": table,
            "key_form": key_form,
            "numbers_form": numbers_form,
        },
        status=422 if request.method == "POST" else 200,
    )


def _keys_post(request, hub, year, key_form, numbers_form) -> bool:
    """Handle one of the key page's forms; True when done (redirect)."""
    user = request.user
    if "choose" in request.POST:
        actions.choose_key(hub, year, request.POST["choose"], actor=user)
        messages.success(request, _("Fordelingsnøkkelen for året er valgt."))
        return True
    if "remove" in request.POST:
        key = SharingKey.objects.filter(hub=hub, year=year, kind=request.POST["remove"]).first()
        if key:
            actions.remove_key(key, actor=user)
        messages.success(request, _("Nøkkelen er fjernet."))
        return True
    if "set_up" in request.POST:
        if not key_form.is_valid():
            return False
        actions.set_up_key(
            hub,
            year,
            key_form.cleaned_data["kind"],
            actor=user,
            base_percent=key_form.cleaned_data["base_percent"],
        )
        messages.success(request, _("Nøkkelen er satt opp."))
        return True
    if "numbers" in request.POST:
        if not numbers_form.is_valid():
            return False
        for participant in numbers_form.participants:
            org = participant.organization
            actions.set_fixed_share(
                hub, year, org, numbers_form.cleaned_data[f"weight_{org.pk}"], actor=user
            )
            actions.set_employee_count(
                hub, year, org, numbers_form.cleaned_data[f"employees_{org.pk}"], actor=user
            )
        messages.success(request, _("Tallene er lagret."))
        return True
    return False


def _statement(request, slug, year, orgnr):
    try:
        hub, organization = get_statement_party(request.user, slug, _year(year), orgnr)
    except NotFound:
        raise Http404 from None
    language = request.GET.get("lang") or None
    if language not in (None, "nb", "nn", "en"):
        language = None
    return hub, organization, build_statement(hub, organization, year, language=language)


@login_required
def statement(request, slug, year, orgnr):
    hub, organization, result = _statement(request, slug, year, orgnr)
    from django.utils import translation

    with translation.override(result.language):
        return render(
            request,
            "finance/statement.html",
            {"hub": hub, "organization": organization, "statement": result},
        )


@login_required
def statement_xlsx_view(request, slug, year, orgnr):
    hub, organization, result = _statement(request, slug, year, orgnr)
    response = HttpResponse(
        statement_xlsx(result),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="oppgjor-{hub.slug}-{year}-{organization.orgnr}.xlsx"'
    )
    return response
