"""A running Hubro with the demo loaded, shared by the browser tests of one test session.

Building the demo takes about ten seconds, and a transactional ``live_server`` test
flushes the database after each test. Walk-throughs and crawls on the demo data share
one server instead: its own database (a SQLite file, or a fresh PostgreSQL database
next to the test database when ``DATABASE_URL`` points at PostgreSQL), migrated and
loaded once, served by ``hubro runserver`` in a child process.

The tests share its state, so each one works on its own things (its own space, date or
person) or only reads. Assert on what the pages and the API show; ``DemoServer.sql``
reads the database directly where a test must, and ``DemoServer.mail`` reads what the
server sent (the file e-mail backend)."""

import contextlib
import email
import email.policy
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HUBRO = Path(sys.executable).with_name("hubro")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class DemoServer:
    url: str
    env: dict
    database_url: str
    var_dir: Path
    process: subprocess.Popen | None = None
    _log: Path | None = field(default=None, repr=False)

    def manage(self, *args: str, input: str | None = None) -> str:
        """Run a management command against the demo database; return its output."""
        done = subprocess.run(
            [str(HUBRO), *args],
            env=self.env,
            cwd=ROOT,
            input=input,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if done.returncode != 0:
            raise RuntimeError(f"hubro {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout

    def sql(self, query: str, params: tuple = ()) -> list[tuple]:
        """Rows of a read query on the demo database. Use %s placeholders."""
        if self.database_url.startswith("sqlite"):
            path = self.database_url.removeprefix("sqlite:///")
            with contextlib.closing(sqlite3.connect(path, timeout=20)) as conn:
                return conn.execute(query.replace("%s", "?"), params).fetchall()
        import psycopg

        with psycopg.connect(self.database_url) as conn:
            return conn.execute(query, params).fetchall()

    def mail(self) -> list[email.message.EmailMessage]:
        """Every message the server has sent so far, oldest first."""
        folder = self.var_dir / "mail"
        if not folder.exists():
            return []
        messages = []
        for path in sorted(folder.iterdir(), key=lambda p: p.stat().st_mtime):
            # The file backend writes several messages into one file, each followed by a
            # line of 79 dashes.
            for chunk in re.split(rb"\n?-{79}\n", path.read_bytes()):
                if chunk.strip():
                    messages.append(
                        email.message_from_bytes(chunk.lstrip(), policy=email.policy.default)
                    )
        return messages

    def log(self) -> str:
        return self._log.read_text(errors="replace") if self._log else ""


def _postgres_database(test_url: str) -> str:
    """A fresh database beside the test database, for the demo server."""
    import psycopg

    base, _, name = test_url.rpartition("/")
    demo_name = f"{name}_demo_{os.getpid()}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{demo_name}"')
        conn.execute(f'CREATE DATABASE "{demo_name}"')
    return f"{base}/{demo_name}"


def _drop_postgres_database(url: str) -> None:
    import psycopg

    base, _, name = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def start(var_dir: Path, *, extra_env: dict | None = None) -> DemoServer:
    """Migrate, load the demo and serve it; wait until it answers."""
    test_url = os.environ.get("DATABASE_URL", "")
    if test_url.startswith("postgres"):
        database_url = _postgres_database(test_url)
    else:
        database_url = f"sqlite:///{var_dir / 'demo.sqlite3'}"
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "HUBRO_VAR_DIR": str(var_dir),
        "HUBRO_DEBUG": "false",
        "HUBRO_SECRET_KEY": "demo-server-for-the-browser-tests-only-0123456789",
        "HUBRO_BASE_URL": f"http://127.0.0.1:{port}",
        "HUBRO_EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "HUBRO_EMAIL_FILE_PATH": str(var_dir / "mail"),
        "HUBRO_TASKS": "immediate",
        # Like the demo: hosts and administrators sign in without a second factor.
        "HUBRO_MFA_REQUIRED": "none",
        **(extra_env or {}),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    server = DemoServer(
        url=f"http://127.0.0.1:{port}", env=env, database_url=database_url, var_dir=var_dir
    )
    server.manage("migrate", "--no-input", "-v0")
    server.manage("collectstatic", "--no-input", "-v0")
    server.manage("loaddemo")
    server._log = var_dir / "server.log"
    log = server._log.open("w")
    server.process = subprocess.Popen(
        [str(HUBRO), "runserver", "--noreload", f"127.0.0.1:{port}"],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{server.url}/logg-inn/", timeout=5):
                break
        except OSError:
            if server.process.poll() is not None or time.monotonic() > deadline:
                stop(server)
                raise RuntimeError(f"the demo server did not start:\n{server.log()}") from None
            time.sleep(0.2)
    return server


def stop(server: DemoServer) -> None:
    if server.process and server.process.poll() is None:
        server.process.terminate()
        try:
            server.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.process.kill()
    if server.database_url.startswith("postgres"):
        _drop_postgres_database(server.database_url)
