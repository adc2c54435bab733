"""Run every benchmark and print the figures: ``make bench`` (python -m bench.run).

Each benchmark runs in its own process, because Hubro reads its database settings from
the environment at start. Environment variables (all optional):

BENCH_SCALE        scales the data (hubs, so bookings) and the request budget; 0.1: a quick run
BENCH_DBS          sqlite,postgres (default both; PostgreSQL is skipped when not reachable)
BENCH_ONLY         throughput, availability, insights or registry, to run one kind
BENCH_TENFOLD      0 skips the ten-times-the-bookings availability run (the slow part)
BENCH_CLIENTS      concurrent API clients (32)
BENCH_REQUESTS     requests per throughput run (3000 x BENCH_SCALE)
BENCH_SECONDS      time limit per throughput run (30 x BENCH_SCALE, at least 5)
BENCH_WORKERS      gunicorn workers (4); BENCH_THREADS threads per worker (8)
BENCH_ITERATIONS   timed one-hub availability calls (300; all hubs: a third of it)
BENCH_KEEP         1 keeps the scratch databases afterwards
BENCH_VAR_DIR      where the scratch SQLite files go (bench/data/)
PG_BENCH_URL       the PostgreSQL server (postgres://postgres@127.0.0.1:5432)
"""

import contextlib
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import time

from bench.common import (
    LABEL,
    NAME,
    PROJECT_DIR,
    VAR_ROOT,
    drop_pg_database,
    env_flag,
    env_float,
    pg_url,
    postgres_reachable,
    say,
)

# Lines that start with one of these are figures and go into the summary.
FIGURES = ("booking throughput", "availability", "  overlapping", "indicators", "registry")


def machine() -> list[str]:
    def first(path, prefix):
        with contextlib.suppress(OSError), open(path) as f:
            for line in f:
                if line.startswith(prefix):
                    return line.split(":", 1)[1].strip()
        return "?"  # unreadable, or no such line

    memory = subprocess.run(["free", "-h"], capture_output=True, text=True).stdout.split("\n")
    total = memory[1].split()[1] if len(memory) > 1 and len(memory[1].split()) > 1 else "?"
    pg = "not reachable"
    if postgres_reachable():
        import psycopg

        with psycopg.connect(pg_url("postgres")) as conn:
            pg = conn.execute("SHOW server_version").fetchone()[0]
    return [
        f"date: {time.strftime('%Y-%m-%d %H:%M %Z')}",
        f"CPU: {first('/proc/cpuinfo', 'model name')}, {os.cpu_count()} cores (nproc)",
        f"memory: {total} (free -h)",
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, PostgreSQL {pg}",
        "load average before: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()),
    ]


def run(args: list[str], env: dict) -> list[str]:
    """Run one benchmark process, echo its output, return its figure lines."""
    say(f"--- {' '.join(args)}")
    process = subprocess.Popen(
        [sys.executable, "-m", *args],
        cwd=PROJECT_DIR,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    figures = []
    for line in process.stdout:
        print(line, end="", flush=True)
        if line.startswith(FIGURES):
            figures.append(line.rstrip())
    if process.wait() != 0:
        figures.append(f"{' '.join(args)}: FAILED (exit {process.returncode})")
    return figures


def main():
    began = time.monotonic()
    scale = env_float("BENCH_SCALE", 1.0)
    dbs = [d.strip() for d in os.environ.get("BENCH_DBS", "sqlite,postgres").split(",")]
    dbs = [d for d in dbs if d in LABEL]
    if "postgres" in dbs and not postgres_reachable():
        say(f"PostgreSQL is not reachable at {pg_url('')}: benchmarking SQLite only")
        dbs.remove("postgres")
    only = os.environ.get("BENCH_ONLY", "")
    env = dict(os.environ)
    env.setdefault("BENCH_REQUESTS", str(max(100, round(3000 * scale))))
    env.setdefault("BENCH_SECONDS", str(max(5, round(30 * scale))))
    say("Hubro benchmarks")
    for line in machine():
        say(f"  {line}")
    say(f"  scale {scale:g}, databases: {', '.join(LABEL[d] for d in dbs)}")
    figures = []
    if only in ("", "throughput"):
        for db in dbs:
            for mode in ("one", "many"):
                figures += run(["bench.throughput", db, mode], env)
    if only in ("", "availability"):
        for db in dbs:
            figures += run(["bench.availability", db], env)
    if only in ("", "insights"):
        for db in dbs:
            figures += run(["bench.insights", db], env)
    if only in ("", "registry"):
        for db in dbs:
            figures += run(["bench.registry", db], env)
    if not env_flag("BENCH_KEEP", False):
        # Scratch directory and PostgreSQL database name of each benchmark. The generated
        # register files in registry/ are input, kept between runs (make bench-data
        # writes them); only the import's scratch databases go.
        scratch = {
            "throughput_one": "throughput_one",
            "throughput_many": "throughput_many",
            "availability": "availability",
            "availability_10x": "availability_10x",
            "insights": "insights",
            "registry/db-sqlite": None,
            "registry/db-postgres": "registry",
        }
        for directory, database in scratch.items():
            shutil.rmtree(VAR_ROOT / directory, ignore_errors=True)
            if database and "postgres" in dbs:
                drop_pg_database(f"{NAME}_{database}")
    say()
    say(f"=== Summary ({(time.monotonic() - began) / 60:.1f} min) ===")
    for line in figures:
        say(line)
    say("load average after: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
