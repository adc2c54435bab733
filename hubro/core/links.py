"""Absolute links that leave the site: in e-mails, calendar files and feeds, QR codes.

``HUBRO_BASE_URL`` is the public address when it is set. When it is not, links use the
address the request came to (the demo on port 8123 links to port 8123), and work done
outside a request (a timer's e-mail) falls back to ``DEFAULT_BASE_URL``. Tasks run in
the request in development; in production set ``HUBRO_BASE_URL``."""

from contextvars import ContextVar

from django.conf import settings
from django.core.exceptions import DisallowedHost

DEFAULT_BASE_URL = "http://127.0.0.1:8000"

_request_base: ContextVar[str] = ContextVar("hubro_request_base", default="")


def _origin(request) -> str:
    try:
        return f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:
        return ""


def base_url(request=None) -> str:
    """The scheme and host that absolute links start with, without a trailing slash."""
    if settings.HUBRO_BASE_URL:
        return settings.HUBRO_BASE_URL
    if request is not None:
        origin = _origin(request)
        if origin:
            return origin
    return _request_base.get() or DEFAULT_BASE_URL


def absolute_url(path: str, request=None) -> str:
    """``path`` (from ``reverse``) as an absolute address; see ``base_url``."""
    return base_url(request) + path


class RequestBaseMiddleware:
    """Remembers the address of the current request for links built deeper down (an
    e-mail sent after commit, a calendar file), when ``HUBRO_BASE_URL`` is not set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_base.set(_origin(request))
        try:
            return self.get_response(request)
        finally:
            _request_base.reset(token)
