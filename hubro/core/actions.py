"""Every write to people and organizations."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
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

    Without a password the person cannot sign in locally until one is set."""
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise Invalid(
            _("%(email)s er ikke en gyldig e-postadresse.") % {"email": email},
            code="invalid_email",
        ) from None
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


def issue_api_token(person: Person, *, name: str = "", actor=None) -> str:
    """Create an API token for a person and return its secret, which is shown once."""
    with transaction.atomic():
        token, raw = ApiToken.objects.issue(person, name=name)
        record(actor, "apitoken.create", token)
    return raw
