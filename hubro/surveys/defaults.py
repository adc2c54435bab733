"""The questions a new survey starts with, by kind; the host changes them before sending.
In the active language (the host's), since a survey is written in one language."""

from django.utils.translation import gettext as _

from hubro.programme.criteria import NationalGoal

from .models import Question, Survey


def starting_questions(kind: str) -> list[dict]:
    if kind == Survey.Kind.BEFORE_OPENING:
        days = [_("Mandag"), _("Tirsdag"), _("Onsdag"), _("Torsdag"), _("Fredag")]
        return [
            {
                "kind": Question.Kind.SCALE,
                "text": _(
                    "Hvor stort behov har du for en arbeidsplass i huben? (1 = lite, 5 = stort)"
                ),
            },
            {
                "kind": Question.Kind.CHOICE,
                "text": _("Hvilke dager ville du brukt huben?"),
                "choices": days,
                "multiple": True,
            },
            {
                "kind": Question.Kind.CHOICE,
                "text": _("Hvor ofte ville du brukt huben?"),
                "choices": [
                    _("Hver uke"),
                    _("Et par ganger i måneden"),
                    _("Sjeldnere"),
                    _("Aldri"),
                ],
            },
            {"kind": Question.Kind.TEXT, "text": _("Hva trenger du for å jobbe fra huben?")},
        ]
    questions = [
        {
            "kind": Question.Kind.SCALE,
            "text": _("Hvor mye har huben bidratt til dette: %(goal)s? (1 = ikke, 5 = mye)")
            % {"goal": goal.label},
            "goal": goal.value,
        }
        # Goal 5 (knowledge for policy) is what the survey itself gives, not a benefit.
        for goal in NationalGoal
        if goal != NationalGoal.KNOWLEDGE
    ]
    questions.append({"kind": Question.Kind.TEXT, "text": _("Hva har huben betydd for deg?")})
    return questions
