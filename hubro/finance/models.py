"""A hub's money: cost lines per year, agreements with the organizations and projects
that pay, the cost-sharing keys the host sets up per year, and hand-entered employee
numbers for the employee key. Amounts are NOK in ``DecimalField`` with two places."""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MONEY = {"max_digits": 14, "decimal_places": 2}
NOT_NEGATIVE = [MinValueValidator(0)]
FIRST_YEAR, LAST_YEAR = 2000, 2100  # the years a hub's budget and agreements can have


class CostLine(models.Model):
    """A cost of a hub in one year (or, for a fit-out, spread over several years)."""

    class Category(models.TextChoices):
        RENT = "rent", _("Husleie")
        OPERATION = "operation", _("Drift")
        FIT_OUT = "fit_out", _("Tilpasning og innredning")
        STAFF = "staff", _("Vert og bemanning")
        SERVICES = "services", _("Tjenester")
        OTHER = "other", _("Annet")

    hub = models.ForeignKey("spaces.Hub", on_delete=models.CASCADE, related_name="cost_lines")
    year = models.PositiveSmallIntegerField(
        _("år"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    category = models.CharField(_("kategori"), max_length=20, choices=Category.choices)
    description = models.CharField(_("beskrivelse"), max_length=200, blank=True)
    planned = models.DecimalField(_("budsjett (kr)"), validators=NOT_NEGATIVE, **MONEY)
    actual = models.DecimalField(
        _("regnskap (kr)"), null=True, blank=True, validators=NOT_NEGATIVE, **MONEY
    )
    spread_years = models.PositiveSmallIntegerField(
        _("fordelt over år"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text=_("En tilpasning kan fordeles likt over flere år, fra og med året over."),
    )

    class Meta:
        ordering = ["year", "category", "pk"]
        verbose_name = _("kostnadslinje")
        verbose_name_plural = _("kostnadslinjer")
        constraints = [
            models.CheckConstraint(
                condition=Q(planned__gte=0), name="costline_planned_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(actual__isnull=True) | Q(actual__gte=0),
                name="costline_actual_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(spread_years__gte=1), name="costline_spread_positive"
            ),
        ]

    def __str__(self):
        return f"{self.year} {self.get_category_display()} {self.description}".strip()

    @property
    def counted(self):
        """The amount that counts: the actual amount once entered, else the budget."""
        return self.actual if self.actual is not None else self.planned

    @property
    def last_year(self) -> int:
        return self.year + self.spread_years - 1

    def parts(self) -> list:
        """The counted amount spread evenly over its years, to the øre (the remainder
        goes to the largest part, so the parts add up exactly)."""
        from .money import allocate

        return allocate(self.counted, [1] * self.spread_years)

    def part_in(self, year: int):
        """The part of the line that counts in ``year`` (zero outside its years)."""
        if not self.year <= year <= self.last_year:
            return Decimal("0.00")
        return self.parts()[year - self.year]


class Agreement(models.Model):
    """What an organization or a project pays a hub for a period."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Utkast")
        INTENT = "intent", _("Intensjonsavtale")
        SIGNED = "signed", _("Signert")
        ENDED = "ended", _("Avsluttet")

    class Basis(models.TextChoices):
        FIXED = "fixed", _("Fast årlig beløp")
        SHARE = "share", _("Andel etter årets fordelingsnøkkel")
        PERCENT = "percent", _("Prosent av prosjektets innvilgede midler")

    class VatCategory(models.TextChoices):
        # The codes of EHF / Peppol BIS Billing 3.0 (UNCL5305).
        STANDARD = "S", _("Merverdiavgift 25 %")
        EXEMPT = "E", _("Unntatt merverdiavgift")
        OUTSIDE = "O", _("Utenfor merverdiavgiftsområdet")

    VAT_RATES = {"S": 25, "E": 0, "O": 0}

    hub = models.ForeignKey("spaces.Hub", on_delete=models.CASCADE, related_name="agreements")
    organization = models.ForeignKey(
        "core.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hub_agreements",
        verbose_name=_("organisasjon"),
    )
    project = models.ForeignKey(
        "community.Project",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hub_agreements",
        verbose_name=_("prosjekt"),
    )
    starts_on = models.DateField(_("fra og med"))
    ends_on = models.DateField(_("til og med"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    basis = models.CharField(_("grunnlag"), max_length=10, choices=Basis.choices)
    yearly_amount = models.DecimalField(
        _("årlig beløp (kr)"), null=True, blank=True, validators=NOT_NEGATIVE, **MONEY
    )
    percentage = models.DecimalField(
        _("prosent"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    reference = models.CharField(
        _("referanse"),
        max_length=100,
        blank=True,
        help_text=_("Betalerens referanse (bestillingsnummer e.l.), brukes på faktura."),
    )
    vat_category = models.CharField(
        _("mva-kategori"), max_length=1, choices=VatCategory.choices, default=VatCategory.EXEMPT
    )
    notes = models.TextField(_("merknad"), blank=True)
    created_at = models.DateTimeField(_("opprettet"), default=timezone.now)

    class Meta:
        ordering = ["hub", "starts_on", "pk"]
        verbose_name = _("avtale")
        verbose_name_plural = _("avtaler")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="agreement_ends_after_start"
            ),
            models.CheckConstraint(
                condition=(Q(organization__isnull=False) & Q(project__isnull=True))
                | (Q(organization__isnull=True) & Q(project__isnull=False)),
                name="agreement_one_party",
            ),
            models.CheckConstraint(
                condition=Q(yearly_amount__isnull=True) | Q(yearly_amount__gte=0),
                name="agreement_amount_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(percentage__isnull=True)
                | (Q(percentage__gte=0) & Q(percentage__lte=100)),
                name="agreement_percentage_0_100",
            ),
        ]

    def __str__(self):
        return f"{self.party} – {self.hub} {self.starts_on:%Y}–{self.ends_on:%Y}"

    @property
    def party(self):
        return self.organization or self.project

    def days_in(self, year: int) -> int:
        """How many days of ``year`` the agreement's period covers."""
        first = max(self.starts_on, dt.date(year, 1, 1))
        last = min(self.ends_on, dt.date(year, 12, 31))
        return max((last - first).days + 1, 0)

    def covers(self, year: int) -> bool:
        return self.days_in(year) > 0

    @property
    def years(self) -> range:
        return range(self.starts_on.year, self.ends_on.year + 1)


def _document_path(instance, filename):
    # The stored name says nothing about the content; the title does that.
    return f"finance/agreements/{instance.agreement_id}/{timezone.now():%Y%m%d%H%M%S}.pdf"


class AgreementDocument(models.Model):
    """A signed agreement or letter of intent, as a PDF. Served only through a view that
    checks who asks; never from a public URL."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("tittel"), max_length=200)
    file = models.FileField(_("fil"), upload_to=_document_path, max_length=300)
    size = models.PositiveIntegerField(_("størrelse (byte)"), default=0)
    uploaded_at = models.DateTimeField(_("lastet opp"), default=timezone.now)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("avtaledokument")
        verbose_name_plural = _("avtaledokumenter")

    def __str__(self):
        return self.title


class SharingKey(models.Model):
    """A cost-sharing key the host has set up for a hub and year; one may be chosen."""

    class Kind(models.TextChoices):
        EQUAL = "equal", _("Like andeler")
        FIXED = "fixed", _("Faste andeler")
        USAGE = "usage", _("Etter bruk (persondager)")
        BASE_USAGE = "base_usage", _("Grunnbeløp pluss bruk")
        EMPLOYEES = "employees", _("Etter antall ansatte i regionen")

    hub = models.ForeignKey("spaces.Hub", on_delete=models.CASCADE, related_name="sharing_keys")
    year = models.PositiveSmallIntegerField(
        _("år"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    kind = models.CharField(_("nøkkel"), max_length=20, choices=Kind.choices)
    base_percent = models.DecimalField(
        _("grunnbeløp (prosent av totalen)"),
        max_digits=5,
        decimal_places=2,
        default=50,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Bare for grunnbeløp pluss bruk: delen som deles likt."),
    )
    is_chosen = models.BooleanField(_("valgt for året"), default=False)

    class Meta:
        ordering = ["year", "kind"]
        verbose_name = _("fordelingsnøkkel")
        verbose_name_plural = _("fordelingsnøkler")
        constraints = [
            models.UniqueConstraint(fields=["hub", "year", "kind"], name="sharingkey_once"),
            models.UniqueConstraint(
                fields=["hub", "year"], condition=Q(is_chosen=True), name="sharingkey_one_chosen"
            ),
            models.CheckConstraint(
                condition=Q(base_percent__gte=0) & Q(base_percent__lte=100),
                name="sharingkey_base_0_100",
            ),
        ]

    def __str__(self):
        return f"{self.hub} {self.year}: {self.get_kind_display()}"


class FixedShare(models.Model):
    """An organization's share under a hub's fixed key for a year, agreed by hand (a
    weight; the shares are in proportion to the weights, so percentages work)."""

    hub = models.ForeignKey("spaces.Hub", on_delete=models.CASCADE, related_name="fixed_shares")
    year = models.PositiveSmallIntegerField(_("år"))
    organization = models.ForeignKey(
        "core.Organization", on_delete=models.CASCADE, related_name="+"
    )
    weight = models.DecimalField(
        _("andel (prosent)"), max_digits=7, decimal_places=2, validators=NOT_NEGATIVE
    )

    class Meta:
        verbose_name = _("fast andel")
        verbose_name_plural = _("faste andeler")
        constraints = [
            models.UniqueConstraint(
                fields=["hub", "year", "organization"], name="fixedshare_once"
            ),
            models.CheckConstraint(condition=Q(weight__gte=0), name="fixedshare_not_negative"),
        ]

    def __str__(self):
        return f"{self.organization} {self.year}: {self.weight}"


class EmployeeCount(models.Model):
    """Employees of an organization in a hub's region in a year, entered by hand until
    the workplace register has the number."""

    hub = models.ForeignKey("spaces.Hub", on_delete=models.CASCADE, related_name="employee_counts")
    year = models.PositiveSmallIntegerField(_("år"))
    organization = models.ForeignKey(
        "core.Organization", on_delete=models.CASCADE, related_name="+"
    )
    employees = models.PositiveIntegerField(_("ansatte i regionen"))

    class Meta:
        verbose_name = _("antall ansatte")
        verbose_name_plural = _("antall ansatte")
        constraints = [
            models.UniqueConstraint(
                fields=["hub", "year", "organization"], name="employeecount_once"
            )
        ]

    def __str__(self):
        return f"{self.organization} {self.year}: {self.employees}"
