"""What the sign-in needs beyond allauth's own tables."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PendingJoin(models.Model):
    """A person made when someone asked for a one-time code at a listed e-mail domain,
    who has not yet entered the code. The first sign-in removes this row; `hubro
    retention` deletes the person if the code was never used (a day later), so that an
    address typed by someone else does not stay in Hubro."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pending_join"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("ubekreftet konto")
        verbose_name_plural = _("ubekreftede kontoer")

    def __str__(self):
        return f"{self.person_id} ({self.created_at:%Y-%m-%d %H:%M})"
