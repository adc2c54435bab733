"""The programme's follow-up: requests from a pilot to the ministry or to a named agency
(a status report's "needs from the ministry" that get an answer), and what was done about
each recommendation of an assessment.

Who may see and do what is decided in ``hubro.programme.access``; reads go through
``hubro.followup.queries`` and writes through ``hubro.followup.actions``."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ProgrammeRequest(models.Model):
    """A pilot's request to the programme owner (the ministry) or to a named agency,
    usually made from a need in a status report. Open until answered; closed by the
    pilot or the owner when nothing more is to be done."""

    class Status(models.TextChoices):
        OPEN = "open", _("Åpen")
        ANSWERED = "answered", _("Besvart")
        CLOSED = "closed", _("Lukket")

    pilot = models.ForeignKey(
        "programme.Pilot",
        on_delete=models.CASCADE,
        related_name="requests",
        verbose_name=_("pilot"),
    )
    status_report = models.ForeignKey(
        "programme.StatusReport",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="requests",
        verbose_name=_("statusrapport"),
    )
    addressee = models.ForeignKey(
        "core.Organization",
        on_delete=models.PROTECT,
        related_name="programme_requests",
        verbose_name=_("til"),
        help_text=_("Programeieren (departementet) eller en navngitt etat."),
    )
    subject = models.CharField(_("emne"), max_length=200)
    body = models.TextField(_("behov"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="programme_requests_made",
        verbose_name=_("spurt av"),
    )
    created_at = models.DateTimeField(_("sendt"), default=timezone.now)
    reply = models.TextField(_("svar"), blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("besvart av"),
    )
    replied_at = models.DateTimeField(_("besvart"), null=True, blank=True)
    closed_at = models.DateTimeField(_("lukket"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("forespørsel")
        verbose_name_plural = _("forespørsler")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["open", "answered", "closed"]),
                name="programme_request_status_known",
            ),
            models.CheckConstraint(
                condition=~Q(status="answered") | (~Q(reply="") & Q(replied_at__isnull=False)),
                name="programme_request_answered_has_reply",
            ),
        ]
        indexes = [models.Index(fields=["status", "created_at"], name="programme_request_open")]

    def __str__(self):
        return f"{self.pilot}: {self.subject}"

    @property
    def to_owner(self) -> bool:
        """Addressed to the programme owner (the ministry), not to another agency."""
        return self.addressee_id == self.pilot.programme.owner_id

    def age_days(self, now=None) -> int:
        """Whole days since the request was sent (up to the answer when answered)."""
        end = self.replied_at or self.closed_at or now or timezone.now()
        return max((timezone.localdate(end) - timezone.localdate(self.created_at)).days, 0)


class Recommendation(models.Model):
    """One recommendation of an assessment, with the response to it and the action
    taken, so that the next assessment can see what was followed up."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Ikke påbegynt")
        PLANNED = "planned", _("Planlagt")
        IN_PROGRESS = "in_progress", _("Under arbeid")
        DONE = "done", _("Gjennomført")
        DECLINED = "declined", _("Ikke fulgt opp")

    assessment = models.ForeignKey(
        "programme.Assessment",
        on_delete=models.CASCADE,
        related_name="recommendation_items",
        verbose_name=_("vurdering"),
    )
    number = models.PositiveSmallIntegerField(_("nummer"))
    text = models.TextField(_("anbefaling"))
    response = models.TextField(_("svar på anbefalingen"), blank=True)
    action = models.TextField(_("tiltak"), blank=True)
    status = models.CharField(
        _("status for tiltaket"),
        max_length=20,
        choices=Status.choices,
        default=Status.NOT_STARTED,
    )
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("fulgt opp av"),
    )
    updated_at = models.DateTimeField(_("sist endret"), null=True, blank=True)

    class Meta:
        ordering = ["assessment", "number"]
        verbose_name = _("anbefaling")
        verbose_name_plural = _("anbefalinger")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "number"], name="recommendation_number_once"
            ),
            models.CheckConstraint(
                condition=Q(
                    status__in=["not_started", "planned", "in_progress", "done", "declined"]
                ),
                name="recommendation_status_known",
            ),
        ]

    def __str__(self):
        return f"{self.assessment} – {self.number}"
