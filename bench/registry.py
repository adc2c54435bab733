"""The register import on national-size files.

    python -m bench.registry sqlite|postgres

Uses the synthetic files of ``make bench-data`` (bench/data/registry/; made here first
when missing or of another BENCH_SCALE). Runs, each in its own process so that its peak
memory (ru_maxrss) is its own:
- a bare streaming parse of both files: gzip + ijson, every record built, nothing done;
- ``hubro registry import`` of the same files into a fresh database.
Prints wall time and peak memory of both, and the import's ratio to the bare parse
(targets: within 3x, under 500 MB)."""

import json
import os
import shutil
import subprocess
import sys
import time

from bench.common import (
    LABEL,
    NAME,
    PROJECT_DIR,
    VAR_ROOT,
    env_float,
    pg_url,
    recreate_pg_database,
    say,
)

DATA = VAR_ROOT / "registry"
FILES = ("enheter_alle.json.gz", "underenheter_alle.json.gz")


def ensure_data(factor: float) -> dict:
    meta_path = DATA / "meta.json"
    if meta_path.exists() and all((DATA / f).exists() for f in FILES):
        meta = json.loads(meta_path.read_text())
        if meta.get("scale") == factor:
            return meta
    say(f"registry bench: generating the synthetic files at scale {factor:g} ...")
    from bench.registry_data import generate

    return generate(factor, DATA)


def bare_parse(paths) -> int:
    """The baseline: decompress and parse every record, and do nothing with it."""
    import gzip

    import ijson

    count = 0
    for path in paths:
        with gzip.open(path, "rb") as handle:
            for _record in ijson.items(handle, "item", buf_size=256 * 1024):
                count += 1
    return count


def measured(args, env) -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MB, and output of one child process."""
    began = time.monotonic()
    process = subprocess.Popen(
        args, cwd=PROJECT_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    output = process.stdout.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - began
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        say(output)
        raise SystemExit(f"registry bench: {' '.join(args[:3])} failed ({process.returncode})")
    return wall, usage.ru_maxrss / 1024, output


def main(db: str):
    factor = env_float("BENCH_SCALE", 1.0)
    meta = ensure_data(factor)
    paths = [str(DATA / f) for f in FILES]
    env = dict(os.environ, HUBRO_LOG_LEVEL="WARNING", DJANGO_SETTINGS_MODULE="hubro.settings")
    var_dir = DATA / f"db-{db}"
    shutil.rmtree(var_dir, ignore_errors=True)
    var_dir.mkdir(parents=True)
    env["HUBRO_VAR_DIR"] = str(var_dir)
    env.pop("DATABASE_URL", None)
    if db == "postgres":
        database = f"{NAME}_registry"
        recreate_pg_database(database)
        env["DATABASE_URL"] = pg_url(database)
    hubro = str(PROJECT_DIR / ".venv" / "bin" / "hubro")
    if not os.path.exists(hubro):
        hubro = shutil.which("hubro") or hubro
    subprocess.run([hubro, "migrate", "-v0"], cwd=PROJECT_DIR, env=env, check=True)
    sizes = sum(os.path.getsize(p) for p in paths) / 1e6
    say(
        f"registry bench ({LABEL[db]}): {meta['entities']:,} main entities + {meta['units']:,}"
        f" units, {sizes:,.0f} MB compressed, scale {factor:g}"
    )
    parse_wall, parse_rss, parse_out = measured(
        [
            sys.executable,
            "-c",
            "import sys; from bench.registry import bare_parse; print(bare_parse(sys.argv[1:]))",
            *paths,
        ],
        env,
    )
    import_wall, import_rss, import_out = measured(
        [
            hubro,
            "registry",
            "import",
            "--units",
            paths[1],
            "--entities",
            paths[0],
            "--date",
            "2026-01-01",
            "--no-progress",
        ],
        env,
    )
    for line in import_out.strip().splitlines():
        say(f"  {line}")
    ratio = import_wall / parse_wall if parse_wall else float("nan")
    verdict = "OK" if ratio <= 3 and import_rss < 500 else "MISSED"
    say(
        f"registry parse ({LABEL[db]}): bare streaming parse {parse_wall:.1f} s,"
        f" peak {parse_rss:.0f} MB ({int(parse_out.split()[-1]):,} records)"
    )
    say(
        f"registry import ({LABEL[db]}): {import_wall:.1f} s wall, peak {import_rss:.0f} MB,"
        f" {ratio:.2f}x the bare parse (targets <= 3x, < 500 MB: {verdict})"
    )


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in LABEL:
        sys.exit("usage: python -m bench.registry sqlite|postgres")
    main(sys.argv[1])
