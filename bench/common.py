"""What the benchmarks share: choosing the scratch database, settings from the
environment, and percentiles.

A benchmark process serves one database: Hubro's settings are read from the environment
when Django starts, so ``use_database`` must run before ``django.setup()``."""

import os
import shutil
import statistics
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
PG_SERVER = os.environ.get("PG_BENCH_URL", "postgres://postgres@127.0.0.1:5432").rstrip("/")
# Every scratch database and directory carries this name, so that nothing else is touched.
NAME = "hubro_bench"
VAR_ROOT = Path(os.environ.get("BENCH_VAR_DIR", str(PROJECT_DIR / "bench" / "data")))
LABEL = {"sqlite": "SQLite", "postgres": "PostgreSQL"}


def env_float(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        sys.exit(f"bench: {name} must be a number, got {raw!r}")
    if value <= 0:
        sys.exit(f"bench: {name} must be above 0, got {raw!r}")
    return value


def env_int(name: str, default: int) -> int:
    return max(1, round(env_float(name, default)))


def env_flag(name: str, default: bool) -> bool:
    raw = os.environ.get(name, "").strip().lower()
    if not raw:
        return default
    return raw in {"1", "true", "yes", "on"}


def pg_url(database: str) -> str:
    return f"{PG_SERVER}/{database}"


def postgres_reachable() -> bool:
    try:
        import psycopg

        psycopg.connect(pg_url("postgres"), connect_timeout=3).close()
    except Exception:  # any failure means "not here"
        return False
    return True


def recreate_pg_database(database: str) -> None:
    """Drop and create a scratch PostgreSQL database (its name starts with NAME)."""
    import psycopg
    from psycopg import sql

    assert database.startswith(NAME), database
    with psycopg.connect(pg_url("postgres"), autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database))
        )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))


def drop_pg_database(database: str) -> None:
    import psycopg
    from psycopg import sql

    assert database.startswith(NAME), database
    with psycopg.connect(pg_url("postgres"), autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database))
        )


def scratch_dir(name: str) -> Path:
    """A fresh directory under BENCH_VAR_DIR for one benchmark's SQLite file."""
    path = VAR_ROOT / name
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def use_database(db: str, name: str) -> dict:
    """Point Hubro's settings at a fresh scratch database; returns the environment
    a server subprocess needs to use the same one."""
    env = {"HUBRO_LOG_LEVEL": "WARNING", "DJANGO_SETTINGS_MODULE": "hubro.settings"}
    var_dir = scratch_dir(name)
    env["HUBRO_VAR_DIR"] = str(var_dir)
    if db == "postgres":
        database = f"{NAME}_{name}" if name else NAME
        recreate_pg_database(database)
        env["DATABASE_URL"] = pg_url(database)
    else:
        os.environ.pop("DATABASE_URL", None)
    os.environ.update(env)
    return env


def setup_django():
    import django

    sys.path.insert(0, str(PROJECT_DIR))
    django.setup()


def migrate():
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def percentile(values, pct: float) -> float:
    """The pct-th percentile (0-100), interpolated between the closest ranks."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    if len(ordered) == 1:
        return ordered[0]
    return statistics.quantiles(ordered, n=100, method="inclusive")[round(pct) - 1]


def fmt_count(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f}M"
    if n >= 1_000:
        return f"{n / 1_000:.0f}k"
    return str(n)


def say(line: str = "") -> None:
    print(line, flush=True)
