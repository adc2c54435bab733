"""Finding 9: `hubro backup` while bookings are being made, then `hubro restore` into an
empty database, and every table compared (the tables the load writes to hold exactly
the rows of some moment during the backup), uploaded files included. On both
databases (SQLite through its online backup API, PostgreSQL through pg_dump)."""

import datetime as dt
import os
import sqlite3
import subprocess
import sys
import threading

import pytest
from django.db import connection

from conftest import at
from hubro.bookings.actions import create_booking

from .conftest import scratch_database

pytestmark = pytest.mark.django_db(transaction=True)
# Tables that the bookings made during the backup write to.
LOADED = {"bookings_booking", "core_auditentry"}


def hubro(*args, env):
    return subprocess.run(
        [sys.executable, "-m", "hubro.cli", *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


def rows_of(cursor, table):
    cursor.execute(f'SELECT * FROM "{table}"')
    return sorted(tuple(repr(value) for value in row) for row in cursor.fetchall())


def dump(cursor, tables):
    return {table: rows_of(cursor, table) for table in tables}


@pytest.fixture
def target_database(tmp_path):
    """An empty database of the same engine, and how to read it."""
    with scratch_database(tmp_path, "restore") as url:
        if url.startswith("sqlite"):
            yield url, lambda: sqlite3.connect(url.removeprefix("sqlite:///"))
        else:
            import psycopg

            yield url, lambda: psycopg.connect(url)


def raw_source():
    """The test database through the same kind of plain connection as the target."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return sqlite3.connect(db["NAME"])
    import psycopg

    return psycopg.connect(source_url())


def read_all(connect, tables):
    raw = connect()
    try:
        return dump(raw.cursor(), tables)
    finally:
        raw.close()


def source_url():
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def test_a_backup_under_load_restores_every_table_and_file(
    desk, kari, vera, tomorrow, tmp_path, settings, target_database
):
    settings.HUBRO_DEFAULT_BOOKING_QUOTA = 0
    var = tmp_path / "var"
    (var / "media" / "finance").mkdir(parents=True)
    (var / "media" / "finance" / "avtale.pdf").write_bytes(b"%PDF-1.4 avtale")
    for n in range(5):
        day = tomorrow + dt.timedelta(days=n)
        create_booking(space=desk, person=kari, start=at(day, 8), end=at(day, 9), actor=kari)
    before = connection.introspection.table_names()
    at_start = read_all(raw_source, before)

    stop = threading.Event()
    made = []

    def load():
        n = 0
        try:
            while not stop.is_set() and n < 200:
                day = tomorrow + dt.timedelta(days=n // 8)
                hour = 9 + n % 8
                made.append(
                    create_booking(
                        space=desk,
                        person=vera,
                        start=at(day, hour),
                        end=at(day, hour + 1),
                        actor=vera,
                    ).pk
                )
                n += 1
        finally:
            connection.close()

    worker = threading.Thread(target=load)
    worker.start()
    env = {"DATABASE_URL": source_url(), "HUBRO_VAR_DIR": str(var)}
    backup = hubro("backup", str(tmp_path / "backups"), env=env)
    stop.set()
    worker.join()
    assert backup.returncode == 0, backup.stderr
    assert made, "no booking was made during the backup"
    (archive,) = (tmp_path / "backups").glob("hubro-*.tar")

    url, open_target = target_database
    restored_var = tmp_path / "restored-var"
    restore = hubro(
        "restore", str(archive), env={"DATABASE_URL": url, "HUBRO_VAR_DIR": str(restored_var)}
    )
    assert restore.returncode == 0, restore.stderr
    assert (restored_var / "media" / "finance" / "avtale.pdf").read_bytes() == b"%PDF-1.4 avtale"

    at_end = read_all(raw_source, before)
    restored = read_all(open_target, before)
    for table in before:
        if table in LOADED:
            # A consistent moment: everything there before the backup, nothing after it.
            assert set(at_start[table]) <= set(restored[table]) <= set(at_end[table]), table
        else:
            assert restored[table] == at_end[table], table
    # Refusing to restore over data.
    again = hubro(
        "restore", str(archive), env={"DATABASE_URL": url, "HUBRO_VAR_DIR": str(restored_var)}
    )
    assert again.returncode != 0
    assert "not empty" in again.stderr
