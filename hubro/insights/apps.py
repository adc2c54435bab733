from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


def _booking_changed(sender, instance, **kwargs):
    from hubro.core.timeutil import local_date

    from .rollup import forget

    if instance.start is not None:
        forget(local_date(instance.start))


class InsightsConfig(AppConfig):
    name = "hubro.insights"
    label = "insights"
    verbose_name = _("Innsikt")

    def ready(self):
        from hubro.bookings.models import Booking

        post_save.connect(_booking_changed, sender=Booking, dispatch_uid="insights_booking_saved")
        post_delete.connect(
            _booking_changed, sender=Booking, dispatch_uid="insights_booking_deleted"
        )
