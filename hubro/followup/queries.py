"""Reads of requests, recommendation follow-ups and continuation, scoped to what the
person may see (``hubro.programme.access``). Anything else raises ``NotFound``."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from hubro.core.errors import NotFound
from hubro.core.models import Membership
from hubro.finance.queries import continuation_summary
from hubro.programme import access
from hubro.programme.queries import pilots_of, visible_programmes

from .models import ProgrammeRequest, Recommendation


def _signed_in(person) -> bool:
    return bool(person and person.is_authenticated and person.is_active)


def report_pilot_ids(person) -> list[int]:
    """Pilots whose status reports (and so requests and assessments) ``person`` sees."""
    return [
        pilot.pk
        for programme in visible_programmes(person)
        for pilot in programme.pilots.select_related("programme")
        if access.may_see_reports(person, pilot)
    ]


def visible_requests(person):
    """Every request ``person`` may see: those of pilots whose status reports they see,
    and those addressed to an organization they coordinate."""
    if not _signed_in(person):
        return ProgrammeRequest.objects.none()
    coordinated = Membership.objects.filter(
        person=person, role=Membership.Role.COORDINATOR
    ).values_list("organization_id", flat=True)
    return ProgrammeRequest.objects.filter(
        Q(pilot_id__in=report_pilot_ids(person)) | Q(addressee_id__in=list(coordinated))
    ).select_related("pilot__programme__owner", "addressee", "status_report", "created_by")


def get_request_for(person, pk) -> ProgrammeRequest:
    request = visible_requests(person).filter(pk=pk).first()
    if request is None:
        raise NotFound(code="request_not_found")
    return request


STATUS_FILTERS = ("open", "answered", "closed", "all")


def request_list(person, *, status="open", pilot=None, now=None):
    """Requests ``person`` sees, oldest first (the longest waiting at the top), each
    with ``age`` in days. ``status`` is one of ``STATUS_FILTERS``."""
    requests = visible_requests(person)
    if status != "all":
        requests = requests.filter(status=status)
    if pilot is not None:
        requests = requests.filter(pilot=pilot)
    now = now or timezone.now()
    rows = list(requests.order_by("created_at", "pk"))
    for request in rows:
        request.age = request.age_days(now)
    return rows


def requests_of_report(person, report):
    return [r for r in request_list(person, status="all") if r.status_report_id == report.pk]


# --- Recommendations -----------------------------------------------------------------------


def recommendations_of(assessment):
    return list(assessment.recommendation_items.select_related("responded_by"))


def get_recommendation_for(person, pk) -> Recommendation:
    item = (
        Recommendation.objects.select_related("assessment__pilot__programme").filter(pk=pk).first()
    )
    if item is None or not access.may_see_assessments(person, item.assessment.pilot):
        raise NotFound(code="recommendation_not_found")
    return item


def programme_recommendations(person, programme):
    """Every recommendation in the programme's assessments that ``person`` sees, by
    pilot and assessment date, for the follow-up overview."""
    pilots = [p.pk for p in programme.pilots.all() if access.may_see_assessments(person, p)]
    return list(
        Recommendation.objects.filter(assessment__pilot_id__in=pilots)
        .select_related("assessment__pilot")
        .order_by("assessment__pilot__name", "assessment__assessed_on", "number")
    )


def status_counts(items) -> dict[str, int]:
    counts = dict.fromkeys(Recommendation.Status.values, 0)
    for item in items:
        counts[item.status] += 1
    return counts


# --- Continuation --------------------------------------------------------------------------


@dataclass
class ContinuationRow:
    pilot: object
    summary: dict | None  # None: the pilot has no hub


def continuation(person, programme, *, today=None) -> list[ContinuationRow]:
    """For each pilot of ``programme``, its hub's continuation summary (through
    ``hubro.finance.queries.continuation_summary``, so it matches the hub's finance
    page). Only for the owner's people and the evaluators; others get ``NotFound``."""
    if not access.may_see_continuation(person, programme):
        raise NotFound(code="programme_not_found")
    today = today or timezone.localdate()
    return [
        ContinuationRow(pilot, continuation_summary(pilot.hub, today=today) if pilot.hub else None)
        for pilot in pilots_of(programme).order_by("name")
    ]
