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

    # No foreign key constraints in the database: the rows are derived from bookings,
    # and checking three keys per row doubled the cost of rolling a year up on
    # PostgreSQL (docs/performance.md). Deleting a hub, person or organization still
    # deletes its rows (Django's CASCADE). Hub and organization need no index of their
    # own: they lead the (hub, day) and (organization, day) indexes.
    hub = models.ForeignKey(
        "spaces.Hub",
        on_delete=models.CASCADE,
        related_name="+",
        db_constraint=False,
        db_index=False,
    )
    day = models.DateField()
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    organization = models.ForeignKey(
        "core.Organization",
        on_delete=models.CASCADE,
        related_name="+",
        db_constraint=False,
        db_index=False,
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
    # The day's PresenceDay rows packed for the in-process engine (``engine.pack``):
    # one read of a year's columns instead of 300,000 rows. Empty (NULL) when the rows
    # changed without a new roll-up (retention); the engine packs them again.
    columns = models.BinaryField(null=True, editable=False)
    # The day's booking use per hub and space kind (``engine.pack_use``), dropped and
    # packed again with ``columns``.
    use = models.BinaryField(null=True, editable=False)

    class Meta:
        verbose_name = _("oppsummert dag")
        verbose_name_plural = _("oppsummerte dager")

    def __str__(self):
        return str(self.day)


class OrgPair(models.Model):
    """Roll-up of the distinct pairs of organizations present at the same hub on the
    same past day, over all hubs, for one whole settled month (``period`` = year * 100
    + month) or one whole settled year (``period`` = year * 100). A pair is stored once
    per period with ``org_a < org_b``. Built from ``PresenceDay`` by
    ``hubro.insights.rollup.ensure_pairs``; a changed day drops its month and year."""

    period = models.PositiveIntegerField()
    org_a = models.IntegerField()
    org_b = models.IntegerField()

    class Meta:
        verbose_name = _("organisasjonspar per periode")
        verbose_name_plural = _("organisasjonspar per periode")
        constraints = [
            models.UniqueConstraint(fields=["period", "org_a", "org_b"], name="orgpair_unique")
        ]

    def __str__(self):
        return f"{self.period} {self.org_a}/{self.org_b}"


class RolledPairs(models.Model):
    """A month or year (as in ``OrgPair.period``) whose pairs are complete."""

    period = models.PositiveIntegerField(unique=True)

    class Meta:
        verbose_name = _("oppsummert periode for organisasjonspar")
        verbose_name_plural = _("oppsummerte perioder for organisasjonspar")

    def __str__(self):
        return str(self.period)


class SettledFigures(models.Model):
    """The raw presence counts and booked hours of one scope and one period that lies
    wholly in the past (before suppression). Dropped when a booking of a day from
    ``first`` to ``end`` changes, with the daily roll-up (``rollup.forget``), and by
    ``rollup.rebuild``. Events and clusters are never stored here."""

    scope = models.CharField(max_length=200)  # "all", or sorted hub ids; then "/org id"
    start = models.DateField()
    end = models.DateField()
    first = models.DateField()  # the earliest day the numbers read (returning users)
    data = models.JSONField()
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("lagrede tall for avsluttet periode")
        verbose_name_plural = _("lagrede tall for avsluttede perioder")
        constraints = [
            models.UniqueConstraint(fields=["scope", "start", "end"], name="settled_unique")
        ]
        indexes = [models.Index(fields=["first", "end"], name="settled_first_end")]

    def __str__(self):
        return f"{self.scope} {self.start}–{self.end}"
