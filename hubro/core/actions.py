"""Every write to people and organizations."""

import datetime as dt

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hubro.core.audit import record
from hubro.core.errors import Conflict, Invalid

from .models import ApiToken, Membership, Organization, Person, normalize_orgnr


def get_organization_by_orgnr(orgnr: str) -> Organization:
    organization = Organization.objects.filter(orgnr=normalize_orgnr(orgnr)).first()
    if organization is None:
        raise Invalid(
            _("Ingen organisasjon har organisasjonsnummer %(orgnr)s.") % {"orgnr": orgnr},
            code="unknown_organization",
            field="org",
        )
    return organization


def create_person(
    *,
    email: str,
    organization: Organization,
    name: str = "",
    password: str | None = None,
    role: str = Membership.Role.MEMBER,
    actor=None,
) -> Person:
    """Create a person with a membership (member role by default) in an organization.

    Without a password the person cannot sign in locally until one is set; a password
    must pass the configured password validators."""
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise Invalid(
            _("%(email)s er ikke en gyldig e-postadresse.") % {"email": email},
            code="invalid_email",
        ) from None
    if password is not None:
        try:
            validate_password(password, Person(email=email, name=name))
        except ValidationError as exc:
            raise Invalid(" ".join(exc.messages), code="weak_password", field="password") from None
    if Person.objects.filter(email__iexact=email).exists():
        raise Conflict(
            _("Det finnes allerede en person med e-post %(email)s.") % {"email": email},
            code="duplicate_email",
        )
    try:
        with transaction.atomic():
            person = Person.objects.create_user(email=email, password=password, name=name)
            Membership.objects.create(
                person=person, organization=organization, role=role, is_primary=True
            )
            record(actor, "person.create", person, changes={"organization": organization.orgnr})
    except IntegrityError:
        raise Conflict(
            _("Det finnes allerede en person med e-post %(email)s.") % {"email": email},
            code="duplicate_email",
        ) from None
    return person


def issue_api_token(person: Person, *, name: str = "", actor=None, days: int | None = None) -> str:
    """Create an API token for a person and return its secret, which is shown once. It
    expires after ``days`` (default HUBRO_API_TOKEN_DAYS). Audited as
    ``apitoken.create``."""
    days = settings.HUBRO_API_TOKEN_DAYS if days is None else days
    if not 1 <= days <= 3660:
        raise Invalid(
            _("En API-nøkkel må gjelde fra 1 til 3660 dager."), code="invalid_days", field="days"
        )
    with transaction.atomic():
        token, raw = ApiToken.objects.issue(
            person, name=name, expires_at=timezone.now() + dt.timedelta(days=days)
        )
        record(
            actor, "apitoken.create", token, changes={"expires_at": token.expires_at.isoformat()}
        )
    return raw


def revoke_api_token(token: ApiToken, *, actor=None) -> bool:
    """Stop a token from working. Revoking one already revoked writes nothing. Audited
    as ``apitoken.revoke``."""
    with transaction.atomic():
        revoked = ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        if revoked:
            record(actor, "apitoken.revoke", token)
    return bool(revoked)
