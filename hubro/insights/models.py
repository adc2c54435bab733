"""Who may see a hub's statistics: one setting per hub, edited by its hosts."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StatisticsSetting(models.Model):
    """Who may see the indicators of one hub. A hub without a row uses the default
    (``MEMBERS``). Hosts and administrators always see them."""

    class Audience(models.TextChoices):
        HOSTS = "hosts", _("Bare vertene og administratorer")
        MEMBERS = "members", _("Ansatte i hubens medlemsorganisasjoner")
        SIGNED_IN = "signed_in", _("Alle som er logget inn")

    DEFAULT = Audience.MEMBERS

    hub = models.OneToOneField(
        "spaces.Hub",
        on_delete=models.CASCADE,
        related_name="statistics_setting",
        verbose_name=_("hub"),
    )
    audience = models.CharField(
        _("hvem kan se statistikken"),
        max_length=20,
        choices=Audience.choices,
        default=Audience.MEMBERS,
    )

    class Meta:
        verbose_name = _("statistikkinnstilling")
        verbose_name_plural = _("statistikkinnstillinger")

    def __str__(self):
        return f"{self.hub}: {self.get_audience_display()}"


class PresenceDay(models.Model):
    """Daily roll-up: a person present at a hub on one past local day, for one
    organization, with what the indicators group by. Filled from the bookings by
    ``hubro.insights.rollup``; days from today on are always read live."""

    hub = models.ForeignKey("spaces.Hub", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    organization = models.ForeignKey(
        "core.Organization", on_delete=models.CASCADE, related_name="+"
    )
    sector = models.CharField(max_length=20)
    remote = models.PositiveSmallIntegerField()  # 1: the organization is based elsewhere
    weekday = models.PositiveSmallIntegerField()  # ISO, 1 = Monday
    month = models.PositiveIntegerField()  # year * 100 + month
    first_hour = models.PositiveSmallIntegerField()  # when the first booking started

    class Meta:
        verbose_name = _("tilstedeværelse per dag")
        verbose_name_plural = _("tilstedeværelse per dag")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "hub", "person", "organization"], name="presenceday_unique"
            )
        ]
        indexes = [
            models.Index(fields=["hub", "day"], name="presenceday_hub_day"),
            models.Index(fields=["organization", "day"], name="presenceday_org_day"),
        ]

    def __str__(self):
        return f"{self.day} {self.hub_id}/{self.person_id}/{self.organization_id}"


class RolledDay(models.Model):
    """A past local day whose ``PresenceDay`` rows are complete. A change to a booking
    of that day deletes the mark, and the next reader rolls the day up again."""

    day = models.DateField(unique=True)
    rolled_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("oppsummert dag")
        verbose_name_plural = _("oppsummerte dager")

    def __str__(self):
        return str(self.day)
