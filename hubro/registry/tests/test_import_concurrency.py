"""Finding 4: a register import never makes a booking fail, on either database. The
import writes in short transactions and swaps the snapshot in at the end, so a booking
made meanwhile waits for one batch at most, never for the whole file. The booking side
here waits at most one second for the SQLite write lock (instead of 20), so that a
lock held for the whole import would fail it."""

import copy
import datetime as dt
import re
import threading

import pytest
from django.db import connection

from bench.registry_data import generate
from conftest import at
from hubro.bookings.actions import create_booking
from hubro.registry.importer import run_import
from hubro.registry.models import Snapshot, Unit

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def impatient_connection():
    """This thread's connection waits one second for a lock, the import's 20."""
    original = connection.settings_dict
    connection.close()
    impatient = copy.deepcopy(original)
    if connection.vendor == "sqlite":
        impatient["OPTIONS"]["timeout"] = 1
        impatient["OPTIONS"]["init_command"] = re.sub(
            r"busy_timeout=\d+", "busy_timeout=1000", impatient["OPTIONS"]["init_command"]
        )
    connection.settings_dict = impatient
    yield
    connection.close()
    connection.settings_dict = original


def test_bookings_go_on_during_a_register_import(
    desk, kari, tomorrow, tmp_path, settings, impatient_connection
):
    settings.HUBRO_DEFAULT_BOOKING_QUOTA = 0
    generate(0.05, tmp_path)
    finished = threading.Event()
    outcome = {}

    def import_register():
        try:
            outcome["result"] = run_import(
                str(tmp_path / "underenheter_alle.json.gz"),
                str(tmp_path / "enheter_alle.json.gz"),
                date=dt.date(2026, 1, 15),
                notify=False,
            )
        except Exception as exc:  # reported below, in the test's thread
            outcome["error"] = exc
        finally:
            connection.close()
            finished.set()

    worker = threading.Thread(target=import_register)
    worker.start()
    made, failed, during = 0, [], 0
    while not finished.is_set() and made < 300:
        day = tomorrow + dt.timedelta(days=made // 10)
        hour = 7 + made % 10
        try:
            create_booking(
                space=desk, person=kari, start=at(day, hour), end=at(day, hour + 1), actor=kari
            )
        except Exception as exc:
            failed.append(repr(exc))
        made += 1
        if not finished.is_set():
            during += 1
    worker.join(timeout=600)
    assert "error" not in outcome, outcome.get("error")
    assert failed == []
    assert during >= 5, "the import ended before bookings could overlap it"
    snapshot = outcome["result"].snapshot
    assert Snapshot.objects.get() == snapshot
    assert Unit.objects.filter(snapshot=snapshot).count() == sum(snapshot.summary["kept"].values())
