"""Erasing a person (GDPR art. 17) and the retention rule for old bookings.

Erasing keeps the statistics right by anonymising the person in place: the row stays
(so every booking, roll-up row and count that refers to it is unchanged), but it no
longer says who it was: a random address under ``.invalid``, no name, no password, no
memberships, roles, tokens, sessions, second factors or sign-in links. Future bookings
are cancelled first. Text that names the person (their address or name) in rows that
refer to them, in e-mail columns anywhere, and in the audit log is replaced by the
pseudonym; audit entries stay, so that what happened stays on record.

The retention rule (``hubro retention``) moves bookings older than
HUBRO_RETENTION_MONTHS, whole months at a time, from each person to a new anonymous
stand-in, one per person and run, so that daily and monthly counts stay right while no
old booking can be traced to anyone."""

import datetime as dt
import json
import logging
import re
import secrets

from django.conf import settings
from django.db import models, transaction
from django.db.models.functions import Cast
from django.utils import timezone

from hubro.core.audit import record, record_event
from hubro.core.models import AuditEntry, Person
from hubro.core.notify import muted

logger = logging.getLogger(__name__)

ANONYMOUS_DOMAIN = "slettet.invalid"
TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)


def is_anonymous(person) -> bool:
    return person.email.endswith("@" + ANONYMOUS_DOMAIN)


def _anonymous_email() -> str:
    return f"slettet-{secrets.token_hex(8)}@{ANONYMOUS_DOMAIN}"


def pseudonym(person) -> str:
    return f"slettet person #{person.pk}"


def _targets(email: str, name: str) -> list[str]:
    return [t for t in {email.strip(), name.strip()} if len(t) >= 3]


def _replace(value, targets, replacement):
    """``value`` (text, or JSON data) with every target replaced, case-insensitively."""
    if isinstance(value, str):
        for target in targets:
            value = re.sub(re.escape(target), replacement, value, flags=re.IGNORECASE)
        return value
    if isinstance(value, list):
        return [_replace(v, targets, replacement) for v in value]
    if isinstance(value, dict):
        return {
            _replace(k, targets, replacement): _replace(v, targets, replacement)
            for k, v in value.items()
        }
    return value


def _contains_any(field_name: str, targets) -> models.Q:
    query = models.Q()
    for target in targets:
        query |= models.Q(**{f"{field_name}__icontains": target})
        escaped = json.dumps(target)[1:-1]
        if escaped != target:  # JSON text on SQLite escapes non-ASCII letters
            query |= models.Q(**{f"{field_name}__icontains": escaped})
    return query


def _scrub_rows(queryset, targets, replacement) -> int:
    """Replace the targets in every text and JSON column of the rows of ``queryset``."""
    model = queryset.model
    fields = [
        f for f in model._meta.concrete_fields if isinstance(f, TEXT_FIELDS) and not f.choices
    ]
    changed = 0
    for field in fields:
        if isinstance(field, models.JSONField):
            rows = queryset.annotate(_as_text=Cast(field.attname, models.TextField())).filter(
                _contains_any("_as_text", targets)
            )
        else:
            rows = queryset.filter(_contains_any(field.attname, targets))
        for pk, value in rows.values_list("pk", field.attname):
            new = _replace(value, targets, replacement)
            if new != value:
                model._base_manager.filter(pk=pk).update(**{field.attname: new})
                changed += 1
    return changed


def _scrub_audit(person, targets, replacement) -> int:
    entries = AuditEntry.objects.filter(
        models.Q(actor=person)
        | models.Q(object_type="core.person", object_id=str(person.pk))
        | _contains_any("actor_label", targets)
        | _contains_any("object_repr", targets)
        | models.Q(
            pk__in=AuditEntry.objects.annotate(_as_text=Cast("changes", models.TextField()))
            .filter(_contains_any("_as_text", targets))
            .values("pk")
        )
    )
    count = 0
    for entry in entries.iterator():
        values = {
            "actor_label": replacement
            if entry.actor_id == person.pk
            else _replace(entry.actor_label, targets, replacement),
            "object_repr": _replace(entry.object_repr, targets, replacement),
            "changes": _replace(entry.changes, targets, replacement),
        }
        if entry.object_type == "core.person" and entry.object_id == str(person.pk):
            values["object_repr"] = replacement
        AuditEntry.objects.filter(pk=entry.pk).pseudonymise(**values)
        count += 1
    return count


def _delete_access(person) -> None:
    """Everything that lets the person sign in or act, or that exists only for them."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from allauth.socialaccount.models import SocialAccount
    from allauth.usersessions.models import UserSession
    from django.contrib.sessions.models import Session

    from hubro.core.models import ApiToken, Membership
    from hubro.programme.models import ProgrammeRole
    from hubro.registry.models import Subscription
    from hubro.spaces.models import HubHost

    session_keys = list(
        UserSession.objects.filter(user=person).values_list("session_key", flat=True)
    )
    Session.objects.filter(session_key__in=session_keys).delete()
    UserSession.objects.filter(user=person).delete()
    for model in (
        EmailAddress,
        Authenticator,
        SocialAccount,
        ApiToken,
        Membership,
        HubHost,
        ProgrammeRole,
        Subscription,
    ):
        field = "user" if model in (EmailAddress, Authenticator, SocialAccount) else "person"
        model.objects.filter(**{field: person}).delete()


def _cancel_future_bookings(person, actor) -> tuple[int, int]:
    """Cancel the person's bookings that have not ended. A booking that holds a room
    for an event that still stands is left: the event belongs to its organization."""
    from hubro.bookings.actions.bookings import cancel_booking
    from hubro.bookings.models import Booking
    from hubro.core.errors import DomainError

    cancelled = kept = 0
    for booking in Booking.objects.filter(
        person=person, status=Booking.Status.CONFIRMED, end__gt=timezone.now()
    ):
        try:
            cancel_booking(booking, actor=actor)
            cancelled += 1
        except DomainError:
            kept += 1
    return cancelled, kept


def erase_person(person: Person, *, actor) -> dict:
    """Erase ``person`` (see the module's docstring). ``actor`` is the person themself
    or an administrator; audited as ``person.erase``. Returns what was done."""
    if is_anonymous(person):
        return {"cancelled": 0, "kept": 0, "audit": 0, "rows": 0}
    email, name = person.email, person.name
    targets = _targets(email, name)
    replacement = pseudonym(person)
    with muted():  # no mail about cancellations to an address that is being erased
        cancelled, kept = _cancel_future_bookings(person, actor if actor != person else None)
        with transaction.atomic():
            _delete_access(person)
            rows = 0
            for relation in Person._meta.related_objects:
                model = relation.related_model
                if model is AuditEntry or relation.many_to_many:
                    continue
                rows += _scrub_rows(
                    model._base_manager.filter(**{relation.field.name: person}),
                    targets,
                    replacement,
                )
            # Addresses typed in elsewhere (guest sign-ups, invitations) name them too.
            from django.apps import apps

            for model in apps.get_models():
                for field in model._meta.concrete_fields:
                    if isinstance(field, models.EmailField) and model is not Person:
                        model._base_manager.filter(**{f"{field.attname}__iexact": email}).update(
                            **{field.attname: ""}
                            if field.blank
                            else {field.attname: _anonymous_email()}
                        )
            audit = _scrub_audit(person, targets, replacement)
            Person.objects.filter(pk=person.pk).update(
                email=_anonymous_email(),
                name="",
                password="!" + secrets.token_urlsafe(20),
                is_active=False,
                is_staff=False,
                is_superuser=False,
                calendar_token=None,
                show_presence=False,
                last_login=None,
                language=settings.LANGUAGE_CODE,
            )
            person.refresh_from_db()
            by_admin = actor is not None and getattr(actor, "pk", None) != person.pk
            record(
                actor if by_admin else None,
                "person.erase",
                person,
                changes={"by": "administrator" if by_admin else "self", "cancelled": cancelled},
            )
    logger.info("Erased person %s (%s future bookings cancelled)", person.pk, cancelled)
    return {"cancelled": cancelled, "kept": kept, "audit": audit, "rows": rows}


# --- Retention --------------------------------------------------------------------------
def retention_cutoff(today: dt.date | None = None, months: int | None = None) -> dt.date:
    """The first day of the month ``months`` (HUBRO_RETENTION_MONTHS) before today's."""
    today = today or timezone.localdate()
    months = settings.HUBRO_RETENTION_MONTHS if months is None else months
    index = today.year * 12 + today.month - 1 - months
    return dt.date(index // 12, index % 12 + 1, 1)


def apply_retention(*, today: dt.date | None = None, months: int | None = None) -> dict:
    """Move bookings that started before the cutoff from each real person to a new
    anonymous stand-in (one per person and run), the daily roll-up rows with them, and
    delete accounts made for a one-time code that was never used. Returns counts."""
    from hubro.bookings.models import Booking, BookingSeries
    from hubro.core.timeutil import day_bounds
    from hubro.insights import rollup
    from hubro.insights.models import PresenceDay

    from .models import PendingJoin

    cutoff = retention_cutoff(today, months)
    moment = day_bounds(cutoff)[0]
    old = Booking.objects.filter(start__lt=moment).exclude(
        person__email__endswith="@" + ANONYMOUS_DOMAIN
    )
    people = list(old.order_by().values_list("person_id", flat=True).distinct())
    moved = 0
    for person_id in people:
        with transaction.atomic():
            stand_in = Person.objects.create_user(email=_anonymous_email(), password=None)
            Person.objects.filter(pk=stand_in.pk).update(is_active=False)
            moved += Booking.objects.filter(person_id=person_id, start__lt=moment).update(
                person=stand_in
            )
            BookingSeries.objects.filter(person_id=person_id, bookings__isnull=False).exclude(
                bookings__start__gte=moment
            ).update(person=stand_in)
            PresenceDay.objects.filter(person_id=person_id, day__lt=cutoff).update(person=stand_in)
    if people:
        rollup.drop_columns(before=cutoff)
    stale = PendingJoin.objects.filter(created_at__lt=timezone.now() - dt.timedelta(days=1))
    unused = 0
    for pending in stale.select_related("person"):
        person = pending.person
        if person.last_login is None and not person.bookings.exists():
            erase_person(person, actor=None)
            unused += 1
    if people:
        record_event(
            None,
            "retention.apply",
            object_type="bookings.booking",
            changes={"cutoff": cutoff.isoformat(), "bookings": moved, "people": len(people)},
        )
    return {"cutoff": cutoff, "bookings": moved, "people": len(people), "unused_accounts": unused}
