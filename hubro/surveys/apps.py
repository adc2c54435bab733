from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "hubro.surveys"
    label = "surveys"
    verbose_name = _("Spørreundersøkelser")

    def ready(self):
        from hubro.insights import beside

        from .indicators import surveys_section

        beside.register(surveys_section)
