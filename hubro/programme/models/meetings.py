"""A pilot's groups (reference and working groups beside the steering group), the
steering group's meetings and decisions, the money its decisions grant, and what the
pilot spent."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .common import _ends_after_start
from .pilots import Pilot, PilotSubProject, SteeringGroupMember


class PilotGroup(models.Model):
    """A reference group or a working group of a pilot. (The steering group is the
    pilot's own ``SteeringGroupMember`` and ``SteeringGroupOrganization`` rows.)"""

    class Kind(models.TextChoices):
        REFERENCE = "reference", _("Referansegruppe")
        WORKING = "working", _("Arbeidsgruppe")

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="groups")
    kind = models.CharField(_("type gruppe"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("navn"), max_length=200)
    description = models.TextField(_("mandat"), blank=True)

    class Meta:
        ordering = ["pilot", "kind", "name"]
        verbose_name = _("gruppe")
        verbose_name_plural = _("grupper")
        constraints = [
            models.UniqueConstraint(fields=["pilot", "name"], name="pilot_group_name_once")
        ]

    def __str__(self):
        return self.name


class PilotGroupMember(models.Model):
    """A person in a reference or working group, with a role, for a period."""

    group = models.ForeignKey(PilotGroup, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="pilot_group_memberships",
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
    role = models.CharField(
        _("rolle"),
        max_length=20,
        choices=SteeringGroupMember.Role.choices,
        default=SteeringGroupMember.Role.MEMBER,
    )
    starts_on = models.DateField(_("med fra"), null=True, blank=True)
    ends_on = models.DateField(_("med til"), null=True, blank=True)

    class Meta:
        ordering = ["group", "role", "pk"]
        verbose_name = _("gruppemedlem")
        verbose_name_plural = _("gruppemedlemmer")
        constraints = [
            models.UniqueConstraint(fields=["group", "person"], name="pilot_group_member_once"),
            _ends_after_start("pilot_group_member_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"


def meeting_minutes_path(instance, filename):
    return f"programme/{instance.pilot_id}/meetings/{filename}"


class Meeting(models.Model):
    """A dated meeting of a pilot's steering group: agenda, minutes as text or a PDF."""

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField(_("dato"))
    title = models.CharField(_("tittel"), max_length=200, blank=True)
    agenda = models.TextField(_("saksliste"), blank=True)
    minutes = models.TextField(_("referat"), blank=True)
    minutes_file = models.FileField(
        _("referat som PDF"), upload_to=meeting_minutes_path, max_length=300, blank=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registrert av"),
    )
    recorded_at = models.DateTimeField(_("registrert"), default=timezone.now)

    class Meta:
        ordering = ["pilot", "-held_on", "-pk"]
        verbose_name = _("møte i styringsgruppen")
        verbose_name_plural = _("møter i styringsgruppen")

    def __str__(self):
        return f"{self.pilot}: {self.held_on.isoformat()}"


class Decision(models.Model):
    """A decision made at a meeting. With an amount it grants money to the pilot or to
    one of its sub-projects; a grant is never negative."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField(_("vedtak"))
    amount = models.DecimalField(
        _("bevilget beløp (kr)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    sub_project = models.ForeignKey(
        PilotSubProject,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="grants",
        verbose_name=_("til delprosjekt"),
        help_text=_("Tomt: bevilgningen går til piloten."),
    )
    position = models.PositiveSmallIntegerField(_("nummer"), default=0)

    class Meta:
        ordering = ["meeting", "position", "pk"]
        verbose_name = _("vedtak")
        verbose_name_plural = _("vedtak")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gt=0),
                name="decision_grant_positive",
            ),
            models.CheckConstraint(
                condition=Q(sub_project__isnull=True) | Q(amount__isnull=False),
                name="decision_sub_project_needs_amount",
            ),
        ]

    def __str__(self):
        return self.text[:80]


class Expense(models.Model):
    """Money the pilot (or one of its sub-projects) has spent."""

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="expenses")
    sub_project = models.ForeignKey(
        PilotSubProject,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="expenses",
        verbose_name=_("delprosjekt"),
        help_text=_("Tomt: utgiften føres på piloten."),
    )
    spent_on = models.DateField(_("dato"))
    amount = models.DecimalField(_("beløp (kr)"), max_digits=14, decimal_places=2)
    description = models.CharField(_("hva pengene gikk til"), max_length=300)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registrert av"),
    )
    recorded_at = models.DateTimeField(_("registrert"), default=timezone.now)

    class Meta:
        ordering = ["pilot", "-spent_on", "-pk"]
        verbose_name = _("utgift")
        verbose_name_plural = _("utgifter")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="expense_amount_positive")
        ]

    def __str__(self):
        return f"{self.description} ({self.amount})"
