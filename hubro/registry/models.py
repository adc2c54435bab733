"""The workplace register: dated snapshots of the public-sector local units
(underenheter) in Enhetsregisteret, the main entities their parent chains pass through,
the changes between snapshots, and who wants to hear about them."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    STATE = "state", _("Statlig")
    MUNICIPAL = "municipal", _("Kommunal")
    COUNTY = "county", _("Fylkeskommunal")


class CompleteSnapshots(models.Manager):
    """Snapshots whose import has finished. An import stages its units under a snapshot
    dated 0001-01-01, in many short transactions (so that bookings go on meanwhile),
    and dates it at the end; until then no page, query or comparison sees it."""

    def get_queryset(self):
        return super().get_queryset().exclude(date=STAGING_DATE)


STAGING_DATE = dt.date(1, 1, 1)


class Snapshot(models.Model):
    """The register as it stood on ``date``. Only complete imports are seen: a staged
    import is hidden (``CompleteSnapshots``) and a failed one is removed."""

    class Kind(models.TextChoices):
        FULL = "full", _("Full import")
        UPDATE = "update", _("Oppdatering")

    date = models.DateField(_("dato"), unique=True)
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices, default=Kind.FULL)
    source = models.CharField(_("kilde"), max_length=500, blank=True)
    # sha256 of the input files (or feed pages); the same input twice adds nothing.
    source_hash = models.CharField(max_length=64, unique=True)
    # The last oppdateringsid of the update feed this snapshot includes.
    last_update_id = models.BigIntegerField(null=True, blank=True)
    imported_at = models.DateTimeField(_("importert"), default=timezone.now)
    summary = models.JSONField(_("oppsummering"), default=dict, blank=True)

    objects = CompleteSnapshots()
    with_staged = models.Manager()  # noqa: DJ012 (objects stays the default manager)

    class Meta:
        ordering = ["-date"]
        verbose_name = _("øyeblikksbilde")
        verbose_name_plural = _("øyeblikksbilder")

    def __str__(self):
        return f"{self.date:%Y-%m-%d}"


class Entity(models.Model):
    """A public-sector main entity (enhet) from the latest import: the parent chain of
    the units, kept so that the update feed can place new units."""

    orgnr = models.CharField(_("organisasjonsnummer"), max_length=9, unique=True)
    name = models.CharField(_("navn"), max_length=300)
    form = models.CharField(_("organisasjonsform"), max_length=10, blank=True)
    sector_code = models.CharField(_("sektorkode"), max_length=4, blank=True)
    parent_orgnr = models.CharField(max_length=9, blank=True)
    sector = models.CharField(_("sektor"), max_length=20, choices=Sector.choices)
    agency_orgnr = models.CharField(max_length=9)
    # Parent chain from this entity up to its agency, space separated.
    chain = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = _("hovedenhet")
        verbose_name_plural = _("hovedenheter")

    def __str__(self):
        return f"{self.name} ({self.orgnr})"


class Unit(models.Model):
    """One local unit as it stood in one snapshot."""

    snapshot = models.ForeignKey(Snapshot, on_delete=models.CASCADE, related_name="units")
    orgnr = models.CharField(_("organisasjonsnummer"), max_length=9)
    name = models.CharField(_("navn"), max_length=300)
    sector = models.CharField(_("sektor"), max_length=20, choices=Sector.choices)
    parent_orgnr = models.CharField(_("overordnet enhet"), max_length=9)
    # Every main entity from the parent up to the agency, space separated.
    chain = models.CharField(max_length=200, blank=True)
    agency_orgnr = models.CharField(_("virksomhet"), max_length=9)
    agency_name = models.CharField(_("virksomhetsnavn"), max_length=300)
    municipality_number = models.CharField(_("kommunenummer"), max_length=4, blank=True)
    municipality_name = models.CharField(_("kommune"), max_length=200, blank=True)
    # False when the number is not one of today's municipalities (old, or missing).
    municipality_known = models.BooleanField(_("kjent kommunenummer"), default=True)
    employees = models.PositiveIntegerField(_("ansatte"), null=True, blank=True)
    address = models.CharField(_("adresse"), max_length=300, blank=True)
    postcode = models.CharField(_("postnummer"), max_length=10, blank=True)
    place = models.CharField(_("poststed"), max_length=100, blank=True)
    nace = models.CharField(_("næringskode"), max_length=10, blank=True)
    nace_text = models.CharField(_("næring"), max_length=300, blank=True)
    email = models.CharField(_("e-post"), max_length=254, blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    started_on = models.DateField(_("oppstart"), null=True, blank=True)
    closed_on = models.DateField(_("nedlagt"), null=True, blank=True)

    class Meta:
        ordering = ["agency_name", "name"]
        verbose_name = _("underenhet")
        verbose_name_plural = _("underenheter")
        constraints = [
            models.UniqueConstraint(fields=["snapshot", "orgnr"], name="registry_unit_unique")
        ]
        indexes = [
            models.Index(fields=["snapshot", "municipality_number"]),
            models.Index(fields=["snapshot", "agency_orgnr"]),
        ]

    def __str__(self):
        return f"{self.name} ({self.orgnr})"

    @property
    def active(self) -> bool:
        return self.closed_on is None


class Change(models.Model):
    """A unit that is new, closed, moved or resized between two snapshots."""

    class Kind(models.TextChoices):
        NEW = "new", _("Ny")
        CLOSED = "closed", _("Nedlagt")
        MOVED = "moved", _("Flyttet")
        RESIZED = "resized", _("Endret størrelse")

    snapshot = models.ForeignKey(Snapshot, on_delete=models.CASCADE, related_name="changes")
    previous = models.ForeignKey(
        Snapshot, on_delete=models.CASCADE, related_name="+", null=True, blank=True
    )
    date = models.DateField(_("dato"))
    kind = models.CharField(_("endring"), max_length=10, choices=Kind.choices)
    orgnr = models.CharField(_("organisasjonsnummer"), max_length=9)
    name = models.CharField(_("navn"), max_length=300)
    sector = models.CharField(_("sektor"), max_length=20, choices=Sector.choices)
    agency_orgnr = models.CharField(max_length=9)
    agency_name = models.CharField(_("virksomhet"), max_length=300)
    municipality_before = models.CharField(max_length=4, blank=True)
    municipality_after = models.CharField(max_length=4, blank=True)
    employees_before = models.PositiveIntegerField(null=True, blank=True)
    employees_after = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-date", "agency_name", "name"]
        verbose_name = _("endring")
        verbose_name_plural = _("endringer")
        indexes = [
            models.Index(fields=["municipality_before", "date"]),
            models.Index(fields=["municipality_after", "date"]),
            models.Index(fields=["agency_orgnr", "date"]),
        ]

    def __str__(self):
        return f"{self.date} {self.kind} {self.name}"


class Subscription(models.Model):
    """A leader who wants an email when a state unit in a municipality or region closes,
    moves away or shrinks markedly."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="registry_subscriptions"
    )
    municipality = models.ForeignKey(
        "core.Municipality", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    region = models.ForeignKey(
        "core.Region", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("abonnement")
        verbose_name_plural = _("abonnementer")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(municipality__isnull=False, region__isnull=True)
                    | models.Q(municipality__isnull=True, region__isnull=False)
                ),
                name="registry_subscription_one_area",
            ),
            models.UniqueConstraint(
                fields=["person", "municipality"],
                condition=models.Q(municipality__isnull=False),
                name="registry_subscription_unique_municipality",
            ),
            models.UniqueConstraint(
                fields=["person", "region"],
                condition=models.Q(region__isnull=False),
                name="registry_subscription_unique_region",
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.municipality or self.region}"

    @property
    def area(self):
        return self.municipality or self.region
