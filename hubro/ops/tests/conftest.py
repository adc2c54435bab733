"""Helpers for tests that run Hubro as a real service: migrated databases made once
per session and copied, free ports, and servers that are started and stopped."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

KEY = "ops-test-" + "k" * 50


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def hubro_env(**extra) -> dict:
    base = {
        k: v for k, v in os.environ.items() if not k.startswith(("HUBRO_", "DATABASE_", "DJANGO_"))
    }
    return {**base, "HUBRO_SECRET_KEY": KEY, "HUBRO_LOG_LEVEL": "INFO", **extra}


def run(*args, env, timeout=600, python=sys.executable, check=True):
    result = subprocess.run(
        [python, "-m", "hubro.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if check:
        assert result.returncode == 0, f"hubro {' '.join(args)}: {result.stderr[-3000:]}"
    return result


def get(url, headers=None, timeout=10):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def wait_for(url, process, deadline_s=120):
    """Until the server answers (or has died, or the deadline passes)."""
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            said = process.stderr.read()[-3000:] if process.stderr else "(see its log)"
            raise AssertionError(f"the server exited: {said}")
        try:
            return get(url, timeout=2)
        except OSError:
            time.sleep(0.2)  # polling a port: there is no event to await
    raise AssertionError(f"no answer from {url}")


class Server:
    """``hubro serve`` (gunicorn) in the background; its stderr collected in a file."""

    def __init__(self, env, *, workers=2, python=sys.executable, log=None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        # The server writes its log to a file until it is stopped (closed by stop()):
        # never to a pipe that nobody reads, which would stop it once full.
        self._log_file = open(log, "w") if log else tempfile.TemporaryFile("w+")  # noqa: SIM115
        self.process = subprocess.Popen(
            [
                python,
                "-m",
                "hubro.cli",
                "serve",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=self._log_file,
            text=True,
            start_new_session=True,
        )

    def wait(self):
        wait_for(self.url + "/healthz", self.process)
        return self

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        if self._log_file:
            self._log_file.close()


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory):
    """A SQLite database with every migration applied, made once per session."""
    folder = tmp_path_factory.mktemp("migrated")
    path = folder / "hubro.sqlite3"
    run(
        "migrate",
        "--no-input",
        "-v",
        "0",
        env=hubro_env(DATABASE_URL=f"sqlite:///{path}", HUBRO_VAR_DIR=str(folder)),
    )
    return path


@pytest.fixture
def sqlite_copy(migrated_sqlite, tmp_path):
    path = tmp_path / "hubro.sqlite3"
    shutil.copy(migrated_sqlite, path)
    return path


@pytest.fixture
def servers():
    started = []

    def start(env, **kwargs):
        server = Server(env, **kwargs)
        started.append(server)
        return server.wait()

    yield start
    for server in started:
        server.stop()


@contextmanager
def scratch_database(tmp_path, suffix: str):
    """The URL of a new, empty database of the test database's engine, dropped after."""
    from django.db import connection

    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path}/{suffix}.sqlite3"
        return
    import psycopg

    db = connection.settings_dict
    name = f"{db['NAME']}_{suffix}"
    admin = psycopg.connect(
        host=db["HOST"],
        port=db["PORT"] or 5432,
        user=db["USER"],
        dbname="postgres",
        autocommit=True,
    )
    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{name}"
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


__all__ = ["Path"]
