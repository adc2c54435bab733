"""Invitation lists: people by hand, every person of chosen organizations, and the
leaders of the state units in a region (from the workplace register)."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from hubro.core.audit import record
from hubro.core.errors import Invalid
from hubro.core.models import Organization, Person
from hubro.registry.queries import state_units_in_region

from .. import notifications
from ..models import Invitation
from ..permissions import may_manage


def _refuse_unless_manager(event, actor) -> None:
    if not may_manage(actor, event):
        raise Invalid(_("Du kan ikke invitere til dette arrangementet."), code="not_allowed")


def parse_emails(text: str) -> list[str]:
    """Addresses separated by commas, semicolons, spaces or lines; ``Invalid`` (field
    ``emails``) naming the first that is not an address."""
    emails = []
    for part in text.replace(",", " ").replace(";", " ").split():
        try:
            validate_email(part)
        except ValidationError:
            raise Invalid(
                _("«%(value)s» er ikke en gyldig e-postadresse.") % {"value": part},
                code="invalid_email",
                field="emails",
            ) from None
        if part.lower() not in emails:
            emails.append(part.lower())
    return emails


def _add(event, *, person=None, email="", name="", organization=None) -> Invitation | None:
    """One invitation unless the person or address is already invited."""
    existing = Invitation.objects.filter(event=event)
    if person is not None:
        if (
            existing.filter(person=person).exists()
            or existing.filter(person__isnull=True, email__iexact=person.email).exists()
        ):
            return None
        if organization is None:
            membership = person.primary_membership
            organization = membership.organization if membership else None
        return Invitation.objects.create(
            event=event, person=person, name=person.get_full_name(), organization=organization
        )
    if (
        existing.filter(email__iexact=email).exists()
        or existing.filter(person__email__iexact=email).exists()
    ):
        return None
    return Invitation.objects.create(
        event=event, email=email.lower(), name=name[:200], organization=organization
    )


def _mail_after_commit(invitations: list) -> int:
    """E-mail the new invitations once the write is committed; returns how many."""
    ids = [invitation.pk for invitation in invitations if invitation is not None]
    if ids:
        transaction.on_commit(lambda: notifications.notify_invited(ids), robust=True)
    return len(ids)


def invite(event, *, actor, people=(), emails=(), organizations=()) -> int:
    """Invite ``people``, ``emails`` (an address that belongs to an account invites that
    person) and every active person of ``organizations``. Returns how many new
    invitations there are; inviting someone twice changes nothing. Audited as
    ``event.invite``."""
    _refuse_unless_manager(event, actor)
    new = []
    with transaction.atomic():
        for person in people:
            new.append(_add(event, person=person))
        for email in emails:
            person = Person.objects.filter(email__iexact=email, is_active=True).first()
            new.append(_add(event, person=person) if person else _add(event, email=email))
        for organization in organizations:
            members = Person.objects.filter(
                memberships__organization=organization, is_active=True
            ).distinct()
            for person in members:
                new.append(_add(event, person=person, organization=organization))
        added = _mail_after_commit(new)
        if added:
            record(actor, "event.invite", event, hub=event.hub, changes={"added": added})
    return added


def invite_state_unit_leaders(event, region, *, actor) -> tuple[int, int]:
    """Invite the leaders of every state unit in ``region``, by the contact address the
    workplace register holds for each unit (``hubro.registry.queries.
    state_units_in_region``). Returns (units found, new invitations); units without an
    address are counted but cannot be invited. An empty register gives (0, 0)."""
    _refuse_unless_manager(event, actor)
    units = state_units_in_region(region) or []
    new = []
    with transaction.atomic():
        for unit in units:
            email = (unit.get("email") or "").strip()
            if not email:
                continue
            try:
                validate_email(email)
            except ValidationError:
                continue
            organization = Organization.objects.filter(orgnr=unit.get("orgnr") or "").first()
            name = unit.get("name") or ""
            person = Person.objects.filter(email__iexact=email, is_active=True).first()
            if person is not None:
                new.append(_add(event, person=person, organization=organization))
            else:
                new.append(_add(event, email=email, name=name, organization=organization))
        added = _mail_after_commit(new)
        if added:
            record(
                actor,
                "event.invite",
                event,
                hub=event.hub,
                changes={"added": added, "region": getattr(region, "slug", str(region))},
            )
    return len(units), added
