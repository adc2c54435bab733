from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HostingConfig(AppConfig):
    name = "hubro.hosting"
    verbose_name = _("Vertens arbeidsflate")
