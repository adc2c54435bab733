"""The JSON API, version 1. Every error answers ``{code, detail}``."""

import logging

from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from hubro.core.errors import DomainError

from . import (
    bookings,
    checkin,
    community_edit,
    events,
    finance,
    followup,
    handbook,
    hosting,
    hubs,
    insights,
    me,
    organizations,
    positions,
    presence,
    programme,
    registry,
    surveys,
)
from .auth import TokenAuth
from .guard import (
    error,
    internal_error,
    is_nul_error,
    is_unavailable,
    nul_error,
    out_of_range_detail,
    unavailable,
)
from .openapi import document_errors

log = logging.getLogger("hubro.api")

api = NinjaAPI(
    title="Hubro API",
    version="1",
    description="Hubs, spaces and bookings. Authenticate with `Authorization: Bearer <token>`"
    " (create one with `hubro token create EMAIL`).",
    auth=TokenAuth(),
    urls_namespace="api-v1",
)
api.add_router("", hubs.router)
api.add_router("", organizations.router)
api.add_router("", bookings.router)
api.add_router("", checkin.router)
api.add_router("", me.router)
api.add_router("", presence.router)
api.add_router("", events.router)
api.add_router("", community_edit.router)  # community's reads and writes
api.add_router("", insights.router)
api.add_router("", finance.router)
api.add_router("", registry.router)
api.add_router("", programme.router)
api.add_router("", followup.router)
api.add_router("", handbook.router)
api.add_router("", hosting.router)
api.add_router("", positions.router)  # issue 17b
api.add_router("", surveys.router)  # issue 17b


@api.exception_handler(DomainError)
def domain_error(request, exc: DomainError):
    return api.create_response(request, exc.as_dict(), status=exc.status)


@api.exception_handler(AuthenticationError)
def unauthorized(request, exc):
    response = api.create_response(
        request,
        {"code": "unauthorized", "detail": _("Mangler eller ugyldig API-nøkkel.")},
        status=401,
    )
    response["WWW-Authenticate"] = "Bearer"
    return response


def _describe(error: dict) -> str:
    where = ".".join(str(part) for part in error.get("loc", ()) if part not in ("body", "payload"))
    message = error.get("msg", "")
    if error.get("type") == "timezone_aware":
        message = _("tidspunktet må ha tidssone (UTC-forskyvning)")
    return f"{where}: {message}" if where else message


@api.exception_handler(ValidationError)
def invalid_input(request, exc: ValidationError):
    naive = any(error.get("type") == "timezone_aware" for error in exc.errors)
    return api.create_response(
        request,
        {
            "code": "naive_datetime" if naive else "invalid",
            "detail": "; ".join(_describe(error) for error in exc.errors),
            "errors": [
                {"loc": list(error.get("loc", ())), "msg": str(error.get("msg", ""))}
                for error in exc.errors
            ],
        },
        status=422,
    )


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    if exc.status_code == 400:
        # ninja's "cannot parse the body": the promised answer is 422 invalid.
        return api.create_response(request, {"code": "invalid", "detail": str(exc)}, status=422)
    return api.create_response(
        request, {"code": f"http_{exc.status_code}", "detail": str(exc)}, status=exc.status_code
    )


@api.exception_handler(RequestDataTooBig)
def too_large(request, exc):
    return error(413, "too_large", _("Forespørselen er for stor."))


@api.exception_handler(Exception)
def unexpected(request, exc: Exception):
    """Whatever else goes wrong answers in the API's shape: 503 when the database is
    down or busy, else 500. The traceback goes to the log, never to the client."""
    if is_unavailable(exc):
        return unavailable(exc)
    if isinstance(exc, OverflowError):
        return error(422, "out_of_range", out_of_range_detail())
    if is_nul_error(exc):
        return nul_error()
    log.error("unhandled error in %s %s", request.method, request.path, exc_info=exc)
    return internal_error()


document_errors(api)


@csrf_exempt
def not_found(request):
    """Unknown API paths answer like every other API error, not with an HTML page (nor
    with the CSRF failure page for a POST: the API takes tokens, not cookies)."""
    return JsonResponse(
        {
            "code": "not_found",
            "detail": _("Ukjent adresse i API-et: %(path)s") % {"path": request.path},
        },
        status=404,
    )
