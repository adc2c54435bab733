"""Every write about a steering group's meetings, its decisions (which may grant money to
the pilot or to a sub-project) and the pilot's spending.

The pilot's steering group, its current project leader and the programme owner's people
record them (``access.may_manage_pilot``); the web UI and the API call these and nothing
else. Each write is atomic and audited."""

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from hubro.core.audit import record
from hubro.core.errors import Conflict, Invalid
from hubro.core.uploads import check_pdf

from . import access
from .actions import _check, _check_text
from .models import Decision, Expense, Meeting, Pilot, PilotSubProject

PDF_TAIL = 2048


def check_real_pdf(upload, *, field: str = "minutes_file") -> None:
    """A PDF, not a file renamed to .pdf: the shared check (name, ``%PDF-`` header,
    size) and a PDF's end-of-file marker near its end, which a cut-off or forged file
    lacks."""
    check_pdf(upload, field=field)
    size = upload.size
    upload.seek(max(0, size - PDF_TAIL))
    tail = upload.read()
    upload.seek(0)
    if b"%%EOF" not in tail:
        raise Invalid(
            _("Filen er ikke en hel PDF. Lagre referatet som PDF på nytt og prøv igjen."),
            code="not_pdf",
            field=field,
        )


def _check_manage(actor, pilot) -> None:
    _check(actor, access.may_see_pilot(actor, pilot), access.may_manage_pilot(actor, pilot))


def _amount(value, field="amount") -> Decimal:
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise Invalid(_("Beløpet må være et tall."), code="invalid_amount", field=field) from None
    if not amount.is_finite() or amount <= 0 or amount >= Decimal("1e12"):
        raise Invalid(_("Beløpet må være større enn 0 kr."), code="invalid_amount", field=field)
    return amount.quantize(Decimal("0.01"))


def _own_sub_project(pilot, sub_project) -> PilotSubProject | None:
    if sub_project is not None and sub_project.pilot_id != pilot.pk:
        raise Invalid(
            _("Delprosjektet hører til en annen pilot."),
            code="unknown_sub_project",
            field="sub_project",
        )
    return sub_project


def _write_meeting(meeting: Meeting, *, title, agenda, minutes, minutes_file, actor) -> None:
    pilot = meeting.pilot
    _check_manage(actor, pilot)
    _check_text(title=title, agenda=agenda, minutes=minutes)
    if minutes_file is not None:
        check_real_pdf(minutes_file)
    creating = meeting.pk is None
    with transaction.atomic():
        meeting.title, meeting.agenda = title.strip(), agenda.strip()
        meeting.minutes = minutes.strip()
        if minutes_file is not None:
            name = (getattr(minutes_file, "name", "") or "referat.pdf").rsplit("/", 1)[-1]
            meeting.minutes_file.save(name, minutes_file, save=False)
        meeting.save()
        record(
            actor,
            f"programme.meeting.{'create' if creating else 'update'}",
            meeting,
            hub=pilot.hub,
            changes={
                "held_on": meeting.held_on.isoformat(),
                "minutes_file": minutes_file is not None,
            },
        )


def record_meeting(
    pilot: Pilot,
    *,
    held_on: dt.date,
    title: str = "",
    agenda: str = "",
    minutes: str = "",
    minutes_file=None,
    actor,
) -> Meeting:
    """Record a steering group meeting: its date, agenda and minutes, as text or as a
    PDF (checked to be one)."""
    meeting = Meeting(pilot=pilot, held_on=held_on, recorded_by=actor)
    _write_meeting(
        meeting,
        title=title,
        agenda=agenda,
        minutes=minutes,
        minutes_file=minutes_file,
        actor=actor,
    )
    return meeting


def update_meeting(
    meeting: Meeting,
    *,
    held_on: dt.date,
    title: str = "",
    agenda: str = "",
    minutes: str = "",
    minutes_file=None,
    actor,
) -> Meeting:
    """Change a meeting's date, agenda or minutes; a new PDF replaces the old one."""
    meeting.held_on = held_on
    _write_meeting(
        meeting,
        title=title,
        agenda=agenda,
        minutes=minutes,
        minutes_file=minutes_file,
        actor=actor,
    )
    return meeting


def delete_meeting(meeting: Meeting, *, actor) -> None:
    """Delete a meeting; one whose decisions granted money is kept (the budget rests on
    it): delete those decisions first."""
    pilot = meeting.pilot
    _check_manage(actor, pilot)
    if meeting.decisions.filter(amount__isnull=False).exists():
        raise Conflict(_("Møtet har vedtak om bevilgninger. Slett dem først."), code="has_grants")
    with transaction.atomic():
        record(actor, "programme.meeting.delete", meeting, hub=pilot.hub)
        meeting.delete()


def programme_granted(programme, *, exclude: Decision | None = None) -> Decimal:
    """What the steering groups of the programme's pilots have granted, in total."""
    grants = Decision.objects.filter(meeting__pilot__programme=programme, amount__isnull=False)
    if exclude is not None:
        grants = grants.exclude(pk=exclude.pk)
    return grants.aggregate(total=Sum("amount"))["total"] or Decimal("0")


def record_decision(
    meeting: Meeting, *, text: str, amount=None, sub_project=None, actor
) -> Decision:
    """Record a decision made at a meeting. With ``amount`` it grants that much money
    to the pilot, or to ``sub_project`` (one of the pilot's). Grants over all pilots may
    not exceed the programme's budget (when it has one)."""
    pilot = meeting.pilot
    _check_manage(actor, pilot)
    _check_text(text=text)
    if not text or not text.strip():
        raise Invalid(_("Skriv hva som ble vedtatt."), code="missing_text", field="text")
    sub_project = _own_sub_project(pilot, sub_project)
    if amount in ("", None):
        amount = None
        if sub_project is not None:
            raise Invalid(
                _("Oppgi beløpet som bevilges til delprosjektet."),
                code="missing_amount",
                field="amount",
            )
    else:
        amount = _amount(amount)
    with transaction.atomic():
        budget = pilot.programme.budget
        if amount is not None and budget is not None:
            left = budget - programme_granted(pilot.programme)
            if amount > left:
                raise Invalid(
                    _(
                        "Bevilgningen er større enn det som er igjen av programmets "
                        "budsjett (%(left)s kr)."
                    )
                    % {"left": f"{left:,.0f}".replace(",", "\u00a0")},
                    code="over_budget",
                    field="amount",
                )
        decision = Decision.objects.create(
            meeting=meeting,
            text=text.strip(),
            amount=amount,
            sub_project=sub_project,
            position=meeting.decisions.count() + 1,
        )
        record(
            actor,
            "programme.decision.create",
            decision,
            hub=pilot.hub,
            changes={
                "meeting": meeting.pk,
                "amount": str(amount) if amount is not None else None,
                "sub_project": sub_project.project.slug if sub_project else None,
            },
        )
    return decision


def delete_decision(decision: Decision, *, actor) -> None:
    pilot = decision.meeting.pilot
    _check_manage(actor, pilot)
    with transaction.atomic():
        record(
            actor,
            "programme.decision.delete",
            decision,
            hub=pilot.hub,
            changes={"amount": str(decision.amount) if decision.amount is not None else None},
        )
        decision.delete()


def record_expense(
    pilot: Pilot,
    *,
    spent_on: dt.date,
    amount,
    description: str,
    sub_project=None,
    actor,
) -> Expense:
    """Record money the pilot, or one of its sub-projects, has spent."""
    _check_manage(actor, pilot)
    _check_text(description=description)
    if not description or not description.strip():
        raise Invalid(
            _("Skriv hva pengene gikk til."), code="missing_description", field="description"
        )
    amount = _amount(amount)
    sub_project = _own_sub_project(pilot, sub_project)
    with transaction.atomic():
        expense = Expense.objects.create(
            pilot=pilot,
            sub_project=sub_project,
            spent_on=spent_on,
            amount=amount,
            description=description.strip(),
            recorded_by=actor,
        )
        record(
            actor,
            "programme.expense.create",
            expense,
            hub=pilot.hub,
            changes={"amount": str(amount)},
        )
    return expense


def delete_expense(expense: Expense, *, actor) -> None:
    pilot = expense.pilot
    _check_manage(actor, pilot)
    with transaction.atomic():
        record(
            actor,
            "programme.expense.delete",
            expense,
            hub=pilot.hub,
            changes={"amount": str(expense.amount)},
        )
        expense.delete()
