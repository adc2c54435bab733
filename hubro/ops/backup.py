"""Backups of one Hubro: the database and the uploaded files (MEDIA_ROOT) in one
``.tar`` archive, and their restore into an empty database (docs/production.md#backups).

- SQLite: SQLite's online backup API copies a consistent picture of the database while
  the server goes on writing (WAL mode), page by page.
- PostgreSQL: ``pg_dump --format=custom`` (a consistent snapshot; its major version
  must be at least the server's) and ``pg_restore``.

The archive holds ``manifest.json`` (what, when, from which engine and schema),
``database.sqlite3`` or ``database.pgdump``, and ``media/``. It is written to a
temporary name and renamed when complete, so a crash never leaves a half archive that
looks whole."""

import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = 1


class BackupError(Exception):
    """The backup or restore cannot go on; the message says why and what to do."""


def _pg_env(db: dict) -> tuple[list[str], dict]:
    args = ["--host", db.get("HOST") or "127.0.0.1", "--port", str(db.get("PORT") or 5432)]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return args, env


def _pg_tool(name: str, db: dict) -> str:
    """The path of pg_dump/pg_restore, refusing one older than the server."""
    tool = shutil.which(name)
    if tool is None:
        raise BackupError(f"{name} was not found; install PostgreSQL's client tools")
    output = subprocess.run([tool, "--version"], capture_output=True, text=True).stdout
    tool_major = int(output.split()[-1].split(".")[0]) if output else 0
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        server_major = int(cursor.fetchone()[0]) // 10000
    if tool_major < server_major:
        raise BackupError(
            f"{name} {tool_major} is older than the PostgreSQL server ({server_major});"
            f" install the client tools of version {server_major} or newer"
        )
    return tool


def _manifest(engine: str) -> dict:
    connection = connections[DEFAULT_DB_ALIAS]
    applied = MigrationRecorder(connection).applied_migrations()
    return {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "engine": engine,
        "migrations": sorted(f"{app}.{name}" for app, name in applied),
    }


def make_backup(directory: Path, *, log=print) -> Path:
    """Write one archive into ``directory``; returns its path."""
    directory.mkdir(parents=True, exist_ok=True)
    db = connections[DEFAULT_DB_ALIAS].settings_dict
    vendor = connections[DEFAULT_DB_ALIAS].vendor
    stamp = timezone.localtime().strftime("%Y%m%dT%H%M%S")
    final = directory / f"hubro-{stamp}.tar"
    with tempfile.TemporaryDirectory(dir=directory, prefix=".backup-") as work:
        work_dir = Path(work)
        if vendor == "sqlite":
            target = work_dir / "database.sqlite3"
            log(f"copying the SQLite database {db['NAME']} (online backup)")
            source = sqlite3.connect(db["NAME"], timeout=60)
            copy = sqlite3.connect(target)
            try:
                # A few thousand pages at a time, so that writers are not held up.
                source.backup(copy, pages=4096)
            finally:
                copy.close()
                source.close()
            manifest = _manifest("sqlite")
        elif vendor == "postgresql":
            target = work_dir / "database.pgdump"
            args, env = _pg_env(db)
            log(f"dumping the PostgreSQL database {db['NAME']} (pg_dump)")
            result = subprocess.run(
                [
                    _pg_tool("pg_dump", db),
                    *args,
                    "--format=custom",
                    "--no-owner",
                    "--file",
                    str(target),
                    db["NAME"],
                ],
                env=env,
                capture_output=True,
                text=True,
            )
            if result.returncode:
                raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
            manifest = _manifest("postgresql")
        else:
            raise BackupError(f"backups of {vendor} are not supported")
        media = Path(settings.MEDIA_ROOT)
        files = [p for p in media.rglob("*") if p.is_file()] if media.exists() else []
        manifest["media_files"] = len(files)
        (work_dir / "manifest.json").write_text(json.dumps(manifest, indent=2))
        partial = directory / f".{final.name}.part"
        with tarfile.open(partial, "w") as archive:
            archive.add(work_dir / "manifest.json", "manifest.json")
            archive.add(target, target.name)
            for path in files:
                archive.add(path, f"media/{path.relative_to(media)}")
        log(f"{len(files)} uploaded files")
        os.replace(partial, final)
    log(f"backup written: {final}")
    return final


def prune(directory: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` archives."""
    archives = sorted(directory.glob("hubro-*.tar"))
    gone = archives[:-keep] if keep else []
    for path in gone:
        path.unlink()
    return gone


def _is_empty() -> bool:
    connection = connections[DEFAULT_DB_ALIAS]
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
    return not tables


def _safe_members(archive: tarfile.TarFile):
    for member in archive.getmembers():
        if member.name.startswith("/") or ".." in Path(member.name).parts:
            raise BackupError(f"the archive holds an unsafe path: {member.name}")
    return archive.getmembers()


def restore_backup(path: Path, *, log=print) -> dict:
    """Restore ``path`` into the configured database, which must be empty, and its
    files into MEDIA_ROOT. Returns the manifest."""
    if not path.is_file():
        raise BackupError(f"no such backup: {path}")
    connection = connections[DEFAULT_DB_ALIAS]
    with tempfile.TemporaryDirectory() as work, tarfile.open(path) as archive:
        work_dir = Path(work)
        archive.extractall(work_dir, members=_safe_members(archive), filter="data")
        manifest = json.loads((work_dir / "manifest.json").read_text())
        if manifest.get("engine") != connection.vendor:
            raise BackupError(
                f"the backup is of {manifest.get('engine')}, the configured database is"
                f" {connection.vendor}"
            )
        if not _is_empty():
            raise BackupError(
                "the configured database is not empty: restore into a new, empty database"
            )
        db = connection.settings_dict
        if connection.vendor == "sqlite":
            connection.close()
            log(f"restoring the SQLite database into {db['NAME']}")
            source = sqlite3.connect(work_dir / "database.sqlite3")
            target = sqlite3.connect(db["NAME"])
            try:
                source.backup(target)
            finally:
                target.close()
                source.close()
        else:
            args, env = _pg_env(db)
            tool = _pg_tool("pg_restore", db)
            dump_file = work_dir / "database.pgdump"
            # An extension's comment belongs to whoever created the extension (a
            # superuser, docs/production.md): Hubro's own role cannot set it again.
            listing = subprocess.run(
                [tool, "--list", str(dump_file)], capture_output=True, text=True, check=True
            ).stdout
            wanted = work_dir / "restore.list"
            wanted.write_text(
                "\n".join(
                    line for line in listing.splitlines() if " COMMENT - EXTENSION " not in line
                )
            )
            log(f"restoring the PostgreSQL database {db['NAME']} (pg_restore)")
            result = subprocess.run(
                [
                    tool,
                    *args,
                    "--no-owner",
                    "--exit-on-error",
                    "--use-list",
                    str(wanted),
                    "--dbname",
                    db["NAME"],
                    str(dump_file),
                ],
                env=env,
                capture_output=True,
                text=True,
            )
            if result.returncode:
                raise BackupError(f"pg_restore failed: {result.stderr.strip()}")
        media_source = work_dir / "media"
        if media_source.exists():
            shutil.copytree(media_source, settings.MEDIA_ROOT, dirs_exist_ok=True)
        log(f"{manifest.get('media_files', 0)} uploaded files restored")
    return manifest


def backup_age(directory: Path) -> dt.timedelta | None:
    archives = sorted(directory.glob("hubro-*.tar"))
    if not archives:
        return None
    return dt.timedelta(seconds=timezone.now().timestamp() - archives[-1].stat().st_mtime)
