"""``hubro serve``: the production web server (gunicorn, hubro/ops/gunicorn.conf.py)."""

import os
import sys
from pathlib import Path

from django.core.management.base import BaseCommand

CONFIG = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"


class Command(BaseCommand):
    help = (
        "Serve Hubro with gunicorn (settings from HUBRO_BIND, HUBRO_WORKERS, HUBRO_THREADS,"
        " HUBRO_TIMEOUT; see docs/production.md). Extra arguments go to gunicorn."
    )

    def add_arguments(self, parser):
        parser.add_argument("--bind", help="address:port (default HUBRO_BIND or 127.0.0.1:8000)")
        parser.add_argument("--workers", type=int, help="worker processes")
        parser.add_argument("--check-config", action="store_true", help="check and exit")

    def handle(self, *args, bind=None, workers=None, check_config=False, **options):
        command = [sys.executable, "-m", "gunicorn", "--config", str(CONFIG)]
        if bind:
            command += ["--bind", bind]
        if workers:
            command += ["--workers", str(workers)]
        if check_config:
            command.append("--check-config")
        sys.stdout.flush()
        sys.stderr.flush()
        # gunicorn replaces this process: systemd's signals go straight to its master.
        os.execv(sys.executable, command)
