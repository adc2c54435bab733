"""Bookings of spaces, the series they may belong to, and the hosts' booking rules.

Intervals are half-open: [start, end)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hubro.spaces.models import Space

# A title, not a minutes document: it must fit on one line of the day view.
PURPOSE_MAX_LENGTH = 120
# The kinds of space a purpose can be given for: rooms where people meet.
PURPOSE_KINDS = (Space.Kind.MEETING_ROOM, Space.Kind.PROJECT_ROOM)


class BookingQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Booking.Status.CONFIRMED)

    def overlapping(self, start, end):
        """Bookings that share any instant with [start, end); touching ends do not."""
        return self.filter(start__lt=end, end__gt=start)


class BookingSeries(models.Model):
    """A recurring booking: the same space and local hours on a pattern of dates.

    The dates themselves are ordinary ``Booking`` rows that point here, so every date
    is checked, shown and cancelled on its own."""

    class Freq(models.TextChoices):
        DAILY = "daily", _("Daglig")
        WEEKLY = "weekly", _("Ukentlig")

    space = models.ForeignKey("spaces.Space", on_delete=models.PROTECT, related_name="series")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="booking_series"
    )
    organization = models.ForeignKey(
        "core.Organization", on_delete=models.PROTECT, related_name="booking_series"
    )
    freq = models.CharField(_("gjentakelse"), max_length=10, choices=Freq.choices)
    interval = models.PositiveSmallIntegerField(_("hver n-te"), default=1)
    weekdays = models.JSONField(_("ukedager"), default=list, blank=True)  # 0 = Monday
    first_date = models.DateField(_("første dato"))
    until = models.DateField(_("til og med"), null=True, blank=True)
    count = models.PositiveSmallIntegerField(_("antall"), null=True, blank=True)
    start_time = models.TimeField(_("fra"))
    end_time = models.TimeField(_("til"))
    created_at = models.DateTimeField(_("opprettet"), auto_now_add=True)

    class Meta:
        verbose_name = _("bookingserie")
        verbose_name_plural = _("bookingserier")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_time__gt=models.F("start_time")),
                name="series_end_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(interval__gte=1), name="series_interval_positive"
            ),
        ]

    def __str__(self):
        hours = f"{self.start_time:%H:%M}–{self.end_time:%H:%M}"
        return f"{self.space.name} {self.get_freq_display()} {hours}"


class Booking(models.Model):
    """A person's reservation of a space, made for one of their organizations."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Bekreftet")
        CANCELLED = "cancelled", _("Avbestilt")
        RELEASED = "released", _("Frigitt (ikke sjekket inn)")

    space = models.ForeignKey(
        "spaces.Space",
        on_delete=models.PROTECT,
        related_name="bookings",
        verbose_name=_("rom eller plass"),
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="bookings",
        verbose_name=_("person"),
    )
    organization = models.ForeignKey(
        "core.Organization",
        on_delete=models.PROTECT,
        related_name="bookings",
        verbose_name=_("organisasjon"),
    )
    series = models.ForeignKey(
        BookingSeries,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bookings",
        verbose_name=_("serie"),
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("slutt"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CONFIRMED
    )
    created_at = models.DateTimeField(_("opprettet"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("avbestilt"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("sjekket inn"), null=True, blank=True)
    released_at = models.DateTimeField(_("frigitt"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("påminnelse sendt"), null=True, blank=True)
    # A short title of a meeting: the hub's hosts see it; everyone else on the hub's day
    # view only when ``show_purpose`` is set by the person who booked.
    purpose = models.CharField(_("formål"), max_length=PURPOSE_MAX_LENGTH, blank=True)
    show_purpose = models.BooleanField(_("vis formålet i hubens dagsoversikt"), default=False)
    # Who made the booking when it was not the person: a host booking on their behalf.
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("booket av"),
    )
    # Why a host cancelled someone's booking; told to the person by e-mail.
    cancel_reason = models.TextField(_("begrunnelse for avbestilling"), blank=True)
    # A host or administrator who booked past the rules; the rules it broke.
    override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("regler overstyrt av"),
    )
    overridden_rules = models.JSONField(_("overstyrte regler"), default=list, blank=True)
    # How many times the booking was moved: calendars replace an event with the same UID
    # only when its SEQUENCE grows (RFC 5545), so a move must raise it.
    revision = models.PositiveIntegerField(_("revisjon"), default=0, editable=False)

    objects = BookingQuerySet.as_manager()

    class Meta:
        ordering = ["start", "space"]
        verbose_name = _("booking")
        verbose_name_plural = _("bookinger")
        indexes = [
            models.Index(fields=["space", "start", "end"], name="booking_space_time"),
            models.Index(fields=["person", "start"], name="booking_person_start"),
        ]
        # On PostgreSQL an exclusion constraint (migration 0003) also forbids overlaps.
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="booking_end_after_start"
            ),
            models.CheckConstraint(
                condition=models.Q(status="confirmed", cancelled_at__isnull=True)
                | models.Q(status="cancelled", cancelled_at__isnull=False)
                | models.Q(status="released", released_at__isnull=False),
                name="booking_status_has_timestamp",
            ),
        ]

    def __str__(self):
        local_start = timezone.localtime(self.start)
        local_end = timezone.localtime(self.end)
        return f"{self.space.name} {local_start:%Y-%m-%d %H:%M}–{local_end:%H:%M}"

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED


class BookingRule(models.Model):
    """A host's rules for booking one kind of space in a hub (or every kind, when
    ``space_kind`` is blank). A rule for a kind wins over the hub-wide one. Empty
    limits mean no limit. Enforced by ``bookings.rules.check_rules``."""

    class Granularity(models.TextChoices):
        MIN_15 = "15", _("15 minutter")
        MIN_30 = "30", _("30 minutter")
        MIN_60 = "60", _("Hele timer")
        HALF_DAY = "half_day", _("Hele eller halve dager")

    class Access(models.TextChoices):
        MEMBERS = "members", _("Bare hubens medlemsorganisasjoner")
        ANYONE = "anyone", _("Alle, også gjester fra andre organisasjoner")

    hub = models.ForeignKey("spaces.Hub", on_delete=models.CASCADE, related_name="booking_rules")
    space_kind = models.CharField(
        _("type rom"),
        max_length=20,
        blank=True,
        choices=[("", _("Alle typer")), *Space.Kind.choices],
    )
    max_days_ahead = models.PositiveIntegerField(_("maks dager fram i tid"), null=True, blank=True)
    min_minutes = models.PositiveIntegerField(
        _("korteste booking (minutter)"), null=True, blank=True
    )
    max_minutes = models.PositiveIntegerField(
        _("lengste booking (minutter)"), null=True, blank=True
    )
    granularity = models.CharField(
        _("tidsoppløsning"), max_length=10, choices=Granularity.choices, default=Granularity.MIN_15
    )
    midday = models.TimeField(
        _("midt på dagen"),
        default="12:00",
        help_text=_("Skillet mellom formiddag og ettermiddag ved halve dager."),
    )
    max_future_bookings = models.PositiveIntegerField(
        _("maks kommende bookinger per person"), null=True, blank=True
    )
    access = models.CharField(
        _("hvem kan booke"), max_length=10, choices=Access.choices, default=Access.ANYONE
    )

    # What a host sets on a rule (the host's workspace and the admin alike).
    EDITABLE_FIELDS = (
        "space_kind",
        "access",
        "max_days_ahead",
        "max_future_bookings",
        "min_minutes",
        "max_minutes",
        "granularity",
        "midday",
    )

    class Meta:
        verbose_name = _("bookingregel")
        verbose_name_plural = _("bookingregler")
        constraints = [
            models.UniqueConstraint(fields=["hub", "space_kind"], name="bookingrule_one_per_kind"),
        ]

    def __str__(self):
        return f"{self.hub}: {self.get_space_kind_display()}"


class FavouriteSpace(models.Model):
    """A space a person keeps at hand: listed first in "Mine bookinger" and in the
    search across hubs. Private to the person."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="favourite_spaces"
    )
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="favourited_by")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("favorittrom")
        verbose_name_plural = _("favorittrom")
        constraints = [
            models.UniqueConstraint(fields=["person", "space"], name="favourite_space_once")
        ]

    def __str__(self):
        return f"{self.person_id} ♥ {self.space}"
