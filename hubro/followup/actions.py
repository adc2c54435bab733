"""Every write to requests and recommendation follow-ups. Pages, the API and the demo
call these and nothing else.

``actor`` is the person doing it; permission is checked here through
``hubro.programme.access`` (a person who may not see the thing gets ``NotFound``, one who
may see but not do gets ``Invalid`` with code ``forbidden``). ``actor=None`` is the
system and is not checked. E-mails are queued after commit."""

import re

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hubro.core.audit import record
from hubro.core.errors import Invalid, NotFound
from hubro.core.notify import enqueue
from hubro.programme import access

from .models import ProgrammeRequest, Recommendation

FORBIDDEN = _("Du har ikke tilgang til å gjøre dette.")
SUBJECT_MAX = ProgrammeRequest._meta.get_field("subject").max_length


def _check(actor, visible: bool, allowed: bool) -> None:
    if actor is None:
        return
    if not visible:
        raise NotFound()
    if not allowed:
        raise Invalid(FORBIDDEN, code="forbidden")


def _text(value, field, *, required=False, max_length=None) -> str:
    value = (value or "").strip()
    if "\x00" in value:
        raise Invalid(_("Teksten inneholder et ugyldig tegn."), code="invalid_text", field=field)
    if required and not value:
        raise Invalid(_("Feltet må fylles ut."), code="required", field=field)
    if max_length and len(value) > max_length:
        raise Invalid(
            _("Teksten er for lang (høyst %(max)d tegn).") % {"max": max_length},
            code="too_long",
            field=field,
        )
    return value


def _after_commit(task_name: str, pk: int) -> None:
    def queue():
        from . import tasks

        enqueue(getattr(tasks, task_name), pk)

    transaction.on_commit(queue)


# --- Requests ------------------------------------------------------------------------------


def make_request(
    pilot, *, subject, body, addressee=None, status_report=None, actor
) -> ProgrammeRequest:
    """A request from ``pilot`` to ``addressee`` (an organization; ``None`` is the
    programme owner, the ministry), usually from a need in ``status_report`` (which must
    be the pilot's own). The addressee's people are e-mailed."""
    _check(actor, access.may_see_reports(actor, pilot), access.may_make_request(actor, pilot))
    subject = _text(subject, "subject", required=True, max_length=SUBJECT_MAX)
    body = _text(body, "body", required=True)
    if status_report is not None and status_report.pilot_id != pilot.pk:
        raise Invalid(
            _("Statusrapporten hører til en annen pilot."),
            code="unknown_status_report",
            field="status_report",
        )
    addressee = addressee or pilot.programme.owner
    with transaction.atomic():
        request = ProgrammeRequest.objects.create(
            pilot=pilot,
            status_report=status_report,
            addressee=addressee,
            subject=subject,
            body=body,
            created_by=actor,
        )
        record(
            actor,
            "followup.request.create",
            request,
            hub=pilot.hub,
            changes={
                "addressee": addressee.orgnr,
                "status_report": getattr(status_report, "pk", None),
            },
        )
        _after_commit("notify_request_made", request.pk)
    return request


def answer_request(request: ProgrammeRequest, *, reply, actor) -> ProgrammeRequest:
    """Record the addressee's reply; the request becomes answered and its author is
    e-mailed in their language. An answered request may be answered again (the reply is
    replaced and the author told again); a closed one may not."""
    _check(
        actor, access.may_see_request(actor, request), access.may_answer_request(actor, request)
    )
    reply = _text(reply, "reply", required=True)
    with transaction.atomic():
        request = ProgrammeRequest.objects.select_for_update().get(pk=request.pk)
        if request.status == ProgrammeRequest.Status.CLOSED:
            raise Invalid(
                _("Forespørselen er lukket og kan ikke besvares."), code="request_closed"
            )
        previous = request.status
        request.reply = reply
        request.replied_by = actor
        request.replied_at = timezone.now()
        request.status = ProgrammeRequest.Status.ANSWERED
        request.save(update_fields=["reply", "replied_by", "replied_at", "status"])
        record(
            actor,
            "followup.request.update",
            request,
            hub=request.pilot.hub,
            changes={"status": [previous, request.status]},
        )
        _after_commit("notify_request_answered", request.pk)
    return request


def close_request(request: ProgrammeRequest, *, actor) -> ProgrammeRequest:
    """Close a request: nothing more is to be done about it (answered or withdrawn)."""
    _check(actor, access.may_see_request(actor, request), access.may_close_request(actor, request))
    with transaction.atomic():
        request = ProgrammeRequest.objects.select_for_update().get(pk=request.pk)
        if request.status == ProgrammeRequest.Status.CLOSED:
            raise Invalid(_("Forespørselen er allerede lukket."), code="request_closed")
        previous = request.status
        request.status = ProgrammeRequest.Status.CLOSED
        request.closed_at = timezone.now()
        request.save(update_fields=["status", "closed_at"])
        record(
            actor,
            "followup.request.update",
            request,
            hub=request.pilot.hub,
            changes={"status": [previous, request.status]},
        )
    return request


# --- Recommendations -----------------------------------------------------------------------

_BULLET = re.compile(r"^\s*(?:[-•*–]|\d+[.)])\s+")


def split_text(text: str) -> list[str]:
    """The separate recommendations in an assessment's free text: bulleted or numbered
    lines when there are any (a line without a bullet continues the one above), else
    paragraphs separated by blank lines."""
    lines = (text or "").splitlines()
    items: list[str] = []
    if any(_BULLET.match(line) for line in lines):
        for line in lines:
            if _BULLET.match(line):
                items.append(_BULLET.sub("", line, count=1).strip())
            elif line.strip():
                if items:
                    items[-1] = f"{items[-1]} {line.strip()}".strip()
                else:
                    items.append(line.strip())
    else:
        for paragraph in re.split(r"\n\s*\n", text or ""):
            if paragraph.strip():
                items.append(" ".join(paragraph.split()))
    return [item for item in items if item]


def split_recommendations(assessment) -> list[Recommendation]:
    """Make the assessment's recommendations into items to follow up, once: an
    assessment that already has items keeps them."""
    if assessment.recommendation_items.exists():
        return list(assessment.recommendation_items.all())
    items = [
        Recommendation(assessment=assessment, number=number, text=text)
        for number, text in enumerate(split_text(assessment.recommendations), start=1)
    ]
    return Recommendation.objects.bulk_create(items)


def split_recommendations_on_save(sender, instance, created, raw=False, **kwargs):
    """``post_save`` of an assessment (wired in ``FollowupConfig.ready``)."""
    if created and not raw:
        split_recommendations(instance)


def follow_up_recommendation(
    recommendation: Recommendation, *, response="", action="", status, actor
) -> Recommendation:
    """Record the response to a recommendation, the action taken and its status."""
    pilot = recommendation.assessment.pilot
    _check(
        actor,
        access.may_see_assessments(actor, pilot),
        access.may_follow_up_recommendations(actor, pilot),
    )
    if status not in Recommendation.Status.values:
        raise Invalid(_("Ukjent status for tiltaket."), code="invalid_status", field="status")
    response = _text(response, "response")
    action = _text(action, "action")
    if status != Recommendation.Status.NOT_STARTED and not (response or action):
        raise Invalid(
            _("Skriv et svar eller et tiltak før du endrer status."),
            code="required",
            field="response",
        )
    with transaction.atomic():
        previous = recommendation.status
        recommendation.response = response
        recommendation.action = action
        recommendation.status = status
        recommendation.responded_by = actor
        recommendation.updated_at = timezone.now()
        recommendation.save()
        record(
            actor,
            "followup.recommendation.update",
            recommendation,
            hub=pilot.hub,
            changes={"status": [previous, status]},
        )
    return recommendation
