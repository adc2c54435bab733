"""Checks that `hubro check --deploy` runs beside Django's own (docs/production.md)."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def base_url_is_set(app_configs, **kwargs):
    """Without ``HUBRO_BASE_URL`` links follow the address a request came to, and the
    e-mails that timers send outside a request (reminders, released bookings) link to
    the development address: production must say where it is."""
    if settings.HUBRO_BASE_URL:
        return []
    return [
        checks.Warning(
            "HUBRO_BASE_URL is not set: e-mails sent outside a request link to "
            "http://127.0.0.1:8000.",
            hint="Set HUBRO_BASE_URL to the public address, e.g. https://hubro.example.no.",
            id="hubro.W001",
        )
    ]
