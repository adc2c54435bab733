"""Creating projects, their partners and funding lines, and changing their status."""

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hubro.community.models import (
    FundingLine,
    Project,
    ProjectPartner,
    ProjectStatusChange,
)
from hubro.core.audit import record
from hubro.core.errors import Conflict, Invalid

from .common import check_period, require_text, unique_slug

S = Project.Status
# Which status may follow which. Ended projects stay ended, except that a completed
# project may still be handed over to someone who carries its result on.
ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    S.IDEA: frozenset({S.APPLICATION, S.ONGOING, S.STOPPED, S.MERGED}),
    S.APPLICATION: frozenset({S.IDEA, S.ONGOING, S.STOPPED, S.MERGED}),
    S.ONGOING: frozenset({S.PAUSED, S.COMPLETED, S.HANDED_OVER, S.STOPPED, S.MERGED}),
    S.PAUSED: frozenset({S.ONGOING, S.COMPLETED, S.HANDED_OVER, S.STOPPED, S.MERGED}),
    S.COMPLETED: frozenset({S.HANDED_OVER}),
    S.HANDED_OVER: frozenset(),
    S.MERGED: frozenset(),
    S.STOPPED: frozenset(),
}
INITIAL_STATUSES = (S.IDEA, S.APPLICATION, S.ONGOING)
# Largest amount the column holds (14 digits, 2 after the point).
MAX_AMOUNT = Decimal("999999999999.99")


def audit_hub(project: Project):
    if project.hub_id:
        return project.hub
    if project.cluster_id:
        return project.cluster.home_hubs.order_by("pk").first()
    return None


def create_project(
    *,
    title: str,
    hub=None,
    cluster=None,
    description: str = "",
    status: str = S.IDEA,
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
    slug: str = "",
    created_on: dt.date | None = None,
    actor,
) -> Project:
    """Create a project at a hub and/or in a cluster, and its first status history
    entry (dated ``created_on``, default today). Raises ``Invalid``:
    ``title_required``, ``hub_or_cluster_required``, ``ends_before_start``,
    ``invalid_initial_status``, ``slug_taken``."""
    title = require_text(
        title, field="title", code="title_required", message=_("Prosjektet må ha en tittel.")
    )
    if hub is None and cluster is None:
        raise Invalid(
            _("Et prosjekt hører til en hub eller en klynge."),
            code="hub_or_cluster_required",
            field="hub",
        )
    if status not in INITIAL_STATUSES:
        raise Invalid(
            _("Et nytt prosjekt starter som idé, søknad eller pågående."),
            code="invalid_initial_status",
            field="status",
        )
    check_period(starts_on, ends_on)
    with transaction.atomic():
        project = Project.objects.create(
            title=title,
            slug=unique_slug(Project, title, slug),
            description=(description or "").strip(),
            status=status,
            starts_on=starts_on,
            ends_on=ends_on,
            hub=hub,
            cluster=cluster,
        )
        ProjectStatusChange.objects.create(
            project=project,
            from_status="",
            to_status=status,
            changed_on=created_on or timezone.localdate(),
            reason=str(_("Registrert i Hubro.")),
            actor=actor if getattr(actor, "pk", None) else None,
        )
        record(
            actor,
            "project.create",
            project,
            hub=audit_hub(project),
            changes={"title": title, "status": status},
        )
    return project


def _refuse(message, code: str, field: str | None = None):
    raise Invalid(message, code=code, field=field)


def _check_change(project, current, *, to_status, changed_on, reason, merged_into, handed_over_to):
    if to_status not in S.values:
        _refuse(_("Ukjent status."), "invalid_status", "to_status")
    if to_status == current:
        _refuse(_("Prosjektet har allerede denne statusen."), "same_status", "to_status")
    if to_status not in ALLOWED_TRANSITIONS[current]:
        _refuse(
            _("Et prosjekt med status «%(from)s» kan ikke få status «%(to)s».")
            % {"from": S(current).label, "to": S(to_status).label},
            "invalid_transition",
            "to_status",
        )
    if not isinstance(changed_on, dt.date) or isinstance(changed_on, dt.datetime):
        _refuse(_("Oppgi en dato."), "invalid_date", "changed_on")
    if changed_on > timezone.localdate():
        _refuse(_("Datoen kan ikke være fram i tid."), "changed_on_in_future", "changed_on")
    last = (
        project.status_history.order_by("-changed_on").values_list("changed_on", flat=True).first()
    )
    if last and changed_on < last:
        _refuse(
            _("Datoen kan ikke være før forrige statusendring (%(date)s).")
            % {"date": last.isoformat()},
            "before_last_change",
            "changed_on",
        )
    if not (reason or "").strip():
        _refuse(_("Skriv en begrunnelse."), "reason_required", "reason")
    if to_status == S.MERGED:
        if merged_into is None:
            _refuse(
                _("Velg prosjektet det slås sammen med."), "merged_into_required", "merged_into"
            )
        if merged_into.pk == project.pk:
            _refuse(
                _("Et prosjekt kan ikke slås sammen med seg selv."),
                "merge_into_self",
                "merged_into",
            )
        if merged_into.status in Project.ENDED:
            _refuse(
                _("Prosjektet det slås sammen med, er avsluttet."),
                "merge_target_ended",
                "merged_into",
            )
    elif merged_into is not None:
        _refuse(
            _("Bare sammenslåing har et prosjekt å slås sammen med."),
            "merged_into_not_allowed",
            "merged_into",
        )
    # The receiver of a hand-over may be outside Hubro's register (a research
    # consortium, say); then the reason names it and ``handed_over_to`` stays empty.
    if to_status != S.HANDED_OVER and handed_over_to is not None:
        _refuse(
            _("Bare overlevering har en organisasjon som overtar."),
            "handed_over_to_not_allowed",
            "handed_over_to",
        )


def change_project_status(
    project: Project,
    *,
    to_status: str,
    changed_on: dt.date,
    reason: str,
    merged_into: Project | None = None,
    handed_over_to=None,
    actor,
) -> ProjectStatusChange:
    """Move ``project`` to ``to_status`` and keep the change in its history: the date,
    the reason, and for a merge the project it went into, for a hand-over the
    organization that took it on. This is the only way a project's status changes.

    The allowed moves are ``ALLOWED_TRANSITIONS``. Raises ``Invalid`` with a code:
    ``invalid_status``, ``same_status``, ``invalid_transition``, ``invalid_date``,
    ``changed_on_in_future``, ``before_last_change``, ``reason_required``,
    ``merged_into_required``, ``merge_into_self``, ``merge_target_ended``,
    ``merged_into_not_allowed``, ``handed_over_to_not_allowed``. ``handed_over_to`` is
    optional for a hand-over: the receiver may not be in Hubro's register. Callers check
    the actor's permission (``permissions.may_manage_project``)."""
    with transaction.atomic():
        # Lock the row: two changes at once must not both start from the same status.
        locked = Project.objects.select_for_update().get(pk=project.pk)
        current = locked.status
        _check_change(
            locked,
            current,
            to_status=to_status,
            changed_on=changed_on,
            reason=reason,
            merged_into=merged_into,
            handed_over_to=handed_over_to,
        )
        change = ProjectStatusChange.objects.create(
            project=locked,
            from_status=current,
            to_status=to_status,
            changed_on=changed_on,
            reason=reason.strip(),
            merged_into=merged_into,
            handed_over_to=handed_over_to,
            actor=actor if getattr(actor, "pk", None) else None,
        )
        fields = ["status"]
        locked.status = to_status
        if to_status == S.MERGED:
            locked.merged_into = merged_into
            fields.append("merged_into")
        if to_status == S.HANDED_OVER:
            locked.taken_over_by = handed_over_to
            fields.append("taken_over_by")
        if to_status == S.ONGOING and locked.starts_on is None:
            locked.starts_on = changed_on
            fields.append("starts_on")
        if (
            to_status in Project.ENDED
            and locked.ends_on is None
            and (locked.starts_on is None or changed_on >= locked.starts_on)
        ):
            locked.ends_on = changed_on
            fields.append("ends_on")
        locked.save(update_fields=fields)
        for name in fields:
            setattr(project, name, getattr(locked, name))
        record(
            actor,
            "project.update",
            locked,
            hub=audit_hub(locked),
            changes={
                "status": [current, to_status],
                "changed_on": changed_on.isoformat(),
                "reason": change.reason,
                **({"merged_into": merged_into.slug} if merged_into else {}),
                **({"handed_over_to": handed_over_to.orgnr} if handed_over_to else {}),
            },
        )
    return change


def record_project_outcome(project: Project, *, outcome: str, taken_over_by=None, actor) -> None:
    """Write what became of a project that has ended (completed, handed over, merged or
    stopped) and, optionally, who carries it on. Raises ``Invalid``
    (``project_not_ended``, ``outcome_required``)."""
    if project.status not in Project.ENDED:
        _refuse(
            _("Resultatet skrives når prosjektet er avsluttet eller overlevert."),
            "project_not_ended",
        )
    outcome = require_text(
        outcome,
        field="outcome",
        code="outcome_required",
        message=_("Skriv hva som ble resultatet."),
    )
    with transaction.atomic():
        project.outcome = outcome
        fields = ["outcome"]
        if taken_over_by is not None:
            project.taken_over_by = taken_over_by
            fields.append("taken_over_by")
        project.save(update_fields=fields)
        record(
            actor,
            "project.update",
            project,
            hub=audit_hub(project),
            changes={
                "outcome": outcome,
                **({"taken_over_by": taken_over_by.orgnr} if taken_over_by else {}),
            },
        )


def add_project_partner(project: Project, *, organization, role: str, actor) -> ProjectPartner:
    """Add ``organization`` to the project as owner, partner or funder. Raises
    ``Invalid`` (``invalid_role``) or ``Conflict`` (``already_partner``)."""
    if role not in ProjectPartner.Role.values:
        _refuse(_("Ukjent rolle."), "invalid_role", "role")
    with transaction.atomic():
        if ProjectPartner.objects.filter(
            project=project, organization=organization, role=role
        ).exists():
            raise Conflict(
                _("Organisasjonen har allerede den rollen i prosjektet."),
                code="already_partner",
                field="organization",
            )
        partner = ProjectPartner.objects.create(
            project=project, organization=organization, role=role
        )
        record(
            actor,
            "projectpartner.create",
            partner,
            hub=audit_hub(project),
            changes={"project": project.slug, "orgnr": organization.orgnr, "role": role},
        )
    return partner


def _amount(value) -> Decimal:
    if isinstance(value, float):
        # A float has no exact cents; go through its shortest text form.
        value = repr(value)
    try:
        amount = Decimal(str(value).strip().replace(" ", "").replace(",", "."))
    except (InvalidOperation, ValueError):
        _refuse(_("Beløpet må være et tall."), "invalid_amount", "amount")
    if not amount.is_finite():
        _refuse(_("Beløpet må være et tall."), "invalid_amount", "amount")
    if amount < 0:
        _refuse(_("Beløpet kan ikke være negativt."), "negative_amount", "amount")
    if amount != amount.quantize(Decimal("0.01")):
        _refuse(_("Beløpet kan ha høyst to desimaler."), "invalid_amount", "amount")
    if amount > MAX_AMOUNT:
        _refuse(_("Beløpet er for stort."), "amount_too_large", "amount")
    return amount.quantize(Decimal("0.01"))


def add_funding_line(
    project: Project,
    *,
    source: str,
    amount,
    year: int,
    status: str = FundingLine.Status.APPLIED,
    funder=None,
    actor,
) -> FundingLine:
    """Add money applied for or granted, in NOK (a Decimal, or a string such as
    ``"250000.50"``). Raises ``Invalid``: ``source_required``, ``invalid_amount``,
    ``negative_amount``, ``amount_too_large``, ``invalid_year``, ``invalid_status``."""
    source = require_text(
        source, field="source", code="source_required", message=_("Oppgi en kilde.")
    )
    amount = _amount(amount)
    if not isinstance(year, int) or isinstance(year, bool) or not 1900 <= year <= 2100:
        _refuse(_("Oppgi et år mellom 1900 og 2100."), "invalid_year", "year")
    if status not in FundingLine.Status.values:
        _refuse(_("Ukjent status."), "invalid_status", "status")
    with transaction.atomic():
        line = FundingLine.objects.create(
            project=project, source=source, amount=amount, year=year, status=status, funder=funder
        )
        record(
            actor,
            "fundingline.create",
            line,
            hub=audit_hub(project),
            changes={
                "project": project.slug,
                "amount": str(amount),
                "year": year,
                "status": status,
            },
        )
    return line
