"""Follow-up pages: requests (a need in a status report that gets an answer), the
follow-up of assessments' recommendations, and the continuation summary of the pilots'
hubs for the ministry and the evaluators. Permission: ``hubro.programme.access``;
whatever a person may not see answers 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hubro.core.errors import DomainError, NotFound
from hubro.programme import access
from hubro.programme import queries as programme_queries

from . import actions, queries
from .forms import RecommendationForm, ReplyForm, RequestForm
from .models import ProgrammeRequest, Recommendation


def _or_404(fetch, *args):
    try:
        return fetch(*args)
    except NotFound:
        raise Http404 from None


def _show_error(form, exc: DomainError) -> None:
    form.add_error(exc.field if exc.field in form.fields else None, str(exc.detail))


# --- Requests ------------------------------------------------------------------------------


@login_required
def request_list(request):
    status = request.GET.get("status", "open")
    if status not in queries.STATUS_FILTERS:
        status = "open"
    rows = queries.request_list(request.user, status=status)
    owned = [
        p
        for p in programme_queries.visible_programmes(request.user)
        if access.is_owner(request.user, p)
    ]
    return render(
        request,
        "followup/requests.html",
        {
            "rows": rows,
            "status": status,
            "filters": [
                ("open", _("Åpne")),
                ("answered", _("Besvarte")),
                ("closed", _("Lukkede")),
                ("all", _("Alle")),
            ],
            "is_owner": bool(owned),
        },
    )


@login_required
def request_new(request, slug, report_pk):
    pilot = _or_404(programme_queries.get_pilot_for, request.user, slug)
    report = _or_404(programme_queries.get_status_report_for, request.user, report_pk)
    if report.pilot_id != pilot.pk or not access.may_make_request(request.user, pilot):
        raise Http404
    initial = {"body": report.needs}
    form = RequestForm(request.POST or None, initial=initial, programme=pilot.programme)
    if request.method == "POST" and form.is_valid():
        try:
            made = actions.make_request(
                pilot,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                addressee=form.cleaned_data["addressee"],
                status_report=report,
                actor=request.user,
            )
        except DomainError as exc:
            _show_error(form, exc)
        else:
            messages.success(
                request,
                _("Forespørselen er sendt til %(name)s.") % {"name": made.addressee.name},
            )
            return redirect("followup:request", pk=made.pk)
    return render(
        request,
        "followup/request_form.html",
        {"form": form, "pilot": pilot, "report": report},
        status=422 if request.method == "POST" else 200,
    )


@login_required
def request_detail(request, pk):
    item = _or_404(queries.get_request_for, request.user, pk)
    user = request.user
    open_ = item.status != ProgrammeRequest.Status.CLOSED
    may_answer = open_ and access.may_answer_request(user, item)
    form = ReplyForm(request.POST or None, initial={"reply": item.reply}) if may_answer else None
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                actions.answer_request(item, reply=form.cleaned_data["reply"], actor=user)
            except DomainError as exc:
                _show_error(form, exc)
            else:
                messages.success(request, _("Svaret er lagret, og den som spurte får beskjed."))
                return redirect("followup:request", pk=item.pk)
    return render(
        request,
        "followup/request.html",
        {
            "item": item,
            "pilot": item.pilot,
            "age": item.age_days(timezone.now()),
            "form": form,
            "may_close": open_ and access.may_close_request(user, item),
        },
        status=422 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def request_close(request, pk):
    item = _or_404(queries.get_request_for, request.user, pk)
    try:
        actions.close_request(item, actor=request.user)
    except DomainError as exc:
        messages.error(request, str(exc.detail))
    else:
        messages.success(request, _("Forespørselen er lukket."))
    return redirect("followup:request", pk=item.pk)


# --- Recommendations -----------------------------------------------------------------------


@login_required
def assessment_follow_up(request, pk):
    assessment = _or_404(programme_queries.get_assessment_for, request.user, pk)
    items = queries.recommendations_of(assessment)
    return render(
        request,
        "followup/assessment_follow_up.html",
        {
            "assessment": assessment,
            "pilot": assessment.pilot,
            "items": items,
            "may_follow_up": access.may_follow_up_recommendations(request.user, assessment.pilot),
        },
    )


@login_required
def recommendation_edit(request, pk):
    item = _or_404(queries.get_recommendation_for, request.user, pk)
    pilot = item.assessment.pilot
    if not access.may_follow_up_recommendations(request.user, pilot):
        raise Http404
    form = RecommendationForm(
        request.POST or None,
        initial={"response": item.response, "action": item.action, "status": item.status},
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.follow_up_recommendation(item, actor=request.user, **form.cleaned_data)
        except DomainError as exc:
            _show_error(form, exc)
        else:
            messages.success(request, _("Oppfølgingen er lagret."))
            return redirect("followup:assessment", pk=item.assessment_id)
    return render(
        request,
        "followup/recommendation_form.html",
        {"item": item, "assessment": item.assessment, "pilot": pilot, "form": form},
        status=422 if request.method == "POST" else 200,
    )


@login_required
def programme_recommendations(request, slug):
    programme = _or_404(programme_queries.get_programme_for, request.user, slug)
    items = queries.programme_recommendations(request.user, programme)
    counts = queries.status_counts(items)
    return render(
        request,
        "followup/recommendations.html",
        {
            "programme": programme,
            "items": items,
            "counts": [(label, counts[value]) for value, label in Recommendation.Status.choices],
        },
    )


# --- Continuation --------------------------------------------------------------------------


@login_required
def continuation(request, slug):
    programme = _or_404(programme_queries.get_programme_for, request.user, slug)
    today = timezone.localdate()
    rows = _or_404(queries.continuation, request.user, programme)
    return render(
        request,
        "followup/continuation.html",
        {"programme": programme, "rows": rows, "today": today, "next_year": today.year + 1},
    )
