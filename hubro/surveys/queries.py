"""Reads of surveys: lists scoped to the viewer, and results under the privacy rules.

Results follow docs/privacy.md for every viewer, hosts included, since the answers are
anonymous: a count of answers below the threshold is hidden (and a mean resting on it),
per question, per group (the sector of the respondent's organization) and per scale
value or choice, with complementary suppression against the question's total
(``hubro.insights.privacy.suppress``). Free text shows only once a host approved it,
and only for a question whose count is shown."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from hubro.core.errors import NotFound
from hubro.core.models import Organization
from hubro.insights.figure import Figure
from hubro.insights.privacy import suppress, threshold

from .access import hosted_hubs, may_manage, may_view_results
from .models import SCALE_MAX, SCALE_MIN, Answer, Question, Survey


def surveys_for(viewer):
    """Surveys the viewer manages (any status) or may read the results of (sent)."""
    from hubro.insights.indicators import visible_hubs

    hub_ids = [hub.pk for hub in visible_hubs(viewer)]
    return (
        Survey.objects.filter(
            Q(hub__in=hosted_hubs(viewer)) | Q(hub_id__in=hub_ids, status=Survey.Status.SENT)
        )
        .select_related("hub")
        .distinct()
    )


def get_survey_for(viewer, pk) -> Survey:
    """The survey if the viewer may read it; NotFound otherwise (no hint that it exists)."""
    survey = Survey.objects.select_related("hub").filter(pk=pk).first()
    if survey is None or not may_view_results(viewer, survey):
        raise NotFound()
    return survey


def group_label(code: str) -> str:
    labels = dict(Organization.Sector.choices)
    return str(labels.get(code, _("Annen")))


@dataclass
class QuestionResult:
    question: Question
    total: Figure
    mean: Figure | None = None
    values: list = field(default_factory=list)  # (label, Figure)
    groups: list = field(default_factory=list)  # (label, count Figure, mean Figure | None)
    texts: list = field(default_factory=list)  # approved texts, shown
    pending: list = field(default_factory=list)  # answers waiting for approval (hosts)


def _count(key, label, value) -> Figure:
    return Figure(key=key, label=label, goal=None, unit="count", value=value, people=value)


def _mean(key, label, numbers, depends_on) -> Figure:
    value = sum(numbers) / len(numbers) if numbers else None
    return Figure(
        key=key,
        label=label,
        goal=None,
        unit="score",
        value=value,
        people=len(numbers),
        depends_on=(depends_on,),
    )


def question_result(question, answers: list, *, host: bool) -> QuestionResult:
    """``answers``: (group, scale, choices, text, approved, id) rows of the question."""
    key = f"q{question.pk}"
    result = QuestionResult(question=question, total=_count(key, question.text, len(answers)))
    figures = [result.total]
    tables = []
    by_group = defaultdict(list)
    for row in answers:
        by_group[row[0]].append(row)
    group_keys = []
    for code in sorted(by_group):
        rows = by_group[code]
        count = _count(f"{key}:g:{code}", group_label(code), len(rows))
        mean = None
        if question.kind == Question.Kind.SCALE:
            mean = _mean(f"{key}:g:{code}:mean", "", [row[1] for row in rows], count.key)
            figures.append(mean)
        figures.append(count)
        group_keys.append(count.key)
        result.groups.append((group_label(code), count, mean))
    tables.append((key, group_keys))
    if question.kind == Question.Kind.SCALE:
        result.mean = _mean(f"{key}:mean", "", [row[1] for row in answers], key)
        figures.append(result.mean)
        counts = Counter(row[1] for row in answers)
        value_keys = []
        for value in range(SCALE_MIN, SCALE_MAX + 1):
            figure = _count(f"{key}:v:{value}", str(value), counts.get(value, 0))
            figures.append(figure)
            value_keys.append(figure.key)
            result.values.append((str(value), figure))
        tables.append((key, value_keys))
    elif question.kind == Question.Kind.CHOICE:
        counts = Counter(choice for row in answers for choice in row[2])
        value_keys = []
        for index, choice in enumerate(question.choices):
            figure = _count(f"{key}:v:{index}", choice, counts.get(choice, 0))
            figures.append(figure)
            value_keys.append(figure.key)
            result.values.append((choice, figure))
        if not question.multiple:  # a multiple choice's parts do not add up to the total
            tables.append((key, value_keys))
    suppress(figures, tables)
    if question.kind == Question.Kind.TEXT:
        if not result.total.suppressed:
            result.texts = [row[3] for row in answers if row[4]]
        if host:
            result.pending = [(row[5], row[3], row[4]) for row in answers]
    return result


def survey_results(survey, viewer) -> list[QuestionResult]:
    """Each question's result, suppressed; hosts also get the free text to approve."""
    host = may_manage(viewer, survey)
    rows = defaultdict(list)
    answers = (
        Answer.objects.filter(response__survey=survey)
        .order_by("pk")
        .values_list(
            "question_id", "response__group", "scale", "choices", "text", "approved", "pk"
        )
    )
    for question_id, *row in answers:
        rows[question_id].append(tuple(row))
    return [
        question_result(question, rows.get(question.pk, []), host=host)
        for question in survey.questions.all()
    ]


def results_threshold() -> int:
    return threshold()
