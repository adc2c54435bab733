"""Settings come from the environment; a bad value stops start-up with one clear line."""

import os
import subprocess
import sys

import pytest
from django.db import connection


def start_with(**env):
    return subprocess.run(
        [sys.executable, "-c", "import hubro.settings"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("HUBRO_DEBUG", "maybe"),
        ("DATABASE_URL", "mysql://root@localhost/hubro"),
        ("DATABASE_URL", "postgres://"),
        ("HUBRO_TIME_ZONE", "Mars/Olympus_Mons"),
        ("HUBRO_SECRET_KEY", "too-short"),
        ("HUBRO_SQLITE_BUSY_TIMEOUT", "soon"),
    ],
)
def test_a_bad_value_stops_start_up_with_one_line_naming_it(name, value):
    result = start_with(**{name: value})
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert name in lines[0]
    assert "Traceback" not in result.stderr


def test_good_values_start(tmp_path):
    result = start_with(
        HUBRO_DEBUG="yes",
        HUBRO_TIME_ZONE="Europe/Oslo",
        HUBRO_ALLOWED_HOSTS="hubro.example.no, localhost",
        DATABASE_URL=f"sqlite:///{tmp_path}/x.sqlite3",
    )
    assert result.returncode == 0, result.stderr


def test_the_default_time_zone_is_oslo(settings):
    assert settings.TIME_ZONE == "Europe/Oslo"
    assert settings.USE_TZ is True


@pytest.mark.django_db
def test_sqlite_is_tuned_for_concurrency_and_durability():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    with connection.cursor() as cursor:
        pragmas = {
            name: cursor.execute(f"PRAGMA {name}").fetchone()[0]
            for name in ["journal_mode", "synchronous", "busy_timeout"]
        }
    assert pragmas["journal_mode"] == "wal"
    assert pragmas["synchronous"] == 2  # FULL
    assert pragmas["busy_timeout"] >= 1000
    assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
