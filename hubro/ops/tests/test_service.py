"""Finding 9 and "run it like a service": `hubro serve` (gunicorn), /healthz and
/readyz, Prometheus metrics, structured JSON logs with a request id, and systemd units
that `systemd-analyze verify` accepts."""

import json
import os
import subprocess

import pytest
from django.test import Client
from django.utils import timezone

from .conftest import get, hubro_env, run

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_the_database_and_readyz_checks_everything(client):
    live = client.get("/healthz")
    assert (live.status_code, live.json()) == (200, {"status": "ok"})
    ready = client.get("/readyz")
    assert ready.status_code == 200
    checks = ready.json()["checks"]
    assert set(checks) == {"database", "migrations", "tasks", "disk"}
    assert all(check["ok"] for check in checks.values())


def test_readyz_fails_when_the_oldest_queued_task_waited_too_long(client, settings):
    from django_tasks_db.models import DBTaskResult

    from hubro.events.tasks import send_guest_link

    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    send_guest_link.using(backend="default").enqueue(1, "x", "x@example.org", "t", "nb")
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timezone.timedelta(hours=2))
    ready = client.get("/readyz")
    assert ready.status_code == 503
    assert ready.json()["checks"]["tasks"]["ok"] is False


def test_readyz_fails_when_the_disk_is_nearly_full(client, settings):
    settings.HUBRO_READY_MIN_FREE_MB = 10**9
    ready = client.get("/readyz")
    assert ready.status_code == 503
    assert ready.json()["checks"]["disk"]["ok"] is False


def test_metrics_count_requests_bookings_and_the_queue_for_allowed_readers_only(
    client, settings, desk
):
    client.get("/healthz")
    body = client.get("/metrics").content.decode()
    for name in (
        "hubro_http_requests_total",
        "hubro_http_request_duration_seconds_bucket",
        "hubro_bookings_created_last_hour",
        "hubro_task_queue_length",
        "hubro_task_oldest_age_seconds",
    ):
        assert name in body
    outsider = Client(REMOTE_ADDR="203.0.113.9")
    assert outsider.get("/metrics").status_code == 403
    settings.HUBRO_METRICS_TOKEN = "scrape-token"
    scraper = Client(REMOTE_ADDR="203.0.113.9", headers={"Authorization": "Bearer scrape-token"})
    assert scraper.get("/metrics").status_code == 200


def test_every_response_carries_a_request_id(client):
    given = client.get("/healthz", headers={"X-Request-ID": "proxy-1234-abcd"})
    assert given["X-Request-ID"] == "proxy-1234-abcd"
    made = client.get("/healthz", headers={"X-Request-ID": "bad id\n"})
    assert len(made["X-Request-ID"]) == 32


@pytest.mark.slow
@pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="the server itself does not depend on the database; runs in the SQLite run",
)
def test_hubro_serve_runs_gunicorn_with_json_logs_and_summed_metrics(
    sqlite_copy, tmp_path, servers
):
    log = tmp_path / "server.log"
    server = servers(
        hubro_env(DATABASE_URL=f"sqlite:///{sqlite_copy}", HUBRO_VAR_DIR=str(tmp_path)),
        workers=2,
        log=log,
    )
    status, headers, body = get(server.url + "/readyz", {"X-Request-ID": "trace-0001-serve"})
    assert status == 200, body
    assert headers["X-Request-ID"] == "trace-0001-serve"
    for _ in range(6):
        get(server.url + "/healthz")
    status, _, metrics = get(server.url + "/metrics")
    assert status == 200
    # Requests answered by both workers are summed (prometheus multiprocess mode).
    counted = sum(
        float(line.rsplit(" ", 1)[1])
        for line in metrics.decode().splitlines()
        if line.startswith("hubro_http_requests_total{") and 'area="ops"' in line
    )
    assert counted >= 7
    server.stop()
    lines = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    traced = [line for line in lines if line.get("request_id") == "trace-0001-serve"]
    assert traced and traced[0]["logger"] == "hubro.request"
    assert {"time", "level", "message"} <= set(traced[0])


def test_the_systemd_units_verify(tmp_path):
    run("deployfiles", str(tmp_path), env=hubro_env(HUBRO_VAR_DIR=str(tmp_path)))
    units = sorted(str(p) for p in tmp_path.iterdir() if p.suffix in {".service", ".timer"})
    assert len(units) == 8
    result = subprocess.run(
        ["systemd-analyze", "verify", *units], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    web = (tmp_path / "hubro-web.service").read_text()
    assert "serve" in web and "EnvironmentFile=/etc/hubro/hubro.env" in web


def test_health_checks_answer_a_load_balancer_calling_by_address(settings):
    settings.ALLOWED_HOSTS = ["hubro.example.no"]
    settings.SECURE_SSL_REDIRECT = True
    by_address = Client(HTTP_HOST="10.1.2.3:8000", REMOTE_ADDR="127.0.0.1")
    assert by_address.get("/healthz").status_code == 200
    assert by_address.get("/readyz").status_code == 200
    assert by_address.get("/metrics").status_code == 200
    assert by_address.get("/logg-inn/").status_code == 400  # the site itself: host checked
