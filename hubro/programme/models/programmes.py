"""A programme, its national goals and the roles people hold in it."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..criteria import NationalGoal
from .common import _ends_after_start


class Programme(models.Model):
    """A national programme, owned by one organization (a ministry), with a budget."""

    name = models.CharField(_("navn"), max_length=200)
    slug = models.SlugField(_("kortnavn"), unique=True)
    description = models.TextField(_("beskrivelse"), blank=True)
    owner = models.ForeignKey(
        "core.Organization",
        on_delete=models.PROTECT,
        related_name="programmes_owned",
        verbose_name=_("programeier"),
    )
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("slutt"), null=True, blank=True)
    original_ends_on = models.DateField(
        _("opprinnelig slutt"),
        null=True,
        blank=True,
        help_text=_("Fylles ut når programmet er forlenget."),
    )
    budget = models.DecimalField(
        _("budsjett (kr)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    budget_note = models.CharField(_("om budsjettet"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("opprettet"), default=timezone.now)

    class Meta:
        ordering = ["-starts_on", "name"]
        verbose_name = _("program")
        verbose_name_plural = _("programmer")
        constraints = [
            _ends_after_start("programme_ends_after_start"),
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget__gte=0),
                name="programme_budget_not_negative",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def budget_display(self) -> str:
        """The budget in whole kroner with Norwegian digit groups ("16 000 000 kr")."""
        if self.budget is None:
            return ""
        return f"{self.budget:,.0f}".replace(",", "\u00a0") + "\u00a0kr"


class ProgrammeGoal(models.Model):
    """One of a programme's national goals, numbered as ``NationalGoal``."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="goals")
    number = models.PositiveSmallIntegerField(_("nummer"), choices=NationalGoal.choices)
    text = models.TextField(_("formulering"), blank=True)

    class Meta:
        ordering = ["programme", "number"]
        verbose_name = _("nasjonalt mål")
        verbose_name_plural = _("nasjonale mål")
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="programme_goal_once")
        ]

    def __str__(self):
        return f"{self.number}. {self.get_number_display()}"


class ProgrammeRole(models.Model):
    """A person's role in a programme: the owner's people see everything, evaluators
    record assessments."""

    class Role(models.TextChoices):
        OWNER = "owner", _("Programeier")
        EVALUATOR = "evaluator", _("Evaluator")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="roles")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="programme_roles",
        verbose_name=_("person"),
    )
    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("programrolle")
        verbose_name_plural = _("programroller")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "person", "role"], name="programme_role_once"
            )
        ]

    def __str__(self):
        return f"{self.person} – {self.get_role_display()} ({self.programme})"
