"""``/healthz`` and ``/readyz`` for load balancers, systemd and monitoring.

``/healthz`` says the process answers (liveness: restart it when this fails).
``/readyz`` says it can serve (readiness: send it traffic only when this passes): the
database answers, no migration is pending, the oldest queued task has not waited too
long (a stopped worker), and the disk under ``HUBRO_VAR_DIR`` has room. Both answer
JSON, 200 or 503, and neither needs a session or shows personal data."""

import shutil
import time

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Min
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
def healthz(request):
    return JsonResponse({"status": "ok"})


def check_database() -> tuple[bool, str]:
    started = time.perf_counter()
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return True, f"{(time.perf_counter() - started) * 1000:.1f} ms"


def check_migrations() -> tuple[bool, str]:
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if pending:
        return False, f"{len(pending)} pending"
    return True, "none pending"


def oldest_queued_task_age() -> float | None:
    """Seconds the oldest task that is due has waited for a worker, or None."""
    if "django_tasks_db" not in settings.INSTALLED_APPS:
        return None
    from django_tasks_db.models import DBTaskResult, get_date_max

    ready = DBTaskResult.objects.ready()
    waiting_since = [
        ready.filter(run_after=get_date_max()).aggregate(at=Min("enqueued_at"))["at"],
        ready.exclude(run_after=get_date_max()).aggregate(at=Min("run_after"))["at"],
    ]
    known = [at for at in waiting_since if at is not None]
    if not known:
        return None
    return max(0.0, (timezone.now() - min(known)).total_seconds())


def check_tasks() -> tuple[bool, str]:
    age = oldest_queued_task_age()
    if age is None:
        return True, "queue empty"
    limit = settings.HUBRO_READY_MAX_TASK_AGE
    return age <= limit, f"oldest queued task waited {age:.0f} s (limit {limit} s)"


def check_disk() -> tuple[bool, str]:
    free_mb = shutil.disk_usage(settings.VAR_DIR).free // (1024 * 1024)
    limit = settings.HUBRO_READY_MIN_FREE_MB
    return free_mb >= limit, f"{free_mb} MB free (needs {limit} MB)"


CHECKS = {
    "database": check_database,
    "migrations": check_migrations,
    "tasks": check_tasks,
    "disk": check_disk,
}


@never_cache
@require_GET
def readyz(request):
    results = {}
    for name, check in CHECKS.items():
        try:
            ok, detail = check()
        except Exception as exc:  # a failing check is the answer, never a 500
            ok, detail = False, f"{type(exc).__name__}: {exc}"[:300]
        results[name] = {"ok": ok, "detail": detail}
        if name == "database" and not ok:
            break  # the rest need the database
    ready = all(result["ok"] for result in results.values()) and len(results) == len(CHECKS)
    return JsonResponse(
        {"status": "ready" if ready else "not_ready", "checks": results},
        status=200 if ready else 503,
    )
