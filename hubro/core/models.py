"""People, organizations, places and the audit log: what every capability stands on."""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import ValidationError as StdnumValidationError
from stdnum.no import orgnr as stdnum_orgnr


def validate_orgnr(value: str) -> None:
    """An organisasjonsnummer: nine digits whose last is the MOD11 check digit."""
    try:
        stdnum_orgnr.validate(value)
    except StdnumValidationError:
        raise ValidationError(
            _("%(value)s er ikke et gyldig organisasjonsnummer."),
            code="invalid_orgnr",
            params={"value": value},
        ) from None


def normalize_orgnr(value: str) -> str:
    return stdnum_orgnr.compact(value or "")


class Region(models.Model):
    """A region of municipalities, such as an inter-municipal political council (IPR)."""

    class Kind(models.TextChoices):
        IPR = "ipr", _("Interkommunalt politisk råd")
        COUNTY = "county", _("Fylke")
        OTHER = "other", _("Annen region")

    slug = models.SlugField(_("kortnavn"), unique=True)
    name = models.CharField(_("navn"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.IPR)
    municipalities = models.ManyToManyField(
        "Municipality", related_name="regions", blank=True, verbose_name=_("kommuner")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")
        verbose_name_plural = _("regioner")

    def __str__(self):
        return self.name


class Municipality(models.Model):
    """A municipality with its official number (the 2024 numbering)."""

    number = models.CharField(_("kommunenummer"), max_length=4, unique=True)
    name = models.CharField(_("navn"), max_length=200)
    county = models.CharField(_("fylke"), max_length=100, blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("kommune")
        verbose_name_plural = _("kommuner")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number__regex=r"^[0-9]{4}$"),
                name="municipality_number_4_digits",
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.number})"


class Organization(models.Model):
    """A public body or other organization whose people use the hubs."""

    class Sector(models.TextChoices):
        STATE = "state", _("Statlig")
        MUNICIPAL = "municipal", _("Kommunal")
        COUNTY = "county", _("Fylkeskommunal")
        INTER_MUNICIPAL = "inter_municipal", _("Interkommunal")
        OTHER = "other", _("Annen")

    class Level(models.TextChoices):
        LOCAL = "local", _("Lokal")
        REGIONAL = "regional", _("Regional")
        NATIONAL = "national", _("Nasjonal")

    orgnr = models.CharField(
        _("organisasjonsnummer"), max_length=9, unique=True, validators=[validate_orgnr]
    )
    name = models.CharField(_("navn"), max_length=300)
    sector = models.CharField(_("sektor"), max_length=20, choices=Sector.choices)
    level = models.CharField(
        _("nivå"),
        max_length=20,
        choices=Level.choices,
        default=Level.LOCAL,
        help_text=_("Lokal enhet, regionalt ledd eller nasjonalt nivå."),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("overordnet organisasjon"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="organizations",
        verbose_name=_("hjemkommune"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisasjon")
        verbose_name_plural = _("organisasjoner")

    def __str__(self):
        return self.name

    def clean(self):
        self.orgnr = normalize_orgnr(self.orgnr)
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError(
                {"parent": _("En organisasjon kan ikke være sin egen forelder.")}
            )


def normalize_domain(value: str) -> str:
    return (value or "").strip().lower().lstrip("@").rstrip(".")


class OrganizationDomain(models.Model):
    """An e-mail domain of an organization (``nav.no``). A person with an address at
    the domain may join Hubro with a one-time code and becomes a member."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="email_domains"
    )
    domain = models.CharField(
        _("e-postdomene"),
        max_length=253,
        unique=True,
        help_text=_("Bare domenet, uten @, for eksempel nav.no."),
    )

    class Meta:
        ordering = ["domain"]
        verbose_name = _("e-postdomene")
        verbose_name_plural = _("e-postdomener")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    domain__regex=r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$"
                ),
                name="organizationdomain_is_a_domain",
            )
        ]

    def __str__(self):
        return self.domain

    def clean(self):
        self.domain = normalize_domain(self.domain)


class OrganizationTenant(models.Model):
    """A Microsoft Entra ID tenant of an organization: whoever signs in with a token
    whose ``tid`` claim is this id becomes a member."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="tenants"
    )
    tenant_id = models.CharField(
        _("tenant-ID"),
        max_length=64,
        unique=True,
        help_text=_("Katalog-ID-en (tenant ID) i Microsoft Entra ID, en GUID."),
    )

    class Meta:
        ordering = ["tenant_id"]
        verbose_name = _("Entra ID-tenant")
        verbose_name_plural = _("Entra ID-tenanter")

    def __str__(self):
        return self.tenant_id

    def clean(self):
        self.tenant_id = (self.tenant_id or "").strip().lower()


class PersonManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **extra):
        if not email:
            raise ValueError("A person needs an email address")
        person = self.model(email=self.normalize_email(email).lower(), **extra)
        person.set_password(password)
        person.save(using=self._db)
        return person

    def create_superuser(self, email, password=None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)

    def get_by_natural_key(self, username):
        return self.get(**{f"{self.model.USERNAME_FIELD}__iexact": username})


class Person(AbstractBaseUser, PermissionsMixin):
    """Someone who signs in. The email address is the login.

    ``is_superuser`` is the administrator role; hub hosts and organization coordinators
    are roles held through ``HubHost`` and ``Membership``.
    """

    email = models.EmailField(_("e-post"), unique=True)
    name = models.CharField(_("navn"), max_length=200, blank=True)
    language = models.CharField(
        _("språk"), max_length=5, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    show_presence = models.BooleanField(
        _("vis navnet mitt i «hvem er her»"),
        default=False,
        help_text=_("Andre ser da navnet ditt på dager du har booket plass i en hub."),
    )
    calendar_token = models.CharField(max_length=64, unique=True, null=True, blank=True)
    is_active = models.BooleanField(_("aktiv"), default=True)
    is_staff = models.BooleanField(_("tilgang til administrasjon"), default=False)
    date_joined = models.DateTimeField(_("registrert"), default=timezone.now)

    objects = PersonManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        ordering = ["name", "email"]
        verbose_name = _("person")
        verbose_name_plural = _("personer")

    def __str__(self):
        return self.name or self.email

    def get_full_name(self):
        return self.name or self.email

    def get_short_name(self):
        return self.name.split(" ")[0] if self.name else self.email

    @property
    def primary_membership(self):
        memberships = list(self.memberships.select_related("organization"))
        for membership in memberships:
            if membership.is_primary:
                return membership
        return memberships[0] if memberships else None


class Membership(models.Model):
    """A person's membership in an organization, with the role they hold in it."""

    class Role(models.TextChoices):
        MEMBER = "member", _("Medlem")
        COORDINATOR = "coordinator", _("Koordinator")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    is_primary = models.BooleanField(_("hovedtilknytning"), default=True)

    class Meta:
        verbose_name = _("medlemskap")
        verbose_name_plural = _("medlemskap")
        constraints = [
            models.UniqueConstraint(fields=["person", "organization"], name="membership_unique"),
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(is_primary=True),
                name="membership_one_primary",
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.organization} ({self.get_role_display()})"


def _hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


LAST_USED_RESOLUTION = datetime.timedelta(minutes=1)


class ApiTokenManager(models.Manager):
    def issue(self, person, *, name: str = "", expires_at=None) -> tuple["ApiToken", str]:
        """Create a token; the raw value is returned once and only its hash is stored."""
        raw = "hubro_" + secrets.token_urlsafe(32)
        token = self.create(
            person=person,
            name=name,
            key_hash=_hash_token(raw),
            prefix=raw[:10],
            expires_at=expires_at,
        )
        return token, raw

    def usable(self, now=None):
        """Tokens that still work: not revoked, not expired."""
        now = now or timezone.now()
        return self.filter(revoked_at__isnull=True).filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=now)
        )

    def authenticate(self, raw: str):
        if not raw:
            return None
        now = timezone.now()
        token = (
            self.usable(now)
            .select_related("person")
            .filter(key_hash=_hash_token(raw), person__is_active=True)
            .first()
        )
        if token is None:
            return None
        # Record use at most once a minute: a write on every request would make every
        # API call, reads included, queue for SQLite's single write lock.
        if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
            self.filter(pk=token.pk).update(last_used_at=now)
        return token.person


class ApiToken(models.Model):
    """A bearer token for the JSON API. Only a hash of the secret is stored."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("navn"), max_length=100, blank=True)
    prefix = models.CharField(max_length=10)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    # Tokens made before expiry existed have none; every new token has one.
    expires_at = models.DateTimeField(_("utløper"), null=True, blank=True)

    objects = ApiTokenManager()

    class Meta:
        verbose_name = _("API-nøkkel")
        verbose_name_plural = _("API-nøkler")

    def __str__(self):
        return f"{self.prefix}… ({self.person})"

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and not self.is_expired


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("The audit log cannot be changed")

    def pseudonymise(self, **values) -> int:
        """The one deliberate change to the audit log: replace who someone was with a
        pseudonym when they are erased (GDPR art. 17, ``hubro.accounts.erasure``). The
        entries stay, so that what happened stays on record; only ``actor``,
        ``actor_label``, ``object_repr`` and ``changes`` may be given."""
        allowed = {"actor", "actor_label", "object_repr", "changes"}
        if not values or set(values) - allowed:
            raise PermissionError(f"The audit log can only be pseudonymised ({allowed})")
        return models.QuerySet.update(self, **values)

    def delete(self):
        raise PermissionError("The audit log cannot be deleted")


class AuditEntry(models.Model):
    """One write: who did what, when, to which object. Append-only."""

    at = models.DateTimeField(_("tidspunkt"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("utført av"),
    )
    actor_label = models.CharField(_("utført av"), max_length=254, blank=True)
    action = models.CharField(_("handling"), max_length=100)
    object_type = models.CharField(_("objekttype"), max_length=100)
    object_id = models.CharField(_("objekt-ID"), max_length=64)
    object_repr = models.CharField(_("objekt"), max_length=300)
    hub = models.ForeignKey(
        "spaces.Hub",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_entries",
        verbose_name=_("hub"),
    )
    changes = models.JSONField(_("detaljer"), default=dict, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("loggføring")
        verbose_name_plural = _("revisjonslogg")
        indexes = [models.Index(fields=["hub", "-at"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_repr}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("The audit log cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The audit log cannot be deleted")

    @property
    def action_label(self) -> str:
        """The action in words, e.g. "Booking avbestilt", in the active language."""
        from hubro.core.audit_words import action_in_words

        return action_in_words(self.action, self.object_type)
