"""The private calendar feed: ``/kalender/<token>.ics``, read by calendar clients.

No login: the long random token in the address is the secret. An unknown or revoked
token is simply not found."""

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_safe

from hubro.core.models import Person

from .ical import person_feed


def _person_for_token(token: str):
    if not token:
        return None
    return Person.objects.filter(calendar_token=token, is_active=True).first()


@require_safe
def feed(request, token):
    person = _person_for_token(token)
    if person is None:
        raise Http404
    response = HttpResponse(person_feed(person), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="hubro.ics"'
    # The address is a secret: keep it out of shared caches and search engines.
    response["Cache-Control"] = "private, no-cache"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response
