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
        parsed = dj_database_url.parse(raw, conn_health_checks=True)
    except ValueError as exc:
        raise ConfigError(name, str(exc)) from None
    if not parsed.get("NAME"):
        raise ConfigError(name, "the URL names no database, e.g. postgres://user@host/hubro")
    return postgres_connections(parsed)


def postgres_connections(parsed: dict) -> dict:
    """Bounded use of PostgreSQL connections (docs/production.md#connections).

    By default each process keeps a psycopg pool of at most ``HUBRO_DB_POOL_SIZE``
    connections, whatever its threads do: a threaded server cannot open one connection
    per thread and exhaust ``max_connections``. ``HUBRO_DB_POOL_SIZE=0`` turns the pool
    off, for persistent connections (``HUBRO_DB_CONN_MAX_AGE`` seconds) with one
    connection per worker. ``HUBRO_DB_PGBOUNCER=true`` makes the connections safe for
    PgBouncer's transaction mode: no server-side prepared statements or cursors."""
    pool_size = env_int("HUBRO_DB_POOL_SIZE", 4)
    max_age = env_int("HUBRO_DB_CONN_MAX_AGE", 0)
    if pool_size and max_age:
        raise ConfigError(
            "HUBRO_DB_CONN_MAX_AGE",
            "use either the pool (HUBRO_DB_POOL_SIZE) or persistent"
            " connections (HUBRO_DB_POOL_SIZE=0), not both",
        )
    options = parsed.setdefault("OPTIONS", {})
    parsed["CONN_MAX_AGE"] = max_age
    if pool_size:
        options["pool"] = {
            "min_size": 0,
            "max_size": pool_size,
            # A request that cannot get a connection within this many seconds fails
            # (503 under /api/) instead of queueing without end.
            "timeout": env_int("HUBRO_DB_POOL_TIMEOUT", 10, minimum=1),
        }
    if env_bool("HUBRO_DB_PGBOUNCER", False):
        options["prepare_threshold"] = None
        parsed["DISABLE_SERVER_SIDE_CURSORS"] = True
    return parsed


def env_secret_key(*, debug: bool, development_key: str) -> str:
    """The secret key from ``HUBRO_SECRET_KEY`` or the file ``HUBRO_SECRET_KEY_FILE``
    (systemd credentials, a secrets mount). Without one, only a debug run may start: a
    production server would sign sessions with the key published in the source."""
    raw = os.environ.get("HUBRO_SECRET_KEY", "")
    name = "HUBRO_SECRET_KEY"
    key_file = os.environ.get("HUBRO_SECRET_KEY_FILE", "").strip()
    if not raw and key_file:
        name = "HUBRO_SECRET_KEY_FILE"
        try:
            raw = Path(key_file).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ConfigError(name, f"cannot read {key_file}: {exc.strerror}") from None
    if not raw:
        if debug:
            return development_key
        raise ConfigError(
            "HUBRO_SECRET_KEY",
            "not set, and HUBRO_DEBUG is off. Set a random key of at least 32 characters"
            " (python3 -c 'import secrets; print(secrets.token_urlsafe(50))'), or"
            " HUBRO_DEBUG=true on a development machine",
        )
    if len(raw) < 32:
        raise ConfigError(name, "must be at least 32 characters long")
    if raw == development_key:
        raise ConfigError(name, "is the development key published in Hubro's source")
    return raw


CACHE_BACKENDS = {
    "redis": "django.core.cache.backends.redis.RedisCache",
    "rediss": "django.core.cache.backends.redis.RedisCache",
    "locmem": "django.core.cache.backends.locmem.LocMemCache",
}


def env_cache(*, prefix: str) -> dict:
    """The default cache: Redis when ``HUBRO_CACHE_URL`` (or ``HUBRO_REDIS_URL``) names
    one, shared by every app server (rate limits, sessions if so configured); otherwise
    memory local to each process, enough for one server process."""
    name = "HUBRO_CACHE_URL"
    raw = os.environ.get(name, "").strip()
    if not raw:
        name = "HUBRO_REDIS_URL"
        raw = os.environ.get(name, "").strip()
    if not raw:
        raw = "locmem://"
    scheme = raw.split(":", 1)[0].lower()
    if scheme not in CACHE_BACKENDS:
        raise ConfigError(name, f"unsupported scheme {scheme!r}; use redis://host:6379/0")
    cache = {"BACKEND": CACHE_BACKENDS[scheme], "KEY_PREFIX": prefix}
    if scheme == "locmem":
        cache["LOCATION"] = "hubro"
    else:
        cache["LOCATION"] = raw
    return cache
