"""A pilot: steering group, leaders, local goals, phases, documents, approvals and
sub-projects."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .common import _ends_after_start
from .programmes import Programme, ProgrammeGoal


class Pilot(models.Model):
    """A pilot in a programme: a host municipality, a region and usually a hub."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="pilots")
    name = models.CharField(_("navn"), max_length=200)
    slug = models.SlugField(_("kortnavn"), unique=True)
    description = models.TextField(_("beskrivelse"), blank=True)
    host_municipality = models.ForeignKey(
        "core.Municipality",
        on_delete=models.PROTECT,
        related_name="pilots",
        verbose_name=_("vertskommune"),
    )
    region = models.ForeignKey(
        "core.Region",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pilots",
        verbose_name=_("region"),
    )
    hub = models.ForeignKey(
        "spaces.Hub",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pilots",
        verbose_name=_("hub"),
    )
    created_at = models.DateTimeField(_("opprettet"), default=timezone.now)

    class Meta:
        ordering = ["programme", "name"]
        verbose_name = _("pilot")
        verbose_name_plural = _("piloter")

    def __str__(self):
        return self.name


class SteeringGroupOrganization(models.Model):
    """An organization represented in a pilot's steering group."""

    class Role(models.TextChoices):
        HOST = "host", _("Vertskommune")
        MEMBER = "member", _("Medlem")
        OBSERVER = "observer", _("Observatør")

    pilot = models.ForeignKey(
        Pilot, on_delete=models.CASCADE, related_name="steering_organizations"
    )
    organization = models.ForeignKey(
        "core.Organization",
        on_delete=models.PROTECT,
        related_name="steering_groups",
        verbose_name=_("organisasjon"),
    )
    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices, default=Role.MEMBER)

    class Meta:
        verbose_name = _("organisasjon i styringsgruppen")
        verbose_name_plural = _("organisasjoner i styringsgruppen")
        constraints = [
            models.UniqueConstraint(
                fields=["pilot", "organization"], name="steering_organization_once"
            )
        ]

    def __str__(self):
        return f"{self.organization} ({self.get_role_display()})"


class SteeringGroupMember(models.Model):
    """A person in a pilot's steering group, with a role, for a period."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Leder")
        MEMBER = "member", _("Medlem")
        SECRETARY = "secretary", _("Sekretær")
        OBSERVER = "observer", _("Observatør")

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="steering_members")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="steering_memberships",
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
    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    starts_on = models.DateField(_("med fra"), null=True, blank=True)
    ends_on = models.DateField(_("med til"), null=True, blank=True)

    class Meta:
        ordering = ["pilot", "role", "pk"]
        verbose_name = _("medlem av styringsgruppen")
        verbose_name_plural = _("medlemmer av styringsgruppen")
        constraints = [
            models.UniqueConstraint(fields=["pilot", "person"], name="steering_member_once"),
            _ends_after_start("steering_member_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"


class PilotLeader(models.Model):
    """Who led a pilot, and when: the rows together are the leader history."""

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="leaders")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="pilots_led",
        verbose_name=_("prosjektleder"),
    )
    organization = models.ForeignKey(
        "core.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ansatt i"),
    )
    starts_on = models.DateField(_("fra"))
    ends_on = models.DateField(_("til"), null=True, blank=True)
    note = models.CharField(_("merknad"), max_length=300, blank=True)

    class Meta:
        ordering = ["pilot", "starts_on"]
        verbose_name = _("prosjektleder")
        verbose_name_plural = _("prosjektledere")
        constraints = [
            _ends_after_start("pilot_leader_ends_after_start"),
            models.UniqueConstraint(
                fields=["pilot"],
                condition=Q(ends_on__isnull=True),
                name="pilot_one_current_leader",
            ),
        ]

    def __str__(self):
        return f"{self.person} ({self.starts_on}–{self.ends_on or ''})"


class LocalGoal(models.Model):
    """A pilot's own goal, linked to the national goals it serves."""

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="local_goals")
    title = models.CharField(_("mål"), max_length=300)
    description = models.TextField(_("beskrivelse"), blank=True)
    national_goals = models.ManyToManyField(
        ProgrammeGoal, related_name="local_goals", blank=True, verbose_name=_("nasjonale mål")
    )
    position = models.PositiveSmallIntegerField(_("rekkefølge"), default=0)

    class Meta:
        ordering = ["pilot", "position", "pk"]
        verbose_name = _("lokalt mål")
        verbose_name_plural = _("lokale mål")

    def __str__(self):
        return self.title


class Phase(models.Model):
    """A phase of a pilot, with its dates."""

    class Kind(models.TextChoices):
        PRE_PROJECT = "pre_project", _("Forprosjekt")
        MAIN = "main", _("Hovedprosjekt")
        EXTENSION = "extension", _("Forlengelse")
        ENDED = "ended", _("Avsluttet")

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="phases")
    kind = models.CharField(_("fase"), max_length=20, choices=Kind.choices)
    starts_on = models.DateField(_("fra"))
    ends_on = models.DateField(_("til"), null=True, blank=True)
    note = models.TextField(_("merknad"), blank=True)

    class Meta:
        ordering = ["pilot", "starts_on"]
        verbose_name = _("fase")
        verbose_name_plural = _("faser")
        constraints = [
            models.UniqueConstraint(fields=["pilot", "kind"], name="phase_kind_once"),
            _ends_after_start("phase_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.pilot}: {self.get_kind_display()}"


def phase_document_path(instance, filename):
    return f"programme/{instance.phase.pilot_id}/{instance.phase.kind}/{filename}"


class PhaseDocument(models.Model):
    """A document attached to a phase, such as the pre-project report (a PDF)."""

    class Kind(models.TextChoices):
        PRE_PROJECT_REPORT = "pre_project_report", _("Forprosjektrapport")
        OTHER = "other", _("Annet dokument")

    phase = models.ForeignKey(Phase, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(
        _("type"), max_length=30, choices=Kind.choices, default=Kind.PRE_PROJECT_REPORT
    )
    title = models.CharField(_("tittel"), max_length=300)
    file = models.FileField(_("fil"), upload_to=phase_document_path, max_length=300)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("lastet opp av"),
    )
    uploaded_at = models.DateTimeField(_("lastet opp"), default=timezone.now)

    class Meta:
        ordering = ["phase", "uploaded_at"]
        verbose_name = _("fasedokument")
        verbose_name_plural = _("fasedokumenter")

    def __str__(self):
        return self.title


class PhaseApproval(models.Model):
    """The programme owner's decision on a phase (for example approving the
    pre-project report and letting the main project start)."""

    class Decision(models.TextChoices):
        APPROVED = "approved", _("Godkjent")
        CONDITIONAL = "conditional", _("Godkjent med vilkår")
        REJECTED = "rejected", _("Ikke godkjent")

    phase = models.ForeignKey(Phase, on_delete=models.CASCADE, related_name="approvals")
    document = models.ForeignKey(
        PhaseDocument,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="approvals",
        verbose_name=_("dokument"),
    )
    decision = models.CharField(_("vedtak"), max_length=20, choices=Decision.choices)
    decided_on = models.DateField(_("dato"))
    decided_by_organization = models.ForeignKey(
        "core.Organization",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("vedtatt av"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registrert av"),
    )
    note = models.TextField(_("merknad"), blank=True)
    recorded_at = models.DateTimeField(_("registrert"), default=timezone.now)

    class Meta:
        ordering = ["phase", "decided_on"]
        verbose_name = _("godkjenning")
        verbose_name_plural = _("godkjenninger")

    def __str__(self):
        return f"{self.phase}: {self.get_decision_display()} ({self.decided_on})"


class PilotSubProject(models.Model):
    """A community project run as a sub-project of a pilot. Its status history lives on
    the project (``community.ProjectStatusChange``)."""

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="sub_projects")
    project = models.OneToOneField(
        "community.Project",
        on_delete=models.CASCADE,
        related_name="pilot_link",
        verbose_name=_("prosjekt"),
    )
    added_on = models.DateField(_("del av piloten fra"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("rekkefølge"), default=0)

    class Meta:
        ordering = ["pilot", "position", "pk"]
        verbose_name = _("delprosjekt")
        verbose_name_plural = _("delprosjekter")

    def __str__(self):
        return f"{self.pilot}: {self.project}"
