from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "hubro.followup"
    label = "followup"
    verbose_name = _("Oppfølging av programmet")

    def ready(self):
        # An assessment's recommendations become items to follow up when it is recorded.
        from django.db.models.signals import post_save

        from hubro.programme.models import Assessment

        from .actions import split_recommendations_on_save

        post_save.connect(
            split_recommendations_on_save, sender=Assessment, dispatch_uid="followup_recs"
        )
