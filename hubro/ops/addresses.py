"""Which address a request comes from, for rate limits and the metrics' allow list."""

from django.conf import settings


def client_address(request) -> str:
    """``REMOTE_ADDR``; behind a proxy that you trust to set it
    (``HUBRO_TRUST_X_FORWARDED_FOR=true``), the first address of ``X-Forwarded-For``.
    Without that setting the header is ignored: anyone can write it."""
    if settings.HUBRO_TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        first = forwarded.split(",", 1)[0].strip()
        if first:
            return first
    return request.META.get("REMOTE_ADDR", "") or "unknown"
