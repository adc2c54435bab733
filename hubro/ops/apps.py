from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    name = "hubro.ops"
    label = "ops"
    verbose_name = _("Drift")

    def ready(self):
        from . import checks  # noqa: F401  (registers the deploy checks)
