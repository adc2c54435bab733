"""What `hubro loaddemo` adds for surveys (see ``hubro.core.demo.EXTENSIONS``): a
«while it runs» survey of RegionLab Lister, sent by its host, with nine anonymous
responses (five from state agencies, four from municipalities) and two free-text
answers, one approved. Keyed on title; a second run creates nothing."""

import datetime as dt
import secrets

from hubro.core.demo.base import DemoContext
from hubro.core.demo.hubs import LISTER

from .actions import hash_token
from .defaults import starting_questions
from .models import Answer, Invite, Question, Response, Survey

TITLE = "Hva betyr RegionLab Lister for deg?"
# Per response: group, scale answers for goals 1–4, free text ("" for none).
RESPONSES = [
    ("state", (4, 4, 3, 4), "Kortere reisevei og faglige samtaler over lunsj."),
    ("state", (5, 4, 4, 3), ""),
    ("state", (3, 3, 2, 4), ""),
    ("state", (4, 5, 4, 3), "Flere fra etaten min kunne jobbe her."),
    ("state", (4, 4, 3, 2), ""),
    ("municipal", (5, 3, 2, 5), ""),
    ("municipal", (4, 3, 3, 5), ""),
    ("municipal", (5, 2, 2, 4), ""),
    ("municipal", (4, 3, 2, 4), ""),
]


def build(ctx: DemoContext) -> None:
    hub = ctx.hubs.get(LISTER)
    if hub is None or Survey.objects.filter(title=TITLE).exists():
        return
    survey = Survey.objects.create(
        hub=hub,
        kind=Survey.Kind.RUNNING,
        title=TITLE,
        intro="Vi vil vite hva huben betyr for arbeidet ditt, så vi kan gjøre den bedre.",
        closes_on=ctx.today + dt.timedelta(days=14),
        status=Survey.Status.SENT,
        recipients=14,
        created_by=ctx.fixed.vert,
        sent_at=ctx.now - dt.timedelta(days=7),
    )
    for order, fields in enumerate(starting_questions(Survey.Kind.RUNNING), start=1):
        Question.objects.create(survey=survey, order=order, **fields)
    scales = {q.goal: q for q in survey.questions.filter(kind=Question.Kind.SCALE)}
    text = survey.questions.get(kind=Question.Kind.TEXT)
    for index in range(survey.recipients):
        group = RESPONSES[index][0] if index < len(RESPONSES) else "state"
        Invite.objects.create(
            survey=survey,
            token_hash=hash_token(secrets.token_urlsafe(24)),
            group=group,
            answered=index < len(RESPONSES),
        )
    for index, (group, values, free) in enumerate(RESPONSES):
        response = Response.objects.create(
            survey=survey, group=group, submitted_on=ctx.today - dt.timedelta(days=6 - index % 5)
        )
        for goal, value in zip((1, 2, 3, 4), values, strict=True):
            Answer.objects.create(response=response, question=scales[goal], scale=value)
        if free:
            Answer.objects.create(response=response, question=text, text=free, approved=index == 0)
    ctx.tally.add("surveys", True)


def counts() -> dict[str, int]:
    return {"surveys": Survey.objects.count(), "survey responses": Response.objects.count()}
