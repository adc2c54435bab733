"""Undersøkelser: surveys of need and benefit, and their results under the privacy
threshold (docs/surveys.md)."""

import datetime as dt
from typing import Literal

from ninja import Router, Schema, Status
from pydantic import Field

from hubro.core.errors import Invalid, NotFound
from hubro.core.models import Organization
from hubro.spaces.models import Hub
from hubro.surveys.access import may_manage
from hubro.surveys.actions import add_question, create_survey, send_survey
from hubro.surveys.queries import get_survey_for, survey_results, surveys_for

from .schemas import ErrorOut

router = Router(tags=["surveys"])


class QuestionIn(Schema):
    kind: Literal["scale", "choice", "text"]
    text: str = Field(min_length=1, max_length=300)
    choices: list[str] = Field(default_factory=list, description="For kind choice: 2–12")
    multiple: bool = False
    goal: int | None = Field(None, ge=1, le=5, description="National goal (scale questions)")
    required: bool = False


class QuestionOut(Schema):
    id: int
    kind: str
    text: str
    choices: list[str]
    multiple: bool
    goal: int | None
    required: bool


class SurveyIn(Schema):
    hub: str = Field(description="The hub's slug; the caller must host it")
    kind: Literal["before_opening", "running"]
    title: str = Field(min_length=1, max_length=200)
    intro: str = Field("", max_length=2000)
    closes_on: dt.date
    questions: list[QuestionIn] | None = Field(
        None, description="The questions; left out: the suggested questions of the kind"
    )


class SurveyOut(Schema):
    id: int
    hub: str
    kind: str
    title: str
    status: str
    closes_on: dt.date
    recipients: int
    questions: list[QuestionOut]

    @staticmethod
    def resolve_hub(obj):
        return obj.hub.slug

    @staticmethod
    def resolve_questions(obj):
        return list(obj.questions.all())


class SendIn(Schema):
    to_hub_users: bool = Field(False, description="Everyone who booked at the hub last year")
    organizations: list[str] = Field(default_factory=list, description="Organization numbers")


class SentOut(Schema):
    recipients: int


class CountOut(Schema):
    label: str
    value: int | None = Field(description="null when suppressed")
    suppressed: bool


class GroupOut(CountOut):
    mean: float | None = None


class ResultOut(Schema):
    question: int
    text: str
    kind: str
    answers: int | None = Field(description="null when suppressed (fewer than the threshold)")
    suppressed: bool
    mean: float | None = None
    values: list[CountOut]
    groups: list[GroupOut]
    texts: list[str] = Field(description="Free text a host approved")


def _count(label, figure) -> dict:
    return {"label": label, "value": figure.value, "suppressed": figure.suppressed}


@router.get("/surveys", response=list[SurveyOut])
def list_surveys(request):
    """Surveys the caller hosts (drafts too) or may see the results of (sent)."""
    return list(surveys_for(request.auth).prefetch_related("questions"))


@router.post("/surveys", response={201: SurveyOut, 422: ErrorOut})
def create(request, payload: SurveyIn):
    """A draft survey of a hub the caller hosts (422 ``not_allowed`` otherwise)."""
    hub = Hub.objects.filter(slug=payload.hub).first()
    if hub is None:
        raise Invalid("unknown hub", code="unknown_hub", field="hub")
    survey = create_survey(
        actor=request.auth,
        hub=hub,
        kind=payload.kind,
        title=payload.title,
        intro=payload.intro,
        closes_on=payload.closes_on,
        with_questions=payload.questions is None,
    )
    for question in payload.questions or []:
        add_question(survey, actor=request.auth, **question.dict())
    return Status(201, survey)


@router.post(
    "/surveys/{survey_id}/send",
    response={200: SentOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
)
def send(request, survey_id: int, payload: SendIn):
    """Send the draft by e-mail, each recipient with a one-time link; 409 ``sent`` when
    already sent, 422 ``no_recipients`` when nobody matches."""
    survey = get_survey_for(request.auth, survey_id)
    if not may_manage(request.auth, survey):
        raise NotFound()
    organizations = list(Organization.objects.filter(orgnr__in=payload.organizations))
    if len(organizations) != len(set(payload.organizations)):
        raise Invalid("unknown organization", code="unknown_organization", field="organizations")
    count = send_survey(
        survey, actor=request.auth, organizations=organizations, to_hub_users=payload.to_hub_users
    )
    return {"recipients": count}


@router.get("/surveys/{survey_id}/results", response={200: list[ResultOut], 404: ErrorOut})
def results(request, survey_id: int):
    """Each question's result, under the privacy threshold for every caller: counts of
    answers below it are ``null`` with ``suppressed: true`` (per question, per group and
    per value), and so is a mean resting on them. Free text: only approved answers."""
    survey = get_survey_for(request.auth, survey_id)
    out = []
    for result in survey_results(survey, request.auth):
        mean = result.mean
        out.append(
            {
                "question": result.question.pk,
                "text": result.question.text,
                "kind": result.question.kind,
                "answers": result.total.value,
                "suppressed": result.total.suppressed,
                "mean": mean.value if mean and not mean.suppressed else None,
                "values": [_count(label, figure) for label, figure in result.values],
                "groups": [
                    {
                        **_count(label, count),
                        "mean": group_mean.value
                        if group_mean is not None and not group_mean.suppressed
                        else None,
                    }
                    for label, count, group_mean in result.groups
                ],
                "texts": result.texts,
            }
        )
    return out
