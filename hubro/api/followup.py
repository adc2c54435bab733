"""Requests from pilots to the ministry or a named agency, the follow-up of assessments'
recommendations, and the continuation summary of the pilots' hubs. Scoped like the
pages (``hubro.programme.access``); whatever the caller may not see answers 404."""

import datetime as dt
from decimal import Decimal
from typing import Literal

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from hubro.core.errors import Invalid, NotFound
from hubro.core.models import Organization
from hubro.followup import actions, queries
from hubro.programme import queries as programme_queries

from .schemas import ErrorOut

router = Router(tags=["programme follow-up"])

RequestFilter = Literal["open", "answered", "closed", "all"]


class OrganizationRefOut(Schema):
    orgnr: str
    name: str


class RequestOut(Schema):
    id: int
    pilot: str = Field(description="The pilot's slug.")
    status_report: int | None = Field(None, description="Id of the status report it came from.")
    addressee: OrganizationRefOut
    to_owner: bool = Field(description="Addressed to the programme owner (the ministry).")
    subject: str
    body: str
    status: str = Field(description="open, answered or closed")
    created_at: dt.datetime
    age_days: int = Field(description="Days waited: until answered or closed, else until now.")
    reply: str
    replied_at: dt.datetime | None
    closed_at: dt.datetime | None

    @staticmethod
    def resolve_pilot(obj):
        return obj.pilot.slug

    @staticmethod
    def resolve_status_report(obj):
        return obj.status_report_id

    @staticmethod
    def resolve_age_days(obj):
        return obj.age_days(timezone.now())


class RequestIn(Schema):
    subject: str = Field(max_length=200)
    body: str
    addressee: str | None = Field(
        None,
        description="Organization number of a named agency; leave out for the programme owner.",
    )


class ReplyIn(Schema):
    reply: str


class RecommendationOut(Schema):
    id: int
    assessment: int
    pilot: str
    number: int
    text: str
    response: str
    action: str
    status: str = Field(description="not_started, planned, in_progress, done or declined")
    updated_at: dt.datetime | None

    @staticmethod
    def resolve_assessment(obj):
        return obj.assessment_id

    @staticmethod
    def resolve_pilot(obj):
        return obj.assessment.pilot.slug


class RecommendationIn(Schema):
    response: str = ""
    action: str = ""
    status: str = Field(description="not_started, planned, in_progress, done or declined")


class YearOut(Schema):
    year: int
    costs: Decimal
    income_signed: Decimal
    income_intent: Decimal
    coverage_percent: Decimal | None
    gap: Decimal


class HubContinuationOut(Schema):
    slug: str
    name: str
    coverage_percent: Decimal | None = Field(
        description="Coverage this year, as on the hub's finance page."
    )
    runs_out_in: int | None = Field(description="The first year with a gap; null when covered.")
    next_year_uncovered: bool
    signed_agreements: int = Field(description="Signed agreements still running (a count).")
    intended_agreements: int = Field(description="Intent agreements still running (a count).")
    years: list[YearOut]


class PilotContinuationOut(Schema):
    pilot: str
    name: str
    hub: HubContinuationOut | None


def _continuation(row) -> dict:
    summary = row.summary
    if summary is None:
        return {"pilot": row.pilot.slug, "name": row.pilot.name, "hub": None}
    result = summary["runway"]
    return {
        "pilot": row.pilot.slug,
        "name": row.pilot.name,
        "hub": {
            "slug": summary["hub"].slug,
            "name": summary["hub"].name,
            "coverage_percent": summary["current"].coverage_percent,
            "runs_out_in": result.runs_out_in,
            "next_year_uncovered": result.warning,
            "signed_agreements": summary["signed_agreements"],
            "intended_agreements": summary["intended_agreements"],
            "years": result.rows,
        },
    }


# --- Requests ------------------------------------------------------------------------------


@router.get("/requests", response=list[RequestOut])
def list_requests(request, status: RequestFilter = "open"):
    """Requests the caller sees, oldest first: the programme owner sees every request of
    the programme's pilots; a steering group its pilot's; a coordinator those to the
    organization. ``status`` filters (``open`` by default)."""
    return queries.request_list(request.auth, status=status)


@router.get("/requests/{request_id}", response={200: RequestOut, 404: ErrorOut})
def get_request(request, request_id: int):
    return queries.get_request_for(request.auth, request_id)


@router.post(
    "/status-reports/{report_id}/requests",
    response={201: RequestOut, 404: ErrorOut, 422: ErrorOut},
)
def make_request(request, report_id: int, payload: RequestIn):
    """Make a need in a status report into a request to the programme owner, or to the
    agency named by ``addressee`` (organization number). The pilot's steering group and
    project leader; the addressee's people are e-mailed."""
    report = programme_queries.get_status_report_for(request.auth, report_id)
    addressee = None
    if payload.addressee:
        addressee = Organization.objects.filter(orgnr=payload.addressee).first()
        if addressee is None:
            raise Invalid(
                _("Fant ingen organisasjon med det organisasjonsnummeret."),
                code="unknown_addressee",
                field="addressee",
            )
    made = actions.make_request(
        report.pilot,
        subject=payload.subject,
        body=payload.body,
        addressee=addressee,
        status_report=report,
        actor=request.auth,
    )
    return Status(201, queries.get_request_for(request.auth, made.pk))


@router.post(
    "/requests/{request_id}/reply", response={200: RequestOut, 404: ErrorOut, 422: ErrorOut}
)
def reply_to_request(request, request_id: int, payload: ReplyIn):
    """Answer a request (the programme owner's people; for a request to an agency, also
    its coordinators). The author is e-mailed the reply in their language."""
    item = queries.get_request_for(request.auth, request_id)
    actions.answer_request(item, reply=payload.reply, actor=request.auth)
    return queries.get_request_for(request.auth, request_id)


@router.post(
    "/requests/{request_id}/close", response={200: RequestOut, 404: ErrorOut, 422: ErrorOut}
)
def close_request(request, request_id: int):
    """Close a request (the pilot's steering group or the programme owner)."""
    item = queries.get_request_for(request.auth, request_id)
    actions.close_request(item, actor=request.auth)
    return queries.get_request_for(request.auth, request_id)


# --- Recommendations -----------------------------------------------------------------------


@router.get(
    "/assessments/{assessment_id}/recommendations",
    response={200: list[RecommendationOut], 404: ErrorOut},
)
def list_assessment_recommendations(request, assessment_id: int):
    """An assessment's recommendations with their response, action and status."""
    assessment = programme_queries.get_assessment_for(request.auth, assessment_id)
    return queries.recommendations_of(assessment)


@router.get(
    "/programmes/{slug}/recommendations",
    response={200: list[RecommendationOut], 404: ErrorOut},
)
def list_programme_recommendations(request, slug: str):
    """Every recommendation the caller sees in the programme's assessments."""
    programme = programme_queries.get_programme_for(request.auth, slug)
    return queries.programme_recommendations(request.auth, programme)


@router.put(
    "/recommendations/{recommendation_id}",
    response={200: RecommendationOut, 404: ErrorOut, 422: ErrorOut},
)
def follow_up_recommendation(request, recommendation_id: int, payload: RecommendationIn):
    """Record the response, the action and its status (the pilot's steering group and
    the programme owner)."""
    item = queries.get_recommendation_for(request.auth, recommendation_id)
    actions.follow_up_recommendation(
        item,
        response=payload.response,
        action=payload.action,
        status=payload.status,
        actor=request.auth,
    )
    return queries.get_recommendation_for(request.auth, recommendation_id)


# --- Continuation --------------------------------------------------------------------------


@router.get(
    "/programmes/{slug}/continuation",
    response={200: list[PilotContinuationOut], 404: ErrorOut},
)
def get_continuation(request, slug: str):
    """For each pilot's hub, read-only and in totals: coverage this year, the year the
    money runs out, costs against signed and intended income per year, and how many
    agreements are signed and intended. No single agreement. The programme owner's
    people and the evaluators; 404 for everyone else."""
    programme = programme_queries.get_programme_for(request.auth, slug)
    try:
        rows = queries.continuation(request.auth, programme)
    except NotFound:
        raise NotFound(code="programme_not_found") from None
    return [_continuation(row) for row in rows]
