"""Survey pages: the host's list, new survey, questions and sending; results; and the
recipient's answer page (no sign-in: the one-time link is the key)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from hubro.core.errors import Conflict, DomainError, NotFound

from .access import hosted_hubs, may_manage
from .actions import (
    add_question,
    create_survey,
    invite_for_token,
    remove_question,
    send_survey,
    set_text_approved,
    submit_answers,
)
from .forms import AnswerForm, QuestionForm, SendForm, SurveyForm
from .queries import get_survey_for, results_threshold, survey_results, surveys_for


def _survey_or_404(request, pk):
    try:
        return get_survey_for(request.user, pk)
    except NotFound:
        raise Http404 from None


def _apply(form, call):
    """Run the action; its error goes on the form. Returns the result, or None."""
    try:
        return call() or True
    except DomainError as exc:
        form.add_error(exc.field if exc.field in form.fields else None, str(exc.detail))
        return None


@login_required
def survey_list(request):
    return render(
        request,
        "surveys/list.html",
        {
            "surveys": surveys_for(request.user),
            "may_create": hosted_hubs(request.user).exists(),
        },
    )


@login_required
def survey_create(request):
    if not hosted_hubs(request.user).exists():
        raise Http404
    form = SurveyForm(request.POST if request.method == "POST" else None, actor=request.user)
    if request.method == "POST" and form.is_valid():
        survey = _apply(form, lambda: create_survey(actor=request.user, **form.cleaned_data))
        if survey:
            messages.success(
                request, _("Undersøkelsen er laget. Se over spørsmålene før du sender.")
            )
            return redirect("surveys:detail", pk=survey.pk)
    return render(request, "surveys/form.html", {"form": form}, status=422 if form.errors else 200)


@login_required
def survey_detail(request, pk):
    survey = _survey_or_404(request, pk)
    manages = may_manage(request.user, survey)
    if not manages:
        return redirect("surveys:results", pk=survey.pk)
    question_form = QuestionForm(prefix="question")
    send_form = SendForm(prefix="send")
    status = 200
    if request.method == "POST":
        if "remove" in request.POST:
            try:
                remove_question(survey, request.POST.get("remove"), actor=request.user)
            except (DomainError, ValueError):
                raise Http404 from None
            messages.success(request, _("Spørsmålet er fjernet."))
            return redirect("surveys:detail", pk=survey.pk)
        if "add" in request.POST:
            question_form = QuestionForm(request.POST, prefix="question")
            if question_form.is_valid() and _apply(
                question_form,
                lambda: add_question(survey, actor=request.user, **question_form.cleaned_data),
            ):
                messages.success(request, _("Spørsmålet er lagt til."))
                return redirect("surveys:detail", pk=survey.pk)
        if "send" in request.POST:
            send_form = SendForm(request.POST, prefix="send")
            if send_form.is_valid():
                sent = _apply(
                    send_form,
                    lambda: send_survey(survey, actor=request.user, **send_form.cleaned_data),
                )
                if sent:
                    messages.success(
                        request,
                        _("Undersøkelsen er sendt til %(n)s personer.") % {"n": survey.recipients},
                    )
                    return redirect("surveys:detail", pk=survey.pk)
        status = 422
    return render(
        request,
        "surveys/detail.html",
        {
            "survey": survey,
            "questions": survey.questions.all(),
            "question_form": question_form,
            "send_form": send_form,
            "answered": survey.responses.count(),
        },
        status=status,
    )


@login_required
def survey_results_page(request, pk):
    survey = _survey_or_404(request, pk)
    manages = may_manage(request.user, survey)
    if request.method == "POST":
        if not manages:
            raise Http404
        approve = request.POST.get("approve")
        withdraw = request.POST.get("withdraw")
        try:
            set_text_approved(
                survey, approve or withdraw, actor=request.user, approved=bool(approve)
            )
        except (DomainError, ValueError):
            raise Http404 from None
        messages.success(
            request, _("Svaret vises nå med resultatene.") if approve else _("Svaret er skjult.")
        )
        return redirect("surveys:results", pk=survey.pk)
    return render(
        request,
        "surveys/results.html",
        {
            "survey": survey,
            "manages": manages,
            "results": survey_results(survey, request.user),
            "answered": survey.responses.count(),
            "threshold": results_threshold(),
        },
    )


@never_cache
def answer(request, token):
    try:
        invite = invite_for_token(token)
    except NotFound as exc:
        return render(request, "surveys/answer_done.html", {"message": exc.detail}, status=404)
    survey = invite.survey
    if invite.answered:
        return render(
            request,
            "surveys/answer_done.html",
            {
                "survey": survey,
                "message": _("Du har allerede svart på denne undersøkelsen. Takk!"),
            },
        )
    if not survey.is_open:
        return render(
            request,
            "surveys/answer_done.html",
            {"survey": survey, "message": _("Undersøkelsen er avsluttet.")},
            status=410,
        )
    questions = list(survey.questions.all())
    form = AnswerForm(request.POST if request.method == "POST" else None, questions=questions)
    if request.method == "POST" and form.is_valid():
        try:
            submit_answers(token, form.answers())
        except Conflict as exc:
            return render(
                request, "surveys/answer_done.html", {"survey": survey, "message": exc.detail}
            )
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, str(exc.detail))
        else:
            return render(
                request,
                "surveys/answer_done.html",
                {"survey": survey, "message": _("Takk for svaret!"), "thanks": True},
            )
    return render(
        request,
        "surveys/answer.html",
        {"survey": survey, "form": form},
        status=422 if form.errors else 200,
    )
