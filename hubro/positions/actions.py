"""Every write on positions: register, change, record hires. Atomic and audited."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hubro.core.audit import record
from hubro.core.errors import Invalid

from .access import may_manage
from .models import Hire, Position


def _check(*, title, organization, hubs, announcement_url, deadline, announced_on, actor):
    if not may_manage(actor, organization):
        raise Invalid(
            _("Bare virksomhetens koordinatorer kan registrere stillinger for den."),
            code="not_allowed",
            field="organization",
        )
    if not (title or "").strip():
        raise Invalid(_("Skriv stillingstittelen."), code="required", field="title")
    if not hubs:
        raise Invalid(
            _("Velg minst én hub stillingen kan ha som kontorsted."), code="required", field="hubs"
        )
    try:
        URLValidator(schemes=["http", "https"])(announcement_url or "")
    except ValidationError:
        raise Invalid(
            _("Lenken til utlysningen må være en nettadresse som begynner med https://."),
            code="invalid_url",
            field="announcement_url",
        ) from None
    if deadline < announced_on:
        raise Invalid(
            _("Søknadsfristen kan ikke være før stillingen ble utlyst."),
            code="deadline_before_announced",
            field="deadline",
        )


def register_position(
    *, actor, title, organization, hubs, announcement_url, deadline, announced_on=None
) -> Position:
    """Register a position of ``organization`` that can be held from ``hubs``. Only the
    organization's coordinators (and administrators). Audited as ``position.create``."""
    announced_on = announced_on or timezone.localdate()
    hubs = list(hubs)
    _check(
        title=title,
        organization=organization,
        hubs=hubs,
        announcement_url=announcement_url,
        deadline=deadline,
        announced_on=announced_on,
        actor=actor,
    )
    with transaction.atomic():
        position = Position.objects.create(
            title=title.strip(),
            organization=organization,
            announcement_url=announcement_url,
            announced_on=announced_on,
            deadline=deadline,
            created_by=actor,
        )
        position.hubs.set(hubs)
        record(
            actor,
            "position.create",
            position,
            changes={"hubs": [hub.slug for hub in hubs], "deadline": deadline.isoformat()},
        )
    return position


def change_position(position, *, actor, **fields) -> Position:
    """Change a position's title, hubs, link, dates (the agency stays). Audited as
    ``position.update``."""
    values = {
        "title": fields.get("title", position.title),
        "organization": position.organization,
        "hubs": list(fields.get("hubs", position.hubs.all())),
        "announcement_url": fields.get("announcement_url", position.announcement_url),
        "deadline": fields.get("deadline", position.deadline),
        "announced_on": fields.get("announced_on", position.announced_on),
    }
    _check(actor=actor, **values)
    with transaction.atomic():
        for name in ("title", "announcement_url", "deadline", "announced_on"):
            setattr(position, name, values[name].strip() if name == "title" else values[name])
        position.save()
        position.hubs.set(values["hubs"])
        record(actor, "position.update", position)
    return position


def record_hires(position, *, actor, hub, count: int, hired_on=None) -> Hire:
    """Record that ``count`` people were hired to ``position`` to work from ``hub``: a
    number, never names. Audited as ``position.hire``."""
    if not may_manage(actor, position.organization):
        raise Invalid(
            _("Bare virksomhetens koordinatorer kan registrere ansettelser."), code="not_allowed"
        )
    hired_on = hired_on or timezone.localdate()
    if not position.hubs.filter(pk=hub.pk).exists():
        raise Invalid(
            _("Velg en av hubene stillingen kan ha som kontorsted."), code="invalid", field="hub"
        )
    if not isinstance(count, int) or count < 1 or count > 1000:
        raise Invalid(_("Antallet må være et helt tall fra 1 til 1000."), field="count")
    if hired_on > timezone.localdate():
        raise Invalid(_("Datoen kan ikke være fram i tid."), field="hired_on")
    if hired_on < position.announced_on:
        raise Invalid(_("Datoen kan ikke være før stillingen ble utlyst."), field="hired_on")
    with transaction.atomic():
        hire = Hire.objects.create(
            position=position, hub=hub, count=count, hired_on=hired_on, recorded_by=actor
        )
        record(
            actor,
            "position.hire",
            position,
            hub=hub,
            changes={"count": count, "hired_on": hired_on.isoformat()},
        )
    return hire
