"""Writes a person makes to their own profile: the calendar feed address, whether
their name shows in «hvem er her», and their language. Each is atomic and audited."""

import secrets

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from hubro.core.audit import record
from hubro.core.errors import Invalid, NotFound
from hubro.core.permissions import is_admin

from .models import Person


def _check_actor(person: Person, actor) -> None:
    """A person edits their own profile; an administrator may edit anyone's. An actor
    of None is the system (a command or a task)."""
    if actor is None or getattr(actor, "pk", None) == person.pk or is_admin(actor):
        return
    raise NotFound()


def _new_token() -> str:
    # 256 bits, 43 URL-safe characters; fits Person.calendar_token (64).
    return secrets.token_urlsafe(32)


def issue_calendar_token(person: Person, actor) -> str:
    """Give the person a new secret calendar address and return its token. An earlier
    address stops working at once. Audited as ``person.calendar_issue``."""
    _check_actor(person, actor)
    with transaction.atomic():
        token = _new_token()
        replaced = Person.objects.filter(pk=person.pk, calendar_token__isnull=False).exists()
        Person.objects.filter(pk=person.pk).update(calendar_token=token)
        person.calendar_token = token
        record(actor, "person.calendar_issue", person, changes={"replaced": replaced})
    return token


def ensure_calendar_token(person: Person, actor) -> str:
    """The person's calendar token, issued now if they have none (used by ``GET /me``,
    so API clients always get an address). Two requests at once get the same token."""
    _check_actor(person, actor)
    with transaction.atomic():
        token = _new_token()
        issued = Person.objects.filter(pk=person.pk, calendar_token__isnull=True).update(
            calendar_token=token
        )
        if issued:
            record(actor, "person.calendar_issue", person, changes={"replaced": False})
        else:
            token = Person.objects.values_list("calendar_token", flat=True).get(pk=person.pk)
    person.calendar_token = token
    return token


def revoke_calendar_token(person: Person, actor) -> bool:
    """Stop the person's calendar address from working. Returns whether there was one
    to revoke; revoking nothing writes nothing. Audited as ``person.calendar_revoke``."""
    _check_actor(person, actor)
    with transaction.atomic():
        revoked = Person.objects.filter(pk=person.pk, calendar_token__isnull=False).update(
            calendar_token=None
        )
        person.calendar_token = None
        if revoked:
            record(actor, "person.calendar_revoke", person)
    return bool(revoked)


def set_presence_visibility(person: Person, visible: bool, actor) -> Person:
    """Show (or hide) the person's name to others in «hvem er her» on days they are at
    a hub. Off by default. Audited as ``person.presence_visibility`` when it changes."""
    _check_actor(person, actor)
    visible = bool(visible)
    with transaction.atomic():
        changed = (
            Person.objects.filter(pk=person.pk)
            .exclude(show_presence=visible)
            .update(show_presence=visible)
        )
        person.show_presence = visible
        if changed:
            record(actor, "person.presence_visibility", person, changes={"visible": visible})
    return person


def set_language(person: Person, language: str, actor) -> Person:
    """The person's language for the UI and for emails (nb, nn or en). Audited as
    ``person.language`` when it changes."""
    _check_actor(person, actor)
    if language not in dict(settings.LANGUAGES):
        raise Invalid(
            _("Ukjent språk: %(language)s.") % {"language": language},
            code="unknown_language",
            field="language",
        )
    with transaction.atomic():
        changed = (
            Person.objects.filter(pk=person.pk)
            .exclude(language=language)
            .update(language=language)
        )
        person.language = language
        if changed:
            record(actor, "person.language", person, changes={"language": language})
    return person
