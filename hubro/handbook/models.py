"""The handbook: short, structured lessons learned from pilots, hubs and projects.

A lesson is written as a draft that only its author sees, and becomes visible to every
signed-in user when it is published. Each lesson carries four tags (theme, phase, hub
kind and size of place) and may point at the pilot, hub, project or assessment it came
from. Full-text search lives in ``search.py``: a stored ``tsvector`` on PostgreSQL, an
FTS5 table of Snowball-stemmed words on SQLite."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Lesson(models.Model):
    """One lesson: context, what was tried, what happened, and the advice it gives."""

    class Theme(models.TextChoices):
        # The evaluation's three proposed handbook themes, then three it found decisive.
        SHARED_GOALS = "shared_goals", _("Felles mål")
        GUIDANCE = "guidance", _("Effektiv veiledning")
        LEARNING = "learning", _("Kontinuerlig læring")
        FINANCING = "financing", _("Finansiering")
        ANCHORING = "anchoring", _("Forankring")
        CO_LOCATION = "co_location", _("Samlokalisering eller kontorfellesskap")

    class Phase(models.TextChoices):
        PRE_PROJECT = "pre_project", _("Forprosjekt")
        MAIN_PROJECT = "main_project", _("Hovedprosjekt")
        EXTENSION = "extension", _("Forlengelse")
        OPERATION = "operation", _("Drift")

    class HubKind(models.TextChoices):
        # Co-location: the agencies move into one building (Statens hus in Stad).
        CO_LOCATION = "co_location", _("Samlokalisering")
        # Office community: cells and meeting rooms shared by several employers (Narvik).
        OFFICE_COMMUNITY = "office_community", _("Kontorfellesskap")
        # Hub: an office community that also runs clusters and projects (RegionLab Lister).
        HUB = "hub", _("Hub med klynger og prosjekter")
        # Innovation hub: built around public innovation and development (Orkland).
        INNOVATION_HUB = "innovation_hub", _("Innovasjonshub")

    class PlaceSize(models.TextChoices):
        # By the host municipality's inhabitants; see docs/handbook.md.
        SMALL = "small", _("Lite sted (under 10 000 innbyggere)")
        MEDIUM = "medium", _("Mellomstort sted (10 000–20 000 innbyggere)")
        REGIONAL_CENTRE = "regional_centre", _("Regionsenter (over 20 000 innbyggere)")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Utkast")
        PUBLISHED = "published", _("Publisert")

    title = models.CharField(_("tittel"), max_length=200)
    summary = models.CharField(_("sammendrag"), max_length=500)
    context = models.TextField(_("bakgrunn"), blank=True)
    tried = models.TextField(_("hva vi prøvde"), blank=True)
    outcome = models.TextField(_("hva som skjedde"), blank=True)
    advice = models.TextField(_("råd"), blank=True)

    theme = models.CharField(_("tema"), max_length=20, choices=Theme.choices)
    phase = models.CharField(_("fase"), max_length=20, choices=Phase.choices, blank=True)
    hub_kind = models.CharField(_("type hub"), max_length=20, choices=HubKind.choices, blank=True)
    place_size = models.CharField(
        _("stedets størrelse"), max_length=20, choices=PlaceSize.choices, blank=True
    )

    hub = models.ForeignKey(
        "spaces.Hub",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lessons",
        verbose_name=_("hub"),
    )
    project = models.ForeignKey(
        "community.Project",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lessons",
        verbose_name=_("prosjekt"),
    )
    pilot = models.ForeignKey(
        "programme.Pilot",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lessons",
        verbose_name=_("pilot"),
    )
    assessment = models.ForeignKey(
        "programme.Assessment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lessons",
        verbose_name=_("vurdering"),
    )

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lessons",
        verbose_name=_("forfatter"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("publisert"), null=True, blank=True)
    created_at = models.DateTimeField(_("opprettet"), default=timezone.now)
    updated_at = models.DateTimeField(_("endret"), default=timezone.now)

    # PostgreSQL only (kept up to date by ``search.index_lesson``); NULL on SQLite,
    # where the FTS5 table ``handbook_lesson_fts`` does the same job.
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ["-published_at", "-created_at", "-pk"]
        verbose_name = _("erfaring")
        verbose_name_plural = _("erfaringer")
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="lesson_published_has_date",
            )
        ]
        indexes = [models.Index(fields=["status", "-published_at"], name="lesson_status_pub")]

    def __str__(self):
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    def tags(self) -> list[dict]:
        """The lesson's set tags as ``{kind, code, label}``, theme first."""
        kinds = [
            ("theme", self.theme, self.get_theme_display),
            ("phase", self.phase, self.get_phase_display),
            ("hub_kind", self.hub_kind, self.get_hub_kind_display),
            ("place_size", self.place_size, self.get_place_size_display),
        ]
        return [
            {"kind": kind, "code": code, "label": str(label())}
            for kind, code, label in kinds
            if code
        ]

    def missing_parts(self) -> list[str]:
        """The names of the parts a published lesson must have but this one lacks."""
        return [
            name for name in ("summary", "context", "tried", "outcome", "advice")
            if not getattr(self, name).strip()
        ]  # fmt: skip
