"""Every write on surveys: make, add and remove questions, send, answer, approve free
text. Atomic and audited (answers are not audited: they are anonymous)."""

import datetime as dt
import hashlib
import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hubro.core.audit import record
from hubro.core.errors import Conflict, Invalid, NotFound
from hubro.core.models import Person
from hubro.core.notify import enqueue

from .access import hosted_hubs, may_manage
from .defaults import starting_questions
from .models import SCALE_MAX, SCALE_MIN, TEXT_MAX, Answer, Invite, Question, Response, Survey

MAX_CHOICES = 12
HUB_USERS_DAYS = 365


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _refuse_unless_manager(survey, actor) -> None:
    if not may_manage(actor, survey):
        raise Invalid(_("Bare hubens verter kan endre denne undersøkelsen."), code="not_allowed")


def _refuse_unless_draft(survey) -> None:
    if survey.status != Survey.Status.DRAFT:
        raise Conflict(
            _("Undersøkelsen er sendt, og spørsmålene kan ikke endres lenger."), code="sent"
        )


def create_survey(
    *, actor, hub, kind, title, closes_on: dt.date, intro="", with_questions=True
) -> Survey:
    """A draft survey of ``hub``, by one of its hosts. Starts with the questions of its
    kind (``defaults.starting_questions``) unless ``with_questions`` is false. Audited as
    ``survey.create``."""
    if not hosted_hubs(actor).filter(pk=hub.pk).exists():
        raise Invalid(
            _("Bare hubens verter kan lage undersøkelser for den."),
            code="not_allowed",
            field="hub",
        )
    if kind not in Survey.Kind.values:
        raise Invalid(_("Velg en type undersøkelse."), field="kind")
    if not (title or "").strip():
        raise Invalid(_("Skriv en tittel."), code="required", field="title")
    if closes_on < timezone.localdate():
        raise Invalid(_("Svarfristen kan ikke være passert."), field="closes_on")
    with transaction.atomic():
        survey = Survey.objects.create(
            hub=hub,
            kind=kind,
            title=title.strip()[:200],
            intro=(intro or "").strip(),
            closes_on=closes_on,
            created_by=actor,
        )
        if with_questions:
            for question in starting_questions(kind):
                _add_question(survey, **question)
        record(actor, "survey.create", survey, hub=hub)
    return survey


def _clean_choices(kind, choices) -> list[str]:
    cleaned = [str(choice).strip()[:100] for choice in choices or [] if str(choice).strip()]
    if kind != Question.Kind.CHOICE:
        return []
    if len(cleaned) < 2:
        raise Invalid(_("Et valgspørsmål trenger minst to alternativer."), field="choices")
    if len(cleaned) > MAX_CHOICES:
        raise Invalid(
            _("Et valgspørsmål kan ha høyst %(n)s alternativer.") % {"n": MAX_CHOICES},
            field="choices",
        )
    if len(set(cleaned)) != len(cleaned):
        raise Invalid(_("To alternativer er like."), field="choices")
    return cleaned


def _add_question(survey, *, kind, text, choices=(), multiple=False, goal=None, required=False):
    if kind not in Question.Kind.values:
        raise Invalid(_("Velg en spørsmålstype."), field="kind")
    if not (text or "").strip():
        raise Invalid(_("Skriv spørsmålet."), code="required", field="text")
    if goal is not None and not 1 <= int(goal) <= 5:
        raise Invalid(_("Målet må være et av de fem nasjonale målene."), field="goal")
    last = survey.questions.order_by("-order").values_list("order", flat=True).first() or 0
    return Question.objects.create(
        survey=survey,
        order=last + 1,
        kind=kind,
        text=text.strip()[:300],
        choices=_clean_choices(kind, choices),
        multiple=bool(multiple) and kind == Question.Kind.CHOICE,
        goal=goal if kind == Question.Kind.SCALE else None,
        required=bool(required),
    )


def add_question(survey, *, actor, **fields) -> Question:
    """Add a question to a draft survey. Audited as ``survey.update``."""
    _refuse_unless_manager(survey, actor)
    _refuse_unless_draft(survey)
    with transaction.atomic():
        question = _add_question(survey, **fields)
        record(actor, "survey.update", survey, hub=survey.hub, changes={"added": question.text})
    return question


def remove_question(survey, question_id, *, actor) -> None:
    """Remove a question from a draft survey. Audited as ``survey.update``."""
    _refuse_unless_manager(survey, actor)
    _refuse_unless_draft(survey)
    question = survey.questions.filter(pk=question_id).first()
    if question is None:
        raise NotFound()
    with transaction.atomic():
        question.delete()
        record(actor, "survey.update", survey, hub=survey.hub, changes={"removed": question.text})


def hub_users(hub, *, today=None):
    """Active people with a booking at ``hub`` that was not cancelled, in the last year."""
    from hubro.bookings.models import Booking

    today = today or timezone.localdate()
    since = timezone.make_aware(
        dt.datetime.combine(today - dt.timedelta(days=HUB_USERS_DAYS), dt.time())
    )
    booked = (
        Booking.objects.filter(space__hub=hub, start__gte=since)
        .exclude(status=Booking.Status.CANCELLED)
        .values("person_id")
    )
    return Person.objects.filter(is_active=True, pk__in=booked)


def _group(person) -> str:
    """The recipient's group: the sector of their main organization."""
    membership = person.primary_membership
    return membership.organization.sector if membership else "other"


def send_survey(survey, *, actor, organizations=(), to_hub_users=False) -> int:
    """Send ``survey`` by e-mail to every active person of ``organizations`` and, with
    ``to_hub_users``, to everyone who booked at the hub in the last year, each once,
    each with a one-time link of their own. The survey cannot be changed afterwards.
    Returns how many were sent to. Audited as ``survey.send`` (with the count only)."""
    _refuse_unless_manager(survey, actor)
    _refuse_unless_draft(survey)
    if not survey.questions.exists():
        raise Invalid(_("Undersøkelsen har ingen spørsmål."), code="no_questions")
    if survey.closes_on < timezone.localdate():
        raise Invalid(_("Svarfristen er passert."), code="closed", field="closes_on")
    people = Person.objects.none()
    if organizations:
        people = Person.objects.filter(
            is_active=True, memberships__organization__in=list(organizations)
        )
    if to_hub_users:
        people = people | hub_users(survey.hub)
    recipients = list(people.distinct().order_by("pk"))
    if not recipients:
        raise Invalid(
            _("Ingen mottakere: velg virksomheter med personer i Hubro, eller hubens brukere."),
            code="no_recipients",
        )
    outgoing = []
    with transaction.atomic():
        locked = Survey.objects.select_for_update().get(pk=survey.pk)
        _refuse_unless_draft(locked)
        for person in recipients:
            token = secrets.token_urlsafe(24)
            Invite.objects.create(
                survey=survey, token_hash=hash_token(token), group=_group(person)
            )
            outgoing.append((person.pk, token))
        survey.status = Survey.Status.SENT
        survey.sent_at = timezone.now()
        survey.recipients = len(recipients)
        survey.save(update_fields=["status", "sent_at", "recipients"])
        record(
            actor, "survey.send", survey, hub=survey.hub, changes={"recipients": len(recipients)}
        )
        transaction.on_commit(lambda: _queue_emails(survey.pk, outgoing), robust=True)
    return len(recipients)


def _queue_emails(survey_id: int, outgoing: list[tuple[int, str]]) -> None:
    from .tasks import send_survey_email

    for person_id, token in outgoing:
        enqueue(send_survey_email, survey_id, person_id, token)


def invite_for_token(token: str) -> Invite:
    invite = (
        Invite.objects.select_related("survey__hub").filter(token_hash=hash_token(token)).first()
    )
    if invite is None:
        raise NotFound(_("Lenken er ikke gyldig. Bruk lenken i e-posten du fikk."))
    return invite


def _clean_answer(question, value) -> dict | None:
    """The stored fields of one answer, None when left empty; ``Invalid`` naming the
    question for a bad value."""
    field = f"q{question.pk}"
    empty = value in (None, "", [], ())
    if empty:
        if question.required:
            raise Invalid(_("Svar på dette spørsmålet."), code="required", field=field)
        return None
    if question.kind == Question.Kind.SCALE:
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = None
        if number is None or not SCALE_MIN <= number <= SCALE_MAX:
            raise Invalid(_("Velg et tall fra 1 til 5."), field=field)
        return {"scale": number}
    if question.kind == Question.Kind.CHOICE:
        picked = value if isinstance(value, (list, tuple)) else [value]
        picked = [str(item) for item in picked]
        if any(item not in question.choices for item in picked) or len(set(picked)) != len(picked):
            raise Invalid(_("Velg blant alternativene."), field=field)
        if len(picked) > 1 and not question.multiple:
            raise Invalid(_("Velg bare ett alternativ."), field=field)
        return {"choices": picked}
    text = str(value).strip()
    if len(text) > TEXT_MAX:
        raise Invalid(_("Svaret kan være høyst %(n)s tegn.") % {"n": TEXT_MAX}, field=field)
    return {"text": text} if text else None


def submit_answers(token: str, answers: dict) -> Response:
    """Store the answers given with ``token`` (question id → value), once. The response
    holds no link to the token or a person; the token is only marked as used."""
    invite = invite_for_token(token)
    survey = invite.survey
    if not survey.is_open:
        raise Invalid(_("Undersøkelsen er avsluttet."), code="closed")
    questions = list(survey.questions.all())
    cleaned = [
        (question, _clean_answer(question, answers.get(question.pk))) for question in questions
    ]
    if all(fields is None for _question, fields in cleaned):
        raise Invalid(_("Svar på minst ett spørsmål."), code="empty")
    with transaction.atomic():
        locked = Invite.objects.select_for_update().get(pk=invite.pk)
        if locked.answered:
            raise Conflict(
                _("Du har allerede svart på denne undersøkelsen. Takk!"), code="answered"
            )
        locked.answered = True
        locked.save(update_fields=["answered"])
        response = Response.objects.create(survey=survey, group=locked.group)
        Answer.objects.bulk_create(
            Answer(response=response, question=question, **fields)
            for question, fields in cleaned
            if fields is not None
        )
    return response


def set_text_approved(survey, answer_id, *, actor, approved: bool) -> None:
    """Approve (or withdraw) a free-text answer for showing with the results. Audited as
    ``survey.approve`` / ``survey.withdraw`` (the answer's id, not its text)."""
    _refuse_unless_manager(survey, actor)
    answer = Answer.objects.filter(
        pk=answer_id, response__survey=survey, question__kind=Question.Kind.TEXT
    ).first()
    if answer is None:
        raise NotFound()
    with transaction.atomic():
        answer.approved = approved
        answer.save(update_fields=["approved"])
        record(
            actor,
            "survey.approve" if approved else "survey.withdraw",
            survey,
            hub=survey.hub,
            changes={"answer": answer.pk},
        )
