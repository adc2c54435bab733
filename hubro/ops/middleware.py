"""A request id on every request: taken from the proxy's ``X-Request-ID`` when it looks
like one, otherwise made here; sent back in the response and written in every log line
(``hubro.ops.logs``), so that a line in the log leads to the proxy's line and back."""

import logging
import re
import time
import uuid

from .logs import request_id

ACCEPTED = re.compile(r"[A-Za-z0-9._:-]{8,128}")
log = logging.getLogger("hubro.request")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        rid = given if ACCEPTED.fullmatch(given) else uuid.uuid4().hex
        request.request_id = rid
        token = request_id.set(rid)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = rid
            log.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                },
            )
            return response
        finally:
            request_id.reset(token)


class HealthCheckMiddleware:
    """``/healthz``, ``/readyz`` and ``/metrics`` answer whatever host the request
    names: load balancers, systemd and Prometheus call them by address (127.0.0.1:8000),
    which is not in ALLOWED_HOSTS. They run before the host check and the HTTPS
    redirect, and show no page of the site."""

    def __init__(self, get_response):
        from . import health, metrics

        self.get_response = get_response
        self.views = {
            "/healthz": health.healthz,
            "/readyz": health.readyz,
            "/metrics": metrics.metrics,
        }

    def __call__(self, request):
        view = self.views.get(request.path_info)
        if view is not None:
            return view(request)
        return self.get_response(request)
