"""Hub self-assessment rounds, one response per scorer, a score per item."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..criteria import Barrier, Criterion
from .common import SCORE_VALIDATORS


class SelfAssessmentRound(models.Model):
    """A round of a hub's self-assessment (once or twice a year)."""

    hub = models.ForeignKey(
        "spaces.Hub", on_delete=models.CASCADE, related_name="self_assessment_rounds"
    )
    title = models.CharField(_("tittel"), max_length=200)
    held_on = models.DateField(_("dato"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("opprettet av"),
    )
    created_at = models.DateTimeField(_("opprettet"), default=timezone.now)

    class Meta:
        ordering = ["hub", "held_on"]
        verbose_name = _("egenvurderingsrunde")
        verbose_name_plural = _("egenvurderingsrunder")
        constraints = [
            models.UniqueConstraint(fields=["hub", "held_on"], name="self_assessment_round_once")
        ]

    def __str__(self):
        return f"{self.hub}: {self.title}"


class SelfAssessmentResponse(models.Model):
    """One scorer's answers in a round; each scorer scores on their own."""

    round = models.ForeignKey(
        SelfAssessmentRound, on_delete=models.CASCADE, related_name="responses"
    )
    scorer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="self_assessments",
        verbose_name=_("vurdert av"),
    )
    organization = models.ForeignKey(
        "core.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("for organisasjon"),
    )
    submitted_at = models.DateTimeField(_("levert"), default=timezone.now)

    class Meta:
        ordering = ["round", "submitted_at"]
        verbose_name = _("egenvurdering")
        verbose_name_plural = _("egenvurderinger")
        constraints = [
            models.UniqueConstraint(fields=["round", "scorer"], name="self_assessment_once")
        ]

    def __str__(self):
        return f"{self.round} – {self.scorer}"


class SelfAssessmentScore(models.Model):
    """A score 1–5 with a comment for one criterion or barrier."""

    class Kind(models.TextChoices):
        CRITERION = "criterion", _("Suksesskriterium")
        BARRIER = "barrier", _("Barriere")

    response = models.ForeignKey(
        SelfAssessmentResponse, on_delete=models.CASCADE, related_name="scores"
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    code = models.CharField(
        _("kriterium eller barriere"),
        max_length=30,
        choices=Criterion.choices + Barrier.choices,
    )
    score = models.PositiveSmallIntegerField(_("karakter (1–5)"), validators=SCORE_VALIDATORS)
    comment = models.TextField(_("kommentar"), blank=True)

    class Meta:
        ordering = ["response", "kind", "pk"]
        verbose_name = _("karakter")
        verbose_name_plural = _("karakterer")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "kind", "code"], name="self_assessment_score_once"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=1, score__lte=5), name="self_assessment_score_1_5"
            ),
            models.CheckConstraint(
                condition=(Q(kind="criterion") & Q(code__in=Criterion.values))
                | (Q(kind="barrier") & Q(code__in=Barrier.values)),
                name="self_assessment_code_matches_kind",
            ),
        ]

    def __str__(self):
        return f"{self.get_code_display()}: {self.score}"
