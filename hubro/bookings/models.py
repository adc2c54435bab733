"""Bookings of spaces. Intervals are half-open: [start, end)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class BookingQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Booking.Status.CONFIRMED)

    def overlapping(self, start, end):
        """Bookings that share any instant with [start, end); touching ends do not."""
        return self.filter(start__lt=end, end__gt=start)


class Booking(models.Model):
    """A person's reservation of a space, made for one of their organizations."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Bekreftet")
        CANCELLED = "cancelled", _("Avbestilt")

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
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("slutt"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CONFIRMED
    )
    created_at = models.DateTimeField(_("opprettet"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("avbestilt"), null=True, blank=True)

    objects = BookingQuerySet.as_manager()

    class Meta:
        ordering = ["start", "space"]
        verbose_name = _("booking")
        verbose_name_plural = _("bookinger")
        indexes = [
            models.Index(fields=["space", "start", "end"], name="booking_space_time"),
            models.Index(fields=["person", "start"], name="booking_person_start"),
        ]
        # On PostgreSQL an exclusion constraint (migration 0002) also forbids overlaps.
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="booking_end_after_start"
            ),
            models.CheckConstraint(
                condition=models.Q(status="confirmed", cancelled_at__isnull=True)
                | models.Q(status="cancelled", cancelled_at__isnull=False),
                name="booking_cancelled_has_timestamp",
            ),
        ]

    def __str__(self):
        local_start = timezone.localtime(self.start)
        local_end = timezone.localtime(self.end)
        return f"{self.space.name} {local_start:%Y-%m-%d %H:%M}–{local_end:%H:%M}"

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED
