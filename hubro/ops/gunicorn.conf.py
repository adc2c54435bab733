"""gunicorn's configuration for ``hubro serve`` (docs/production.md#serving).

Each value comes from the environment with a default that suits a small server:

- ``HUBRO_BIND`` (127.0.0.1:8000): where to listen; a proxy (nginx, Caddy) in front
  terminates TLS.
- ``HUBRO_WORKERS`` (2 × cores + 1) worker processes, each with ``HUBRO_THREADS``
  (1: sync workers) threads. Each process holds at most ``HUBRO_DB_POOL_SIZE``
  PostgreSQL connections, so the server holds at most workers × pool size.
- ``HUBRO_TIMEOUT`` (60 s): a request that takes longer is killed and logged.
- Workers restart after about 2,000 requests, which bounds any slow memory growth.

The application is loaded once in the master (``preload_app``) and shared by the
workers through copy-on-write. ``gc.freeze()`` after each fork moves everything the
worker inherited into the garbage collector's permanent generation: collections in the
worker no longer write to those objects, so their memory pages stay shared.

Prometheus metrics of all workers are summed through prometheus_client's multiprocess
mode, in ``PROMETHEUS_MULTIPROC_DIR`` (a fresh folder under ``HUBRO_VAR_DIR``)."""

import gc
import os
import shutil
from pathlib import Path

_var = Path(os.environ.get("HUBRO_VAR_DIR", "var")).resolve()
_metrics = Path(
    os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", str(_var / "prometheus" / str(os.getpid())))
)

bind = os.environ.get("HUBRO_BIND", "127.0.0.1:8000").split(",")
workers = int(os.environ.get("HUBRO_WORKERS") or (2 * (os.cpu_count() or 1) + 1))
threads = int(os.environ.get("HUBRO_THREADS") or 1)
worker_class = "gthread" if threads > 1 else "sync"
timeout = int(os.environ.get("HUBRO_TIMEOUT") or 60)
graceful_timeout = 30
keepalive = 5
max_requests = 2000
max_requests_jitter = 200
preload_app = True
# Hubro writes one structured line per request itself (with the request id).
accesslog = None
errorlog = "-"
loglevel = os.environ.get("HUBRO_LOG_LEVEL", "info").lower()
# The proxy's address, whose X-Forwarded-* headers gunicorn may believe.
forwarded_allow_ips = os.environ.get("HUBRO_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
proc_name = "hubro"
wsgi_app = "hubro.wsgi:application"


def on_starting(server):
    shutil.rmtree(_metrics, ignore_errors=True)
    _metrics.mkdir(parents=True, exist_ok=True)


def pre_fork(server, worker):
    # Collect now, so that the workers inherit no garbage to collect (and copy).
    gc.collect()


def post_fork(server, worker):
    gc.freeze()


def child_exit(server, worker):
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def on_exit(server):
    shutil.rmtree(_metrics, ignore_errors=True)
