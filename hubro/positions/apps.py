from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PositionsConfig(AppConfig):
    name = "hubro.positions"
    label = "positions"
    verbose_name = _("Stillinger")

    def ready(self):
        from hubro.insights import beside

        from .indicators import positions_section

        beside.register(positions_section)
