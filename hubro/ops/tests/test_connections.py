"""Finding 8: a Hubro process holds a bounded number of PostgreSQL connections whatever
its threads do (Django's psycopg pool, HUBRO_DB_POOL_SIZE), so that ten clients of a
threaded server cannot exhaust max_connections."""

import os
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from .conftest import free_port, get, hubro_env, wait_for

pytestmark = [pytest.mark.django_db, pytest.mark.slow]
APP = "hubro-bound-test"


def server_connections() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name = %s", [APP])
        return cursor.fetchone()[0]


def test_ten_clients_of_a_threaded_server_use_at_most_the_pool(places, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("connection bounds are a PostgreSQL matter")
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
    port = free_port()
    log = (tmp_path / "server.log").open("w")
    env = hubro_env(DATABASE_URL=url, HUBRO_DB_POOL_SIZE="4", PGAPPNAME=APP)
    env["HUBRO_VAR_DIR"] = os.environ.get("HUBRO_VAR_DIR", "var")
    server = subprocess.Popen(
        [sys.executable, "-m", "hubro.cli", "runserver", "--noreload", f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.DEVNULL,
        # A file, not a pipe: nobody reads the log while it runs, and a full pipe would
        # stop the server.
        stderr=log,
    )
    highest = 0
    done = threading.Event()

    def watch():
        nonlocal highest
        from django.db import connections

        try:
            while not done.is_set():
                highest = max(highest, server_connections())
        finally:
            connections.close_all()

    try:
        wait_for(f"http://127.0.0.1:{port}/healthz", server)
        watcher = threading.Thread(target=watch)
        watcher.start()
        with ThreadPoolExecutor(10) as clients:
            answers = list(
                clients.map(
                    lambda n: get(
                        f"http://127.0.0.1:{port}/api/v1/hubs",
                        {"Authorization": f"Bearer unknown-{n}"},  # looked up: a query
                        timeout=30,
                    )[0],
                    range(200),
                )
            )
        done.set()
        watcher.join()
    finally:
        done.set()
        server.terminate()
        server.wait(timeout=30)
        log.close()
    assert answers.count(401) == 200
    assert 1 <= highest <= 4
