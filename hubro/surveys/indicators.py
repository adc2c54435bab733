"""Survey results beside the measured indicators: the answers collected (goal 5's
figure: new knowledge about need and benefit) and the perceived benefit per national
goal. Suppressed for every viewer, like the survey results themselves."""

from collections import defaultdict

from django.urls import reverse
from django.utils.translation import gettext as _

from hubro.insights.beside import Section
from hubro.insights.figure import Figure
from hubro.insights.privacy import suppress

from .models import Answer, Question, Response, Survey


def surveys_section(scope, start, end) -> Section | None:
    """None for an organization's scope (surveys belong to hubs)."""
    if scope.kind == "org":
        return None
    responses = Response.objects.filter(submitted_on__range=(start, end))
    answers = Answer.objects.filter(
        response__submitted_on__range=(start, end),
        question__kind=Question.Kind.SCALE,
        question__goal__isnull=False,
        response__survey__kind=Survey.Kind.RUNNING,
    )
    if scope.hub_ids is not None:
        responses = responses.filter(survey__hub_id__in=scope.hub_ids)
        answers = answers.filter(response__survey__hub_id__in=scope.hub_ids)
    count = responses.count()
    figures = [
        Figure(
            key="survey_responses",
            label=_("Svar på undersøkelser om behov og nytte"),
            goal=5,
            unit="count",
            value=count,
            people=count,
        )
    ]
    by_goal = defaultdict(list)
    for goal, value in answers.values_list("question__goal", "scale"):
        by_goal[goal].append(value)
    for goal in range(1, 5):
        values = by_goal.get(goal, [])
        figures.append(
            Figure(
                key=f"survey_benefit_{goal}",
                label=_("Opplevd nytte for mål %(goal)s (snitt, 1–5)") % {"goal": goal},
                goal=goal,
                unit="score",
                value=sum(values) / len(values) if values else None,
                people=len(values),
            )
        )
    suppress(figures, [])
    return Section(
        key="surveys",
        title=_("Spørreundersøkelser (mål 5, og opplevd nytte per mål)"),
        goals=(1, 2, 3, 4, 5),
        figures=figures,
        note=_(
            "Anonyme svar fra hubenes brukere og virksomheter. Tall som bygger på færre"
            " svar enn terskelen, vises ikke."
        ),
        link=reverse("surveys:list"),
        link_label=_("Undersøkelsene"),
    )
