from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    name = "hubro.programme"
    label = "programme"
    verbose_name = _("Program og piloter")
