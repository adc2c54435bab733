"""Positions an agency announces that can be held from one or more hubs, and the hires
made that way, recorded as counts (never names): goals 2 and 3."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Position(models.Model):
    title = models.CharField(_("stillingstittel"), max_length=200)
    organization = models.ForeignKey(
        "core.Organization",
        on_delete=models.PROTECT,
        related_name="positions",
        verbose_name=_("virksomhet"),
    )
    hubs = models.ManyToManyField(
        "spaces.Hub", related_name="positions", verbose_name=_("kan ha kontorsted på")
    )
    announcement_url = models.URLField(_("lenke til utlysningen"), max_length=500)
    announced_on = models.DateField(_("utlyst"), default=timezone.localdate)
    deadline = models.DateField(_("søknadsfrist"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("stilling")
        verbose_name_plural = _("stillinger")
        ordering = ["deadline", "title", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(deadline__gte=models.F("announced_on")),
                name="position_deadline_after_announced",
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.organization})"

    @property
    def is_open(self) -> bool:
        return self.deadline >= timezone.localdate()


class Hire(models.Model):
    """How many were hired to a position to work from a hub: a count, no names."""

    position = models.ForeignKey(Position, on_delete=models.CASCADE, related_name="hires")
    hub = models.ForeignKey(
        "spaces.Hub", on_delete=models.PROTECT, related_name="+", verbose_name=_("hub")
    )
    count = models.PositiveSmallIntegerField(
        _("antall ansatte"), validators=[MinValueValidator(1)]
    )
    hired_on = models.DateField(_("ansatt dato"), default=timezone.localdate)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("ansettelse")
        verbose_name_plural = _("ansettelser")
        ordering = ["-hired_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(count__gte=1), name="hire_count_positive")
        ]

    def __str__(self):
        return f"{self.count} × {self.position.title}"
