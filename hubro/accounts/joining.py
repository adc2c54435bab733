"""Who may join Hubro, and as a member of which organization.

A person joins through a way of signing in that names their employer:
- single sign-on whose claims carry an organisation number (Ansattporten, or another
  provider with a configured claim) or a Microsoft Entra tenant id;
- a one-time code sent to an address at an e-mail domain an organization lists.

Open sign-up does not exist. Organisation numbers Hubro does not know yet are created
from the workplace register (Enhetsregisteret, ``hubro.registry``), or with the name the
identity provider gave when the register lacks them."""

import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from hubro.core.audit import record
from hubro.core.errors import Invalid
from hubro.core.models import (
    Membership,
    Municipality,
    Organization,
    OrganizationDomain,
    OrganizationTenant,
    Person,
    normalize_domain,
    normalize_orgnr,
    validate_orgnr,
)

logger = logging.getLogger(__name__)


class CannotJoin(Invalid):
    """The way of signing in names no organization Hubro can make a member of."""


def organization_for_email(email: str) -> Organization | None:
    """The organization that lists the address's domain (exact match), or None."""
    domain = normalize_domain(email.rpartition("@")[2])
    listed = OrganizationDomain.objects.select_related("organization").filter(domain=domain)
    found = listed.first()
    return found.organization if found else None


def organization_for_tenant(tenant_id: str) -> Organization | None:
    tenant = (tenant_id or "").strip().lower()
    found = OrganizationTenant.objects.select_related("organization").filter(tenant_id=tenant)
    first = found.first()
    return first.organization if first else None


def _register_facts(orgnr: str) -> dict | None:
    """Name, sector and home municipality of ``orgnr`` from the latest register
    snapshot: a local unit names its municipality; a main entity takes the municipality
    of its units when they all lie in one. None when the register does not know it."""
    from hubro.registry.models import Entity, Unit
    from hubro.registry.queries import latest_snapshot

    snapshot = latest_snapshot()
    if snapshot is not None:
        unit = Unit.objects.filter(snapshot=snapshot, orgnr=orgnr).first()
        if unit is not None:
            return {
                "name": unit.name,
                "sector": unit.sector,
                "municipality": unit.municipality_number if unit.municipality_known else "",
            }
    entity = Entity.objects.filter(orgnr=orgnr).first()
    if entity is None:
        return None
    numbers = set()
    if snapshot is not None:
        for parent, chain, number in Unit.objects.filter(
            snapshot=snapshot, chain__contains=orgnr
        ).values_list("parent_orgnr", "chain", "municipality_number")[:500]:
            if orgnr == parent or orgnr in chain.split():
                numbers.add(number)
    return {
        "name": entity.name,
        "sector": entity.sector,
        "municipality": numbers.pop() if len(numbers) == 1 else "",
    }


def _readable(name: str) -> str:
    """The register writes names in capitals; people write them in title case."""
    if name.isupper():
        small = {"og", "i", "for", "av", "på", "til", "ved"}
        words = name.lower().split()
        return " ".join(
            w if i and w in small else w[:1].upper() + w[1:] for i, w in enumerate(words)
        )
    return name


def organization_for_orgnr(orgnr: str, *, name_hint: str = "", actor=None) -> Organization:
    """The organization with this organisation number; created from the register, or
    with ``name_hint`` (the name the identity provider gave) when the register does not
    know it. Raises CannotJoin when the number is invalid, or when Hubro cannot tell
    the organization's home municipality (set HUBRO_SSO_DEFAULT_MUNICIPALITY)."""
    orgnr = normalize_orgnr(orgnr)
    try:
        validate_orgnr(orgnr)
    except Exception:
        raise CannotJoin(
            _("Innloggingen ga et ugyldig organisasjonsnummer (%(orgnr)s).") % {"orgnr": orgnr},
            code="invalid_orgnr",
        ) from None
    existing = Organization.objects.filter(orgnr=orgnr).first()
    if existing is not None:
        return existing
    facts = _register_facts(orgnr) or {}
    name = _readable(facts.get("name") or name_hint.strip())
    number = facts.get("municipality") or settings.HUBRO_SSO_DEFAULT_MUNICIPALITY
    municipality = Municipality.objects.filter(number=number).first() if number else None
    if not name or municipality is None:
        raise CannotJoin(
            _(
                "Organisasjonen %(orgnr)s er ikke registrert i Hubro ennå. Be en"
                " administrator legge den til."
            )
            % {"orgnr": orgnr},
            code="unknown_organization",
        )
    sectors = set(Organization.Sector.values)
    sector = facts.get("sector") if facts.get("sector") in sectors else Organization.Sector.OTHER
    try:
        with transaction.atomic():
            organization = Organization.objects.create(
                orgnr=orgnr, name=name[:300], sector=sector, municipality=municipality
            )
            record(
                actor,
                "organization.create",
                organization,
                changes={"source": "register" if facts else "sign-in", "orgnr": orgnr},
            )
    except IntegrityError:  # made by a sign-in at the same moment
        organization = Organization.objects.get(orgnr=orgnr)
    return organization


def ensure_membership(person: Person, organization: Organization, *, via: str) -> Membership:
    """Make ``person`` a member of ``organization`` unless they are one already. The
    first membership is the primary one. Audited as ``membership.create``."""
    with transaction.atomic():
        membership = Membership.objects.filter(person=person, organization=organization).first()
        if membership is not None:
            return membership
        has_primary = Membership.objects.filter(person=person, is_primary=True).exists()
        membership = Membership.objects.create(
            person=person,
            organization=organization,
            role=Membership.Role.MEMBER,
            is_primary=not has_primary,
        )
        record(person, "membership.create", membership, changes={"via": via})
    return membership


def join_by_code(email: str) -> Person | None:
    """The person for a one-time code request to ``email``: an existing person, or a
    new one (pending until the code is used). None when no organization lists the
    address's domain: the code is for work addresses only."""
    from .models import PendingJoin

    email = email.strip().lower()
    organization = organization_for_email(email)
    if organization is None:
        # Refused whether or not someone has the address: the answer must not tell.
        return None
    person = Person.objects.filter(email__iexact=email).first()
    if person is not None:
        if not person.is_active:
            return None
        _address_on_record(person)
        return person
    try:
        with transaction.atomic():
            person = Person.objects.create_user(email=email, password=None)
            PendingJoin.objects.create(person=person)
            Membership.objects.create(person=person, organization=organization, is_primary=True)
            record(None, "person.create", person, changes={"via": "code", "domain": True})
            _address_on_record(person)
    except IntegrityError:
        person = Person.objects.filter(email__iexact=email).first()
    return person


def _address_on_record(person: Person) -> None:
    """allauth's address row, unconfirmed until the code is entered (which confirms it:
    the code reached the address)."""
    from allauth.account.models import EmailAddress

    if not EmailAddress.objects.filter(user=person, email__iexact=person.email).exists():
        EmailAddress.objects.create(user=person, email=person.email, verified=False, primary=True)
