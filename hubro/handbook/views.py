"""Handbook pages: search and filter lessons, read one, write and publish, one's own
drafts, the "starting a new hub" page and the printable export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hubro.core.errors import DomainError, NotFound

from .access import Forbidden, may_edit, may_publish
from .actions import FIELDS, create_lesson, delete_draft, publish_lesson, update_lesson
from .forms import LessonForm, LessonSearchForm
from .queries import (
    checklist,
    drafts_of,
    filter_lessons,
    get_lesson_for,
    handbook_by_theme,
    search_lessons,
    self_assessment_links,
    sources_of,
    starter_lessons,
)


def _lesson_or_404(request, pk):
    try:
        return get_lesson_for(request.user, pk)
    except NotFound:
        raise Http404 from None


def index(request):
    form = LessonSearchForm(request.GET or None)
    values = form.values() if request.GET else {}
    lessons = search_lessons(values.get("q", ""), viewer=request.user)
    lessons = filter_lessons(lessons, **{k: v for k, v in values.items() if k != "q"})
    return render(
        request,
        "handbook/index.html",
        {
            "form": form,
            "lessons": lessons,
            "searched": bool(values.get("q")),
            "query": values.get("q", ""),
            "filtered": any(values.values()),
            "drafts_count": drafts_of(request.user).count(),
        },
    )


def detail(request, pk):
    lesson = _lesson_or_404(request, pk)
    return render(
        request,
        "handbook/detail.html",
        {
            "lesson": lesson,
            "sources": sources_of(lesson, viewer=request.user),
            "may_edit": may_edit(request.user, lesson),
            "may_publish": may_publish(request.user),
        },
    )


def _show_error(form, exc: DomainError) -> None:
    form.add_error(exc.field if exc.field in form.fields else None, str(exc.detail))


def _save(request, form, lesson=None):
    """Create or update from a valid form; the next page, or None after a domain error."""
    data = {name: form.cleaned_data[name] for name in FIELDS if name in form.cleaned_data}
    publish = "publish" in request.POST
    try:
        if lesson is None:
            lesson = create_lesson(author=request.user, publish=publish, **data)
        else:
            lesson = update_lesson(lesson, actor=request.user, publish=publish, **data)
    except DomainError as exc:
        _show_error(form, exc)
        return None
    if lesson.is_published and publish:
        messages.success(request, _("Erfaringen er publisert."))
    elif lesson.is_published:
        messages.success(request, _("Endringene er lagret."))
    else:
        messages.success(request, _("Utkastet er lagret. Bare du kan se det."))
    return redirect("handbook:detail", pk=lesson.pk)


@login_required
def write(request):
    if request.method == "POST":
        form = LessonForm(request.POST, person=request.user)
        if form.is_valid():
            response = _save(request, form)
            if response:
                return response
    else:
        form = LessonForm(person=request.user)
    return render(
        request,
        "handbook/form.html",
        {"form": form, "lesson": None, "may_publish": may_publish(request.user)},
        status=422 if request.method == "POST" else 200,
    )


@login_required
def edit(request, pk):
    lesson = _lesson_or_404(request, pk)
    if not may_edit(request.user, lesson):
        raise Http404
    if request.method == "POST":
        form = LessonForm(request.POST, instance=lesson, person=request.user)
        if form.is_valid():
            response = _save(request, form, lesson)
            if response:
                return response
    else:
        form = LessonForm(instance=lesson, person=request.user)
    return render(
        request,
        "handbook/form.html",
        {"form": form, "lesson": lesson, "may_publish": may_publish(request.user)},
        status=422 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def publish(request, pk):
    lesson = _lesson_or_404(request, pk)
    try:
        publish_lesson(lesson, actor=request.user)
    except Forbidden as exc:
        messages.error(request, str(exc.detail))
    except DomainError as exc:
        messages.error(request, str(exc.detail))
        return redirect("handbook:edit", pk=lesson.pk)
    else:
        messages.success(request, _("Erfaringen er publisert."))
    return redirect("handbook:detail", pk=lesson.pk)


@login_required
@require_POST
def delete(request, pk):
    lesson = _lesson_or_404(request, pk)
    try:
        delete_draft(lesson, actor=request.user)
    except DomainError as exc:
        messages.error(request, str(exc.detail))
        return redirect("handbook:detail", pk=lesson.pk)
    messages.success(request, _("Utkastet er slettet."))
    return redirect("handbook:drafts")


@login_required
def drafts(request):
    return render(
        request,
        "handbook/drafts.html",
        {"drafts": drafts_of(request.user), "may_publish": may_publish(request.user)},
    )


@login_required
def new_hub(request):
    criteria, barriers = checklist()
    return render(
        request,
        "handbook/new_hub.html",
        {
            "lessons": starter_lessons(),
            "criteria": criteria,
            "barriers": barriers,
            "self_assessments": self_assessment_links(request.user),
        },
    )


def export(request):
    """The whole published handbook as one self-contained, printable HTML page; with
    ``?download=1`` as a file to save and share outside Hubro. Drafts never appear."""
    now = timezone.localtime()
    groups = handbook_by_theme()
    for group in groups:
        for lesson in group.lessons:
            lesson.sources = sources_of(lesson, viewer=request.user)
    response = render(
        request,
        "handbook/export.html",
        {
            "groups": groups,
            "generated_at": now,
            "base_url": request.build_absolute_uri("/").rstrip("/"),
        },
    )
    if request.GET.get("download"):
        response["Content-Disposition"] = (
            f'attachment; filename="hubro-handbok-{now.date().isoformat()}.html"'
        )
    return response
