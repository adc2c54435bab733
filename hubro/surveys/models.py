"""Short surveys of need (before a hub opens) and benefit (while it runs).

Answers are anonymous: an ``Invite`` is a one-time token per recipient that only marks
"answered", and holds no person; a ``Response`` holds no invite and no person, only the
recipient's group (the sector of their organization) and the day it came in."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

SCALE_MIN, SCALE_MAX = 1, 5
TEXT_MAX = 500


class Survey(models.Model):
    class Kind(models.TextChoices):
        BEFORE_OPENING = "before_opening", _("Før huben åpner (behov og etterspørsel)")
        RUNNING = "running", _("Mens huben er i drift (opplevd nytte)")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Utkast")
        SENT = "sent", _("Sendt")

    hub = models.ForeignKey(
        "spaces.Hub", on_delete=models.PROTECT, related_name="surveys", verbose_name=_("hub")
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("tittel"), max_length=200)
    intro = models.TextField(_("innledning"), blank=True, max_length=2000)
    closes_on = models.DateField(_("svarfrist"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    recipients = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("spørreundersøkelse")
        verbose_name_plural = _("spørreundersøkelser")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.SENT and self.closes_on >= timezone.localdate()


class Question(models.Model):
    class Kind(models.TextChoices):
        SCALE = "scale", _("Skala fra 1 til 5")
        CHOICE = "choice", _("Valg mellom alternativer")
        TEXT = "text", _("Kort tekst")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(_("spørsmålstype"), max_length=10, choices=Kind.choices)
    text = models.CharField(_("spørsmål"), max_length=300)
    choices = models.JSONField(_("alternativer"), default=list, blank=True)
    multiple = models.BooleanField(_("flere svar tillatt"), default=False)
    goal = models.PositiveSmallIntegerField(
        _("nasjonalt mål"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    required = models.BooleanField(_("må besvares"), default=False)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(goal__isnull=True) | models.Q(goal__gte=1, goal__lte=5),
                name="question_goal_1_to_5",
            )
        ]

    def __str__(self):
        return self.text


class Invite(models.Model):
    """One recipient's one-time token (its SHA-256 only). It says whether the token was
    used, nothing about who holds it or what they answered."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="invites")
    token_hash = models.CharField(max_length=64, unique=True)
    group = models.CharField(max_length=20, blank=True)
    answered = models.BooleanField(default=False)

    def __str__(self):
        return f"{self.survey} – {'answered' if self.answered else 'waiting'}"


class Response(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    group = models.CharField(max_length=20, blank=True)
    submitted_on = models.DateField(default=timezone.localdate)

    def __str__(self):
        return f"{self.survey} – {self.submitted_on}"


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    scale = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(SCALE_MIN), MaxValueValidator(SCALE_MAX)],
    )
    choices = models.JSONField(default=list, blank=True)
    text = models.CharField(max_length=TEXT_MAX, blank=True)
    # Free text is shown only after a host approved it.
    approved = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"], name="one_answer_per_question"
            ),
            models.CheckConstraint(
                condition=models.Q(scale__isnull=True)
                | models.Q(scale__gte=SCALE_MIN, scale__lte=SCALE_MAX),
                name="answer_scale_1_to_5",
            ),
        ]

    def __str__(self):
        return f"{self.question} – {self.response_id}"
