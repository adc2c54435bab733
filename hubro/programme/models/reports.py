"""Status reports and assessments of pilots."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..criteria import Barrier, Criterion
from .common import SCORE_VALIDATORS, _ends_after_start
from .pilots import Pilot
from .programmes import ProgrammeGoal


class StatusReport(models.Model):
    """A pilot's short status report for a period (a monthly status meeting)."""

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="status_reports")
    period_start = models.DateField(_("periode fra"))
    period_end = models.DateField(_("periode til"))
    summary = models.TextField(_("kort status"), blank=True)
    risks = models.TextField(_("risikoer"), blank=True)
    needs = models.TextField(_("behov fra departementet"), blank=True)
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("levert av"),
    )
    filed_at = models.DateTimeField(_("levert"), default=timezone.now)

    class Meta:
        ordering = ["pilot", "-period_start", "-pk"]
        verbose_name = _("statusrapport")
        verbose_name_plural = _("statusrapporter")
        constraints = [
            _ends_after_start("status_report_period_order", "period_start", "period_end"),
            models.UniqueConstraint(
                fields=["pilot", "period_start", "period_end"], name="status_report_period_once"
            ),
        ]

    def __str__(self):
        return f"{self.pilot}: {self.period_start}–{self.period_end}"


class StatusReportLine(models.Model):
    """Progress on one sub-project in a status report."""

    report = models.ForeignKey(StatusReport, on_delete=models.CASCADE, related_name="lines")
    project = models.ForeignKey(
        "community.Project",
        on_delete=models.CASCADE,
        related_name="status_report_lines",
        verbose_name=_("delprosjekt"),
    )
    progress = models.TextField(_("framdrift"))

    class Meta:
        ordering = ["report", "pk"]
        verbose_name = _("framdrift for delprosjekt")
        verbose_name_plural = _("framdrift for delprosjekter")
        constraints = [
            models.UniqueConstraint(fields=["report", "project"], name="status_line_once")
        ]

    def __str__(self):
        return f"{self.project}: {self.progress[:40]}"


class Assessment(models.Model):
    """An evaluator's assessment of a pilot at a milestone."""

    class Milestone(models.TextChoices):
        PRE_PROJECT = "pre_project", _("Etter forprosjektet")
        MIDWAY = "midway", _("Midtveis")
        FINAL = "final", _("Sluttevaluering")

    MILESTONE_ORDER = {Milestone.PRE_PROJECT: 0, Milestone.MIDWAY: 1, Milestone.FINAL: 2}

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="assessments")
    milestone = models.CharField(_("tidspunkt"), max_length=20, choices=Milestone.choices)
    assessed_on = models.DateField(_("dato"))
    evaluator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assessments_made",
        verbose_name=_("evaluator"),
    )
    summary = models.TextField(_("sammendrag"), blank=True)
    recommendations = models.TextField(_("anbefalinger"), blank=True)
    created_at = models.DateTimeField(_("registrert"), default=timezone.now)

    class Meta:
        ordering = ["pilot", "assessed_on", "pk"]
        verbose_name = _("vurdering")
        verbose_name_plural = _("vurderinger")
        constraints = [
            models.UniqueConstraint(
                fields=["pilot", "milestone"], name="assessment_milestone_once"
            )
        ]

    def __str__(self):
        return f"{self.pilot}: {self.get_milestone_display()}"


class AssessmentGoalScore(models.Model):
    """An assessment's score (1–5) and text for one national goal."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="goal_scores"
    )
    goal = models.ForeignKey(
        ProgrammeGoal, on_delete=models.CASCADE, related_name="scores", verbose_name=_("mål")
    )
    score = models.PositiveSmallIntegerField(
        _("karakter (1–5)"), null=True, blank=True, validators=SCORE_VALIDATORS
    )
    text = models.TextField(_("vurdering"), blank=True)

    class Meta:
        ordering = ["assessment", "goal__number"]
        verbose_name = _("vurdering av mål")
        verbose_name_plural = _("vurderinger av mål")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "goal"], name="assessment_goal_once"),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=1, score__lte=5),
                name="assessment_goal_score_1_5",
            ),
        ]

    def __str__(self):
        return f"{self.assessment} – {self.goal}: {self.score}"


class AssessmentFinding(models.Model):
    """A success factor (one of the eight criteria) or a barrier (one of the seven)
    that an assessment found in the pilot, with the evaluator's note."""

    class Kind(models.TextChoices):
        SUCCESS_FACTOR = "criterion", _("Suksessfaktor")
        BARRIER = "barrier", _("Barriere")

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="findings")
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    code = models.CharField(
        _("kriterium eller barriere"),
        max_length=30,
        choices=Criterion.choices + Barrier.choices,
    )
    note = models.TextField(_("merknad"), blank=True)

    class Meta:
        ordering = ["assessment", "kind", "pk"]
        verbose_name = _("funn")
        verbose_name_plural = _("funn")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "kind", "code"], name="assessment_finding_once"
            ),
            models.CheckConstraint(
                condition=(Q(kind="criterion") & Q(code__in=Criterion.values))
                | (Q(kind="barrier") & Q(code__in=Barrier.values)),
                name="assessment_finding_code_matches_kind",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.get_code_display()}"
