"""Hubs, their bookable spaces and their opening hours."""

import datetime as dt
import functools

import holidays
from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


@functools.cache
def _holidays(year: int, language: str) -> dict[dt.date, str]:
    return dict(holidays.country_holidays("NO", years=year, language=language))


def norwegian_holidays(year: int) -> dict[dt.date, str]:
    """Norway's public holidays in a year, named in the active UI language."""
    language = "en_US" if (translation.get_language() or "").startswith("en") else "no"
    return _holidays(year, language)


def _photo_path(instance, filename):
    # The stored name says nothing but the hub and the time; the file is always a JPEG.
    from django.utils import timezone

    return f"hubs/{instance.pk}/{timezone.now():%Y%m%d%H%M%S}.jpg"


class Hub(models.Model):
    """A shared office or hub where people from several organizations work."""

    name = models.CharField(_("navn"), max_length=200)
    slug = models.SlugField(_("kortnavn"), unique=True)
    address = models.CharField(_("adresse"), max_length=300, blank=True)
    description = models.TextField(_("beskrivelse"), blank=True)
    municipality = models.ForeignKey(
        "core.Municipality",
        on_delete=models.PROTECT,
        related_name="hubs",
        verbose_name=_("kommune"),
    )
    region = models.ForeignKey(
        "core.Region",
        on_delete=models.PROTECT,
        related_name="hubs",
        null=True,
        blank=True,
        verbose_name=_("region"),
    )
    host_organization = models.ForeignKey(
        "core.Organization",
        on_delete=models.PROTECT,
        related_name="hosted_hubs",
        verbose_name=_("vertsorganisasjon"),
    )
    member_organizations = models.ManyToManyField(
        "core.Organization",
        related_name="member_of_hubs",
        blank=True,
        verbose_name=_("medlemsorganisasjoner"),
    )
    hosts = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="HubHost",
        related_name="hosted_hubs",
        blank=True,
        verbose_name=_("verter"),
    )
    is_active = models.BooleanField(_("aktiv"), default=True)
    opened_on = models.DateField(_("åpnet"), null=True, blank=True)
    observe_public_holidays = models.BooleanField(
        _("stengt på helligdager"),
        default=True,
        help_text=_("Norske helligdager er stengte dager for booking."),
    )
    release_no_shows = models.BooleanField(
        _("frigi bookinger uten innsjekking"),
        default=False,
        help_text=_("Bookinger som ikke er sjekket inn når innsjekkingen stenger, frigis."),
    )
    checkin_opens_before = models.PositiveIntegerField(
        _("innsjekking åpner (minutter før start)"), default=15
    )
    checkin_closes_after = models.PositiveIntegerField(
        _("innsjekking stenger (minutter etter start)"), default=30
    )
    # Re-encoded by ``hubro.core.uploads.clean_image`` (no metadata) and served only
    # through ``hosting.views.hub_photo``; never from a public media URL.
    photo = models.FileField(_("bilde"), upload_to=_photo_path, max_length=300, blank=True)
    photo_alt = models.CharField(
        _("bildetekst for skjermlesere"),
        max_length=200,
        blank=True,
        help_text=_("Hva bildet viser, for dem som ikke ser det."),
    )
    # The secret part of the lobby screen's address (``hosting.lobby``); empty: off.
    lobby_secret = models.CharField(max_length=64, unique=True, null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("hub")
        verbose_name_plural = _("huber")

    def __str__(self):
        return self.name

    def opening_hours_on(self, day: dt.date) -> "OpeningHours | None":
        """The opening hours for that day's weekday, or None when the hub is closed."""
        for hours in self.opening_hours.all():
            if hours.weekday == day.weekday():
                return hours
        return None

    def closure(self, day: dt.date) -> str | None:
        """Why the hub is closed all of ``day`` beyond its weekly hours: a public holiday
        it observes (its name) or a closed day (its reason, or ""); None when it is not."""
        if self.observe_public_holidays:
            name = norwegian_holidays(day.year).get(day)
            if name:
                return name
        for closed in self.closed_days.all():
            if closed.date == day:
                return closed.reason
        return None

    def open_interval(self, day: dt.date) -> "tuple[dt.datetime, dt.datetime] | None":
        """The aware [opens, closes) of a day, or None when the hub is closed."""
        from hubro.core.timeutil import local_datetime

        hours = self.opening_hours_on(day)
        if hours is None or self.closure(day) is not None:
            return None
        return local_datetime(day, hours.opens), local_datetime(day, hours.closes)


class ClosedDay(models.Model):
    """A day a hub is closed beyond its weekly hours, e.g. Christmas Eve or a move."""

    hub = models.ForeignKey(Hub, on_delete=models.CASCADE, related_name="closed_days")
    date = models.DateField(_("dato"))
    reason = models.CharField(_("årsak"), max_length=200, blank=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("stengt dag")
        verbose_name_plural = _("stengte dager")
        constraints = [models.UniqueConstraint(fields=["hub", "date"], name="closedday_unique")]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.reason}".strip()


class HubHost(models.Model):
    """The hub host role: a person who runs a hub day to day."""

    hub = models.ForeignKey(Hub, on_delete=models.CASCADE, related_name="host_assignments")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="host_assignments"
    )

    class Meta:
        verbose_name = _("vert")
        verbose_name_plural = _("verter")
        constraints = [models.UniqueConstraint(fields=["hub", "person"], name="hubhost_unique")]

    def __str__(self):
        return f"{self.person} @ {self.hub}"


class OpeningHours(models.Model):
    """When a hub is open on one weekday (0 = Monday). No row means closed that day."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("mandag")
        TUESDAY = 1, _("tirsdag")
        WEDNESDAY = 2, _("onsdag")
        THURSDAY = 3, _("torsdag")
        FRIDAY = 4, _("fredag")
        SATURDAY = 5, _("lørdag")
        SUNDAY = 6, _("søndag")

    hub = models.ForeignKey(Hub, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("ukedag"), choices=Weekday.choices)
    opens = models.TimeField(_("åpner"))
    closes = models.TimeField(_("stenger"))

    class Meta:
        ordering = ["weekday"]
        verbose_name = _("åpningstid")
        verbose_name_plural = _("åpningstider")
        constraints = [
            models.UniqueConstraint(fields=["hub", "weekday"], name="openinghours_one_per_day"),
            models.CheckConstraint(
                condition=models.Q(closes__gt=models.F("opens")),
                name="openinghours_closes_after_opens",
            ),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class Space(models.Model):
    """Something in a hub that can be booked: a cell office, an open desk, a room."""

    class Kind(models.TextChoices):
        OFFICE = "office", _("Cellekontor")
        DESK = "desk", _("Åpen kontorplass")
        MEETING_ROOM = "meeting_room", _("Møterom")
        PROJECT_ROOM = "project_room", _("Prosjektrom")

    hub = models.ForeignKey(Hub, on_delete=models.CASCADE, related_name="spaces")
    name = models.CharField(_("navn"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    capacity = models.PositiveIntegerField(_("kapasitet"), default=1)
    description = models.TextField(_("beskrivelse"), blank=True)
    is_active = models.BooleanField(_("aktiv"), default=True)
    # The host's order of the spaces within the hub (``hosting`` moves them up/down).
    position = models.PositiveIntegerField(_("rekkefølge"), default=0)

    class Meta:
        ordering = ["hub", "kind", "position", "name"]
        verbose_name = _("rom eller plass")
        verbose_name_plural = _("rom og plasser")
        constraints = [
            models.UniqueConstraint(fields=["hub", "name"], name="space_unique_name_per_hub"),
            models.CheckConstraint(
                condition=models.Q(capacity__gte=1), name="space_capacity_positive"
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.hub})"

    @property
    def feature_codes(self) -> list[str]:
        """The codes of this space's features, in the order of ``SpaceFeature.Feature``."""
        have = {row.feature for row in self.features.all()}
        return [code for code in SpaceFeature.Feature.values if code in have]


class SpaceFeature(models.Model):
    """Equipment or a property of a space that people filter on when they book.

    A fixed vocabulary, so that every feature reads in nb, nn and en and a search across
    hubs means the same thing everywhere."""

    class Feature(models.TextChoices):
        SCREEN = "screen", _("Ekstra skjerm")
        VIDEO = "video", _("Videomøteutstyr")
        HEIGHT_ADJUSTABLE = "height_adjustable", _("Hev-senk-pult")
        DOCKING = "docking", _("Dokkingstasjon")
        WHITEBOARD = "whiteboard", _("Tavle")
        PROJECTOR = "projector", _("Prosjektor")
        ACCESSIBLE = "accessible", _("Tilgjengelig for rullestol")
        QUIET = "quiet", _("Stillesone")

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="features")
    feature = models.CharField(_("utstyr"), max_length=30, choices=Feature.choices)

    class Meta:
        ordering = ["space", "feature"]
        verbose_name = _("utstyr")
        verbose_name_plural = _("utstyr")
        constraints = [
            models.UniqueConstraint(fields=["space", "feature"], name="spacefeature_unique")
        ]

    def __str__(self):
        return f"{self.space.name}: {self.get_feature_display()}"
