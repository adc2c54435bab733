from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "hubro.accounts"
    label = "accounts"
    verbose_name = _("Innlogging og kontoer")

    def ready(self):
        from . import audit  # noqa: F401  (connects the audit receivers)
