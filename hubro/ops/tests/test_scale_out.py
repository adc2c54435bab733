"""Scale out: two app servers on different ports against one PostgreSQL – one straight,
one through PgBouncer in transaction mode (HUBRO_DB_PGBOUNCER) – and one Redis. A
booking storm across both finds exactly one winner per slot, and an API rate limit
counted on one server holds on the other."""

import datetime as dt
import json
import os
import shutil
import subprocess
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from conftest import at, make_person
from hubro.bookings.models import Booking
from hubro.core.actions import issue_api_token

from .conftest import free_port, get, hubro_env

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.slow,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="scale-out runs against one PostgreSQL (the PostgreSQL run of make test)",
    ),
]
SLOTS = 5


def post(url, token, data):
    request = urllib.request.Request(
        url,
        data=json.dumps(data).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


@pytest.fixture
def pgbouncer(tmp_path):
    """PgBouncer in transaction mode in front of the test server's PostgreSQL."""
    binary = shutil.which("pgbouncer") or "/usr/sbin/pgbouncer"
    if not os.path.exists(binary):
        pytest.fail("pgbouncer is missing: `make test` installs it (apt-get install pgbouncer)")
    db = connection.settings_dict
    port = free_port()
    config = tmp_path / "pgbouncer.ini"
    config.write_text(
        "[databases]\n"
        f"* = host={db['HOST'] or '127.0.0.1'} port={db['PORT'] or 5432} user={db['USER']}\n"
        "[pgbouncer]\n"
        f"listen_addr = 127.0.0.1\nlisten_port = {port}\nunix_socket_dir =\n"
        "auth_type = any\npool_mode = transaction\nmax_client_conn = 200\n"
        "default_pool_size = 6\nignore_startup_parameters = extra_float_digits,options\n"
        + ("user = postgres\n" if os.getuid() == 0 else "")
    )
    config.chmod(0o644)
    tmp_path.chmod(0o755)
    process = subprocess.Popen(
        [binary, str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"pgbouncer exited: {process.stderr.read()}")
        try:
            import psycopg

            psycopg.connect(
                host="127.0.0.1", port=port, user=db["USER"], dbname=db["NAME"], connect_timeout=2
            ).close()
            break
        except psycopg.OperationalError:
            time.sleep(0.2)  # polling a port: there is no event to await
    yield port
    process.terminate()
    process.wait(timeout=30)


def test_two_servers_one_winner_per_slot_and_a_shared_rate_limit(
    hub, desk, nav, tomorrow, servers, pgbouncer, tmp_path
):
    db = connection.settings_dict
    people = [make_person(f"storm{n}@nav.test", nav) for n in range(8)]
    tokens = [issue_api_token(person) for person in people]
    common = {
        "HUBRO_VAR_DIR": str(tmp_path),
        # A Redis database and key prefix of this run's own: parallel runs never collide.
        "HUBRO_CACHE_URL": "redis://127.0.0.1:6379/13",
        "HUBRO_CACHE_PREFIX": f"hubro-scale-{os.getpid()}-{time.time_ns()}",
        "HUBRO_API_RATE_PER_TOKEN": "10",
        "HUBRO_API_RATE_PER_ADDRESS": "100000",
        "HUBRO_DEFAULT_BOOKING_QUOTA": "0",
    }
    direct = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
    bounced = f"postgres://{db['USER']}@127.0.0.1:{pgbouncer}/{db['NAME']}"
    a = servers(hubro_env(DATABASE_URL=direct, **common), workers=2)
    b = servers(hubro_env(DATABASE_URL=bounced, HUBRO_DB_PGBOUNCER="true", **common), workers=2)

    attempts = [
        (server, token, slot) for slot in range(SLOTS) for token in tokens for server in (a, b)
    ]

    def attempt(item):
        server, token, slot = item
        start = at(tomorrow, 8 + slot)
        return slot, post(
            server.url + "/api/v1/bookings",
            token,
            {
                "space": desk.pk,
                "start": start.isoformat(),
                "end": (start + dt.timedelta(hours=1)).isoformat(),
            },
        )

    with ThreadPoolExecutor(16) as pool:
        results = list(pool.map(attempt, attempts))
    for slot in range(SLOTS):
        answers = sorted(status for s, status in results if s == slot)
        assert answers.count(201) == 1, (slot, answers)
        assert set(answers) == {201, 409}, (slot, answers)
    confirmed = Booking.objects.filter(space=desk, status="confirmed")
    assert confirmed.count() == SLOTS
    assert sorted(b.start for b in confirmed) == [at(tomorrow, 8 + s) for s in range(SLOTS)]

    # The rate limit is counted in Redis: 10 a minute for a token, whichever server.
    for _ in range(2):  # a second try if the burst straddled the limit's minute
        token = issue_api_token(make_person(f"rate{time.time_ns()}@nav.test", nav))
        headers = {"Authorization": f"Bearer {token}"}
        answers = [
            get(server.url + "/api/v1/hubs", headers)[0] for _ in range(7) for server in (a, b)
        ]
        if answers.count(200) == 10:
            break
    assert answers.count(200) == 10 and answers.count(429) == 4, answers
