"""What stands in front of every request, so that abuse and bad input get a clear
answer and never a 500 (docs/api.md#errors, docs/production.md#rate-limits):

- under ``/api/``: a rate limit per token and per client address (429 with
  ``Retry-After``); bodies over the limit (413), bodies that are not UTF-8 JSON (422
  ``invalid``); a database that is down or busy (503); any other failure (500) – each
  as ``{code, detail}``;
- everywhere: a date in an API address outside the years Hubro takes
  (``hubro.core.timeutil``: 1900 to 2199), which would overflow date arithmetic in
  presence or indicators, is refused before any view runs (422 ``out_of_range``);
  pages handle such dates themselves, and one that still overflows gets a page that
  says which dates Hubro takes, never a 500; a NUL character that
  reaches PostgreSQL (which cannot store or compare it) is a 422 ``invalid`` in the API
  and a 400 page elsewhere, never a 500. Views that give NUL a meaning of their own
  (search treats it as a space, a filter as an unknown value) keep it.

The counters live in the default cache (Redis when configured), so every app server
counts the same requests. The windows are django-ratelimit's fixed windows."""

import hashlib
import json
import logging
import re

from django.conf import settings
from django.db import DatabaseError, DataError, InterfaceError, OperationalError
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage

from hubro.core.timeutil import DATE_MAX, DATE_MIN
from hubro.ops.addresses import client_address

log = logging.getLogger("hubro.api")
BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def error(status: int, code: str, detail: str, **headers) -> JsonResponse:
    """An API error in the documented shape."""
    response = JsonResponse({"code": code, "detail": detail}, status=status)
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def unavailable(exc: Exception) -> JsonResponse:
    """The database is down, or busy past its timeout: try again shortly."""
    log.warning("database unavailable: %s", exc)
    return error(
        503,
        "unavailable",
        _("Tjenesten er midlertidig utilgjengelig. Prøv igjen om litt."),
        Retry_After="5",
    )


def internal_error() -> JsonResponse:
    return error(500, "server_error", _("Noe gikk galt hos oss. Feilen er logget."))


def is_unavailable(exc: BaseException) -> bool:
    return isinstance(exc, (OperationalError, InterfaceError))


def _token_key(group, request) -> str:
    auth = request.headers.get("Authorization", "")
    return hashlib.sha256(auth.encode("utf-8", "replace")).hexdigest()


def _address_key(group, request) -> str:
    return client_address(request)


def rate_limited(request) -> JsonResponse | None:
    """Count this request against its address and its token; 429 when over either."""
    limits = [("api-address", _address_key, settings.HUBRO_API_RATE_PER_ADDRESS)]
    if request.headers.get("Authorization"):
        limits.append(("api-token", _token_key, settings.HUBRO_API_RATE_PER_TOKEN))
    for group, key, per_minute in limits:
        if not per_minute:
            continue
        usage = get_usage(request, group=group, key=key, rate=f"{per_minute}/m", increment=True)
        if usage and usage["should_limit"]:
            wait = max(1, usage["time_left"])
            return error(
                429,
                "rate_limited",
                _("For mange forespørsler. Vent %(seconds)s sekunder og prøv igjen.")
                % {"seconds": wait},
                Retry_After=str(wait),
            )
    return None


def _bad_body(request) -> JsonResponse | None:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    if limit and length > limit:
        return error(
            413,
            "too_large",
            _("Forespørselen er for stor (høyst %(mb)s MB).") % {"mb": limit // (1024 * 1024)},
        )
    if request.method not in BODY_METHODS or not length:
        return None
    body = request.body
    try:
        json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        return error(422, "invalid", _("Innholdet er ikke gyldig UTF-8."))
    except ValueError:
        return error(422, "invalid", _("Innholdet er ikke gyldig JSON."))
    return None


ISO_DATE = re.compile(r"\s*(-?\d{1,})-\d{1,2}-\d{1,2}")


def _date_out_of_range(request) -> str | None:
    """The name of a query parameter holding an ISO date outside Hubro's years."""
    for name, values in request.GET.lists():
        for value in values:
            match = ISO_DATE.match(value)
            if match and not DATE_MIN.year <= int(match.group(1)) <= DATE_MAX.year:
                return name
    return None


def out_of_range_detail(name: str = "") -> str:
    detail = _("Datoen må ligge mellom %(min)s og %(max)s.") % {
        "min": DATE_MIN.isoformat(),
        "max": DATE_MAX.isoformat(),
    }
    return f"{name}: {detail}" if name else detail


def is_nul_error(exc: BaseException) -> bool:
    """psycopg's refusal of a NUL character in a value ("PostgreSQL text fields cannot
    contain NUL (0x00) bytes"), as a DataError or, from some adapters, a ValueError."""
    return isinstance(exc, (ValueError, DataError)) and "NUL (0x00)" in str(exc)


def nul_error() -> JsonResponse:
    return error(422, "invalid", _("Forespørselen inneholder et NUL-tegn (%00)."))


class ApiGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/api/"):
            refused = rate_limited(request)
            if refused is None and (name := _date_out_of_range(request)):
                refused = error(422, "out_of_range", out_of_range_detail(name))
            if refused is None:
                refused = _bad_body(request)
            if refused is not None:
                return refused
        return self.get_response(request)

    def process_exception(self, request, exc):
        if not request.path.startswith("/api/"):
            if isinstance(exc, OverflowError):
                return date_out_of_range_page(request)
            if is_nul_error(exc):
                return render(request, "400.html", status=400)
            return None
        if isinstance(exc, OverflowError):
            return error(422, "out_of_range", out_of_range_detail())
        if is_nul_error(exc):
            return nul_error()
        if is_unavailable(exc):
            return unavailable(exc)
        if isinstance(exc, DatabaseError):
            log.exception("database error under /api/", exc_info=exc)
            return internal_error()
        return None


def date_out_of_range_page(request):
    return render(request, "400.html", {"message": out_of_range_detail()}, status=400)


def server_error(request):
    """handler500: JSON under /api/, the friendly page elsewhere."""
    if request.path.startswith("/api/"):
        return internal_error()
    from django.views.defaults import server_error as page

    return page(request)
