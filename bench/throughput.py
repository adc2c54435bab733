"""Booking throughput through the HTTP API under concurrent clients.

    python -m bench.throughput sqlite|postgres one|many

Starts gunicorn (the production server) on 127.0.0.1 against a scratch database, makes
one person and API token per client, and lets BENCH_CLIENTS (32) threads POST
/api/v1/bookings as fast as the server answers, until BENCH_REQUESTS requests are sent
or BENCH_SECONDS have passed. ``one``: every client wants the same space on the same
day, so almost every request is a conflict (409). ``many``: random spaces of 50 over
60 days, so almost every request books (201). Afterwards it checks in the database
that no two confirmed bookings of a space overlap."""

import contextlib
import datetime as dt
import http.client
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import zoneinfo
from collections import Counter

from bench.common import (
    LABEL,
    PROJECT_DIR,
    env_int,
    migrate,
    percentile,
    say,
    setup_django,
    use_database,
)

MANY_SPACES = 50
MANY_DAYS = 60


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def make_world(clients: int, spaces: int):
    """A hub open 06-22 every day, its spaces, and one member with a token per client."""
    from hubro.core.actions import issue_api_token
    from hubro.core.models import Membership, Municipality, Organization, Person
    from hubro.spaces.models import Hub, OpeningHours, Space

    place = Municipality.objects.order_by("number").first()
    org = Organization.objects.create(
        orgnr="999999999", name="Benchmark-etaten", sector="state", municipality=place
    )
    hub = Hub.objects.create(
        name="Benchmark-hub",
        slug="bench",
        municipality=place,
        host_organization=org,
        observe_public_holidays=False,
    )
    hub.member_organizations.add(org)
    OpeningHours.objects.bulk_create(
        OpeningHours(hub=hub, weekday=wd, opens=dt.time(6), closes=dt.time(22)) for wd in range(7)
    )
    space_ids = [
        Space.objects.create(hub=hub, name=f"Plass {n:03d}", kind="desk").pk for n in range(spaces)
    ]
    tokens = []
    for i in range(clients):
        person = Person.objects.create_user(email=f"client{i}@bench.hubro.test", password=None)
        Membership.objects.create(person=person, organization=org)
        tokens.append(issue_api_token(person, name="bench"))
    return space_ids, tokens


def start_server(env: dict, port: int):
    workers = env_int("BENCH_WORKERS", 4)
    threads = env_int("BENCH_THREADS", 8)
    command = [
        str(PROJECT_DIR / ".venv/bin/gunicorn"),
        "hubro.wsgi:application",
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        f"--threads={threads}",
        "--worker-class=gthread",
        "--log-level=warning",
        "--timeout=60",
    ]
    log = open(env["HUBRO_VAR_DIR"] + "/gunicorn.log", "w")  # noqa: SIM115 - closed by caller
    server = subprocess.Popen(
        command, cwd=PROJECT_DIR, env={**os.environ, **env}, stdout=log, stderr=log
    )
    return server, log, f"{workers} workers x {threads} threads"


def wait_until_up(port: int, token: str, server, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit("bench: gunicorn stopped; see gunicorn.log in the bench var dir")
        # Not listening yet is the expected answer while gunicorn starts.
        with contextlib.suppress(OSError):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/api/v1/hubs", headers={"Authorization": f"Bearer {token}"})
            if conn.getresponse().status == 200:
                return
        time.sleep(0.2)
    sys.exit("bench: gunicorn did not answer in time")


def stop_server(server, log):
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
    log.close()


class Load:
    """Client threads sharing a request budget and a deadline."""

    def __init__(self, port, tokens, make_body, max_requests, max_seconds):
        self.port, self.tokens, self.make_body = port, tokens, make_body
        self.max_requests, self.max_seconds = max_requests, max_seconds
        self.sent = 0
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.statuses: Counter = Counter()
        self.codes: Counter = Counter()

    def take(self) -> bool:
        with self.lock:
            if self.sent >= self.max_requests or time.monotonic() > self.deadline:
                return False
            self.sent += 1
            return True

    def client(self, index: int):
        rng = random.Random(index)
        headers = {
            "Authorization": f"Bearer {self.tokens[index]}",
            "Content-Type": "application/json",
        }
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        latencies, statuses, codes = [], Counter(), Counter()
        while self.take():
            body = json.dumps(self.make_body(rng))
            began = time.perf_counter()
            try:
                conn.request("POST", "/api/v1/bookings", body=body, headers=headers)
                response = conn.getresponse()
                payload = response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                status, payload = "error", b""
            latencies.append((time.perf_counter() - began) * 1000)
            statuses[status] += 1
            if status not in (201, 409):
                try:
                    codes[f"{status} {json.loads(payload).get('code')}"] += 1
                except ValueError:
                    codes[str(status)] += 1
        conn.close()
        with self.lock:
            self.latencies += latencies
            self.statuses.update(statuses)
            self.codes.update(codes)

    def run(self, clients: int) -> float:
        self.deadline = time.monotonic() + self.max_seconds
        threads = [threading.Thread(target=self.client, args=(i,)) for i in range(clients)]
        began = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return time.perf_counter() - began


def body_maker(mode: str, space_ids: list[int]):
    tz = zoneinfo.ZoneInfo(os.environ.get("HUBRO_TIME_ZONE", "Europe/Oslo"))
    first = dt.datetime.now(tz).date() + dt.timedelta(days=1)

    def make(rng: random.Random) -> dict:
        if mode == "one":
            space, day = space_ids[0], first
        else:
            space, day = rng.choice(space_ids), first + dt.timedelta(days=rng.randrange(MANY_DAYS))
        quarter = rng.randrange(6 * 4, 20 * 4)  # start 06:00-19:45, 1-2 hours long
        start = dt.datetime.combine(day, dt.time(), tzinfo=tz) + dt.timedelta(minutes=15 * quarter)
        end = start + dt.timedelta(minutes=15 * rng.randint(4, 8))
        return {"space": space, "start": start.isoformat(), "end": end.isoformat()}

    return make


def overlapping_pairs() -> int:
    """Confirmed bookings that share an instant with another confirmed booking of the
    same space: must be 0."""
    from django.db.models import Exists, OuterRef

    from hubro.bookings.models import Booking

    other = (
        Booking.objects.confirmed()
        .filter(space=OuterRef("space"), start__lt=OuterRef("end"), end__gt=OuterRef("start"))
        .exclude(pk=OuterRef("pk"))
    )
    return Booking.objects.confirmed().filter(Exists(other)).count()


def main(db: str, mode: str):
    env = use_database(db, f"throughput_{mode}")
    env["HUBRO_TASKS"] = os.environ.get("BENCH_TASKS", "database")
    os.environ.update(env)
    setup_django()
    migrate()
    clients = env_int("BENCH_CLIENTS", 32)
    max_requests = env_int("BENCH_REQUESTS", 3000)
    max_seconds = env_int("BENCH_SECONDS", 30)
    space_ids, tokens = make_world(clients, 1 if mode == "one" else MANY_SPACES)
    port = free_port()
    server, log, shape = start_server(env, port)
    try:
        wait_until_up(port, tokens[0], server)
        load = Load(port, tokens, body_maker(mode, space_ids), max_requests, max_seconds)
        seconds = load.run(clients)
    finally:
        stop_server(server, log)

    from hubro.bookings.models import Booking

    n = len(load.latencies)
    created, conflicts = load.statuses[201], load.statuses[409]
    other = n - created - conflicts
    where = "one space" if mode == "one" else f"{MANY_SPACES} spaces"
    p50, p95 = percentile(load.latencies, 50), percentile(load.latencies, 95)
    say(
        f"booking throughput, {where}, {LABEL[db]}, {clients} clients:"
        f" {n / seconds:.0f} requests/s, p50 {p50:.0f} ms, p95 {p95:.0f} ms"
        f" ({n} requests in {seconds:.1f} s; 201: {created}, 409: {conflicts}, other: {other})"
    )
    if load.codes:
        say(f"  other answers: {dict(load.codes)}")
    confirmed = Booking.objects.confirmed().count()
    say(
        f"  overlapping confirmed bookings: {overlapping_pairs()}"
        f" (confirmed bookings {confirmed}, 201 answers {created}; server: gunicorn {shape})"
    )


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in LABEL or sys.argv[2] not in ("one", "many"):
        sys.exit("usage: python -m bench.throughput sqlite|postgres one|many")
    main(sys.argv[1], sys.argv[2])
