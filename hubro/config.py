"""Reading settings from the environment.

Every setting has a default that suits the embedded mode (SQLite under ``./var/``).
A bad value stops start-up with one line that names the variable, never a traceback:
``ConfigError`` is a ``SystemExit``, so whoever imports the settings (the ``hubro``
command, a WSGI server, pytest) stops with just that message.
"""

import os
import zoneinfo
from pathlib import Path

import dj_database_url

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


class ConfigError(SystemExit):
    """A setting from the environment has a value Hubro cannot use."""

    def __init__(self, name: str, problem: str):
        super().__init__(f"hubro: configuration error: {name}: {problem}")


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise ConfigError(name, f"expected true or false, got {raw!r}")


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(name, f"expected a whole number, got {raw!r}") from None
    if value < minimum:
        raise ConfigError(name, f"must be at least {minimum}, got {value}")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_timezone(name: str, default: str) -> str:
    value = os.environ.get(name, default)
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ConfigError(name, f"unknown time zone {value!r}") from None
    return value


def sqlite_database(path: Path, *, busy_timeout_s: int) -> dict:
    """SQLite tuned for a small hub's concurrent web use without losing a booking.

    WAL lets readers run while one writer writes; IMMEDIATE transactions take the write
    lock at BEGIN, so two bookings cannot both pass the overlap check; the busy timeout
    makes the second writer wait instead of failing; synchronous=FULL makes a commit
    durable across a power cut, not only across a crash of the process.
    """
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {
            "timeout": busy_timeout_s,
            "transaction_mode": "IMMEDIATE",
            "init_command": (
                "PRAGMA journal_mode=WAL;"
                "PRAGMA synchronous=FULL;"
                f"PRAGMA busy_timeout={busy_timeout_s * 1000};"
                "PRAGMA foreign_keys=ON"
            ),
        },
        # One test database per process, so that two test runs never share a file.
        "TEST": {"NAME": str(path.with_name(f"test_{os.getpid()}_{path.name}"))},
    }


def env_database(name: str, var_dir: Path, *, busy_timeout_s: int) -> dict:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return sqlite_database(var_dir / "hubro.sqlite3", busy_timeout_s=busy_timeout_s)
    scheme = raw.split(":", 1)[0].lower()
    if scheme == "sqlite":
        try:
            parsed = dj_database_url.parse(raw)
        except ValueError as exc:
            raise ConfigError(name, str(exc)) from None
        db_path = parsed.get("NAME") or ""
        if not db_path or db_path == ":memory:":
            raise ConfigError(name, "a SQLite URL needs a file path, e.g. sqlite:///var/hubro.db")
        return sqlite_database(Path(db_path), busy_timeout_s=busy_timeout_s)
    if scheme not in {"postgres", "postgresql", "pgsql"}:
        raise ConfigError(
            name, f"unsupported scheme {scheme!r}; use postgres://… or sqlite:///path"
        )
    try:
        parsed = dj_database_url.parse(raw, conn_max_age=60, conn_health_checks=True)
    except ValueError as exc:
        raise ConfigError(name, str(exc)) from None
    if not parsed.get("NAME"):
        raise ConfigError(name, "the URL names no database, e.g. postgres://user@host/hubro")
    return parsed
