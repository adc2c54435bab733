"""Competence clusters and projects: what a hub does besides lending desks.

A cluster gathers organizations and people around a topic; its meetings are events
(``hubro.events``) and its projects are ``Project`` rows. A project has partners with a
role, funding lines, and a status history that keeps every change with a date and a
reason (merged, paused, ended, handed over)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Cluster(models.Model):
    """A competence cluster ("kompetanseklynge") with its home hub(s)."""

    name = models.CharField(_("navn"), max_length=200)
    slug = models.SlugField(_("kortnavn"), unique=True)
    topic = models.CharField(_("tema"), max_length=200, blank=True)
    description = models.TextField(_("beskrivelse"), blank=True)
    home_hubs = models.ManyToManyField(
        "spaces.Hub", related_name="clusters", blank=True, verbose_name=_("hjemmehuber")
    )
    contact_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kontaktperson"),
    )
    started_on = models.DateField(_("startet"), null=True, blank=True)
    ended_on = models.DateField(_("avsluttet"), null=True, blank=True)
    created_at = models.DateTimeField(_("opprettet"), default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name = _("klynge")
        verbose_name_plural = _("klynger")
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True)
                | Q(started_on__isnull=True)
                | Q(ended_on__gte=models.F("started_on")),
                name="cluster_ends_after_start",
            )
        ]

    def __str__(self):
        return self.name


class ClusterOrganization(models.Model):
    """An organization that is a member of a cluster, for a period."""

    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="organizations")
    organization = models.ForeignKey(
        "core.Organization",
        on_delete=models.PROTECT,
        related_name="cluster_memberships",
        verbose_name=_("organisasjon"),
    )
    joined_on = models.DateField(_("med fra"), null=True, blank=True)
    left_on = models.DateField(_("med til"), null=True, blank=True)

    class Meta:
        verbose_name = _("medlemsorganisasjon")
        verbose_name_plural = _("medlemsorganisasjoner")
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "organization"], name="cluster_organization_once"
            )
        ]

    def __str__(self):
        return f"{self.organization} – {self.cluster}"


class ClusterPerson(models.Model):
    """A person who is a member of a cluster; one of them may be its contact."""

    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="people")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="cluster_memberships",
        verbose_name=_("person"),
    )
    organization = models.ForeignKey(
        "core.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("for organisasjon"),
    )
    is_contact = models.BooleanField(_("kontaktperson"), default=False)
    joined_on = models.DateField(_("med fra"), null=True, blank=True)

    class Meta:
        verbose_name = _("medlem")
        verbose_name_plural = _("medlemmer")
        constraints = [
            models.UniqueConstraint(fields=["cluster", "person"], name="cluster_person_once")
        ]

    def __str__(self):
        return f"{self.person} – {self.cluster}"


class Project(models.Model):
    """A project based at a hub or in a cluster, possibly a sub-project of a pilot."""

    class Status(models.TextChoices):
        IDEA = "idea", _("Idé")
        APPLICATION = "application", _("Søknad")
        ONGOING = "ongoing", _("Pågår")
        PAUSED = "paused", _("Satt på pause")
        COMPLETED = "completed", _("Fullført")
        HANDED_OVER = "handed_over", _("Overlevert")
        MERGED = "merged", _("Slått sammen")
        STOPPED = "stopped", _("Stoppet")

    ENDED = (Status.COMPLETED, Status.HANDED_OVER, Status.MERGED, Status.STOPPED)

    title = models.CharField(_("tittel"), max_length=200)
    slug = models.SlugField(_("kortnavn"), unique=True)
    description = models.TextField(_("beskrivelse"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.IDEA
    )
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("slutt"), null=True, blank=True)
    hub = models.ForeignKey(
        "spaces.Hub",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name=_("hub"),
    )
    cluster = models.ForeignKey(
        Cluster,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name=_("klynge"),
    )
    # What became of it, for a project that ended or was handed over.
    outcome = models.TextField(_("resultat"), blank=True)
    taken_over_by = models.ForeignKey(
        "core.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects_taken_over",
        verbose_name=_("overtatt av"),
    )
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_from",
        verbose_name=_("slått sammen med"),
    )
    # The project lead manages the project like the hosts of its hub do.
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("prosjektleder"),
    )
    created_at = models.DateTimeField(_("opprettet"), default=timezone.now)

    class Meta:
        ordering = ["title"]
        verbose_name = _("prosjekt")
        verbose_name_plural = _("prosjekter")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="project_ends_after_start",
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("Slutt kan ikke være før start.")})


class ProjectPartner(models.Model):
    """An organization in a project, with its role."""

    class Role(models.TextChoices):
        OWNER = "owner", _("Eier")
        PARTNER = "partner", _("Partner")
        FUNDER = "funder", _("Finansiør")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="partners")
    organization = models.ForeignKey(
        "core.Organization",
        on_delete=models.PROTECT,
        related_name="project_partnerships",
        verbose_name=_("organisasjon"),
    )
    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("prosjektpartner")
        verbose_name_plural = _("prosjektpartnere")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organization", "role"], name="project_partner_role_once"
            )
        ]

    def __str__(self):
        return f"{self.organization} ({self.get_role_display()})"


class FundingLine(models.Model):
    """Money applied for or granted to a project, in NOK, for one year."""

    class Status(models.TextChoices):
        APPLIED = "applied", _("Søkt")
        GRANTED = "granted", _("Innvilget")
        REJECTED = "rejected", _("Avslått")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="funding_lines")
    source = models.CharField(_("kilde"), max_length=200)
    funder = models.ForeignKey(
        "core.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("finansiør"),
    )
    amount = models.DecimalField(_("beløp (kr)"), max_digits=14, decimal_places=2)
    year = models.PositiveSmallIntegerField(_("år"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.APPLIED
    )

    class Meta:
        ordering = ["year", "source"]
        verbose_name = _("finansieringslinje")
        verbose_name_plural = _("finansieringslinjer")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="funding_amount_not_negative")
        ]

    def __str__(self):
        return f"{self.source} {self.year}: {self.amount}"


class ProjectStatusChange(models.Model):
    """One change of a project's status, kept for good: when, why, and where it went."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="status_history")
    from_status = models.CharField(
        _("fra status"), max_length=20, choices=Project.Status.choices, blank=True
    )
    to_status = models.CharField(_("til status"), max_length=20, choices=Project.Status.choices)
    changed_on = models.DateField(_("dato"))
    reason = models.TextField(_("begrunnelse"), blank=True)
    merged_into = models.ForeignKey(
        Project,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("slått sammen med"),
    )
    handed_over_to = models.ForeignKey(
        "core.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("overlevert til"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registrert av"),
    )
    recorded_at = models.DateTimeField(_("registrert"), default=timezone.now)

    class Meta:
        ordering = ["changed_on", "recorded_at", "pk"]
        verbose_name = _("statusendring")
        verbose_name_plural = _("statusendringer")

    def __str__(self):
        return f"{self.project}: {self.from_status} → {self.to_status} ({self.changed_on})"
