"""Prometheus metrics at ``/metrics``: requests and their latency (counted by this
middleware in every process; under gunicorn through prometheus_client's multiprocess
mode, see ``hubro/ops/gunicorn.conf.py``), and figures read from the database when
scraped: bookings, the task queue's length and the age of its oldest task.

django-prometheus does not install beside Django 6.1 (it requires Django < 6.1), so the
metrics come from prometheus_client, the Prometheus project's own library, directly.
Only the addresses in ``HUBRO_METRICS_ALLOW`` or a request with the bearer token
``HUBRO_METRICS_TOKEN`` may read them."""

import datetime as dt
import hmac
import os
import time

from django.conf import settings
from django.db.models import Count
from django.http import HttpResponse, HttpResponseForbidden
from django.utils import timezone
from django.views.decorators.cache import never_cache
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily

from .addresses import client_address

REQUESTS = Counter(
    "hubro_http_requests_total", "HTTP requests answered", ["method", "status", "area"]
)
LATENCY = Histogram(
    "hubro_http_request_duration_seconds",
    "Time to answer a request",
    ["area"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)


METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}


def _area(path: str) -> str:
    """A small, fixed set of labels: never one per URL (ids would explode the series)."""
    for prefix, area in (("/api/", "api"), ("/static/", "static"), ("/admin/", "admin")):
        if path.startswith(prefix):
            return area
    if path in ("/healthz", "/readyz", "/metrics"):
        return "ops"
    return "pages"


class MetricsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        area = _area(request.path)
        LATENCY.labels(area).observe(time.perf_counter() - started)
        method = request.method if request.method in METHODS else "other"
        REQUESTS.labels(method, str(response.status_code), area).inc()
        return response


class DatabaseCollector:
    """Figures read when Prometheus scrapes, so every process reports the same."""

    def collect(self):
        from hubro.bookings.models import Booking

        from .health import oldest_queued_task_age

        now = timezone.now()
        bookings = GaugeMetricFamily(
            "hubro_bookings", "Bookings that have not ended, by status", labels=["status"]
        )
        counts = (
            Booking.objects.filter(end__gt=now)
            .order_by()
            .values_list("status")
            .annotate(n=Count("pk"))
        )
        for status, n in counts:
            bookings.add_metric([status], n)
        yield bookings
        created = GaugeMetricFamily(
            "hubro_bookings_created_last_hour", "Bookings made in the last hour"
        )
        created.add_metric(
            [], Booking.objects.filter(created_at__gte=now - dt.timedelta(hours=1)).count()
        )
        yield created
        queue = GaugeMetricFamily("hubro_task_queue_length", "Background tasks due and waiting")
        if "django_tasks_db" in settings.INSTALLED_APPS:
            from django_tasks_db.models import DBTaskResult

            queue.add_metric([], DBTaskResult.objects.ready().count())
        else:
            queue.add_metric([], 0)
        yield queue
        age = GaugeMetricFamily(
            "hubro_task_oldest_age_seconds", "How long the oldest due task has waited"
        )
        age.add_metric([], oldest_queued_task_age() or 0)
        yield age


def _allowed(request) -> bool:
    token = settings.HUBRO_METRICS_TOKEN
    given = request.headers.get("Authorization", "")
    if token and hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        return True
    return client_address(request) in settings.HUBRO_METRICS_ALLOW


@never_cache
def metrics(request):
    if not _allowed(request):
        return HttpResponseForbidden("metrics are not public\n", content_type="text/plain")
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = REGISTRY
    database = CollectorRegistry()
    database.register(DatabaseCollector())
    body = generate_latest(registry) + generate_latest(database)
    return HttpResponse(body, content_type=CONTENT_TYPE_LATEST)
