"""The evaluation's eight success criteria and seven barriers for innovation hubs, used
by assessments, hub self-assessments and the handbook's checklist."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Criterion(models.TextChoices):
    PURPOSE = "purpose", _("Tydelig formål og mandat")
    PARTICIPATION = "participation", _("Engasjerte nøkkelaktører og bred deltakelse")
    CULTURE = "culture", _("Kultur for nytenkning")
    COLLABORATION = "collaboration", _("Samarbeid og partnerskap på tvers av sektorer")
    LEADERSHIP = "leadership", _("Støttende ledelse og forankring")
    CAPACITY = "capacity", _("Kompetanse og kapasitet")
    FINANCING = "financing", _("Bærekraftig finansiering")
    NETWORKS = "networks", _("Eksterne nettverk og læring")


class Barrier(models.TextChoices):
    SILOS = "silos", _("Fragmentering og siloer")
    GOVERNANCE = "governance", _("Uklar styring og ansvar")
    SHORT_FUNDING = "short_funding", _("Kortsiktig finansiering")
    MEASURING = "measuring", _("Vanskelig å måle effekt")
    COMPETENCE = "competence", _("Kompetansegap og motstand")
    INERTIA = "inertia", _("Kulturell treghet")
    DISTANCE = "distance", _("Geografisk og digital avstand")


class NationalGoal(models.IntegerChoices):
    """The five national goals of the Statens hus programme (the demo's programme)."""

    # Short labels in the project's own words; the programme's full wording of each goal
    # is stored on the programme (``programme.NationalGoal``-rows) when it is entered.
    COMPETENCE_ENVIRONMENT = 1, _("Samlede offentlige fagmiljøer i regionene")
    RETAIN_RECRUIT = 2, _("Beholde og rekruttere statlig kompetanse på mindre steder")
    DECENTRALISED = 3, _("Desentralisert rekruttering i staten")
    CLUSTERS = 4, _("Samarbeid i kompetanseklynger")
    KNOWLEDGE = 5, _("Kunnskap til lokaliseringspolitikken")
