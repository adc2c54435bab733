"""Indicators on three years of bookings: the programme view, one hub, one organization.

    python -m bench.insights sqlite|postgres

Builds a scratch database with 50 hubs (30 spaces each, in real regions), 300
organizations in all sectors and 5,000 people, and about a million bookings over the
weekdays of three years (BENCH_SCALE scales hubs, organizations, people and bookings;
bulk inserts, COPY on PostgreSQL). Then times ``hubro.insights.indicators.compute`` for
the running year (the current one) as an administrator would see it: the programme
view (``all``), one hub and one organization; the first call after the import (which
rolls up every past day it reads), cold (no stored figures: every count computed, with
the comparison with the previous year that the dashboard shows, and the year alone)
and warm (the settled previous year from its stored figures)."""

import datetime as dt
import os
import random
import statistics
import sys
import time

from bench.common import (
    LABEL,
    NAME,
    VAR_ROOT,
    env_flag,
    env_float,
    env_int,
    fmt_count,
    migrate,
    pg_url,
    recreate_pg_database,
    say,
    setup_django,
    use_database,
)

FIRST_YEAR = 2024
YEARS = 3
BOOKINGS = 1_000_000
SECTORS = ["state"] * 4 + ["municipal"] * 4 + ["county", "inter_municipal", "other"]
KINDS = ["office"] * 8 + ["desk"] * 14 + ["meeting_room"] * 6 + ["project_room"] * 2


def make_world(scale: float, seed: int = 7):
    """Hubs in real regions, organizations across all municipalities, people."""
    from bench.datagen import World
    from hubro.core.models import Membership, Municipality, Organization, Person, Region
    from hubro.spaces.models import Hub, OpeningHours, Space

    rng = random.Random(seed)
    n_hubs = max(2, round(50 * scale))
    n_orgs = max(10, round(300 * scale))
    n_people = max(50, round(5000 * scale))
    municipalities = list(Municipality.objects.order_by("number"))
    regions = [
        r for r in Region.objects.prefetch_related("municipalities") if r.municipalities.all()
    ]
    orgs = Organization.objects.bulk_create(
        Organization(
            orgnr=f"{800000000 + i:09d}",
            name=f"Bench-organisasjon {i}",
            sector=SECTORS[i % len(SECTORS)],
            municipality=municipalities[rng.randrange(len(municipalities))],
        )
        for i in range(n_orgs)
    )
    people = Person.objects.bulk_create(
        Person(email=f"i{i}@bench.hubro.test", name=f"Person {i}", password="!")
        for i in range(n_people)
    )
    # Most people have one organization; every tenth has a second one.
    memberships, pairs = [], []
    for i, person in enumerate(people):
        org = orgs[i % n_orgs]
        memberships.append(Membership(person=person, organization=org))
        pairs.append((person.pk, org.pk))
        if i % 10 == 0:
            other = orgs[(i * 7 + 3) % n_orgs]
            if other.pk != org.pk:
                memberships.append(Membership(person=person, organization=other, is_primary=False))
                pairs.append((person.pk, other.pk))
    Membership.objects.bulk_create(memberships)
    hubs = []
    for i in range(n_hubs):
        region = regions[i % len(regions)]
        municipality = region.municipalities.all()[0]
        hubs.append(
            Hub(
                name=f"Bench-hub {i:03d}",
                slug=f"ibench-{i:03d}",
                municipality=municipality,
                region=region,
                host_organization=orgs[i % n_orgs],
                observe_public_holidays=False,
                release_no_shows=(i % 5 == 0),
                opened_on=dt.date(FIRST_YEAR, 1, 1),
            )
        )
    hubs = Hub.objects.bulk_create(hubs)
    hours = {}
    for hub in hubs:
        opens, closes = rng.choice([7, 8]), rng.choice([16, 17])
        hours[hub.pk] = {wd: (opens * 4, closes * 4) for wd in range(5)}
        OpeningHours.objects.bulk_create(
            OpeningHours(hub=hub, weekday=wd, opens=dt.time(opens), closes=dt.time(closes))
            for wd in range(5)
        )
    spaces = Space.objects.bulk_create(
        Space(hub=hub, name=f"{kind} {n}", kind=kind, capacity=8 if "room" in kind else 1)
        for hub in hubs
        for n, kind in enumerate(KINDS)
    )
    return World(
        hub_slugs=[hub.slug for hub in hubs],
        spaces=[(space.pk, hours[space.hub_id]) for space in spaces],
        people=pairs,
    ), orgs


def check_in_some() -> int:
    """At hubs that use check-in, most bookings were checked in (portable UPDATE)."""
    from django.db.models import F
    from django.db.models.functions import Mod

    from hubro.bookings.models import Booking

    return (
        Booking.objects.filter(space__hub__release_no_shows=True, status="confirmed")
        .alias(rest=Mod("id", 10))
        .exclude(rest=7)  # about nine in ten
        .update(checked_in_at=F("start"))
    )


def timed(fn, rounds: int, before=None) -> list[float]:
    fn()  # warm-up: caches, holidays, query plans
    samples = []
    for _ in range(rounds):
        if before is not None:
            before()
        began = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - began) * 1000)
    return samples


def keep_database(db: str, scale: float) -> bool:
    """With BENCH_KEEP=1, point the settings at the scratch database a previous run of
    the same scale left behind (True), instead of a fresh one (False)."""
    if not env_flag("BENCH_KEEP", False):
        return False
    name = f"insights-{scale:g}"
    var_dir = VAR_ROOT / name
    if db == "postgres":
        import psycopg

        database = f"{NAME}_insights_{str(scale).replace('.', '_')}"
        with psycopg.connect(pg_url("postgres"), autocommit=True) as conn:
            found = conn.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [database]
            ).fetchone()
        if not found:
            recreate_pg_database(database)
        os.environ["DATABASE_URL"] = pg_url(database)
    else:
        found = (var_dir / "hubro.sqlite3").exists()
        os.environ.pop("DATABASE_URL", None)
    var_dir.mkdir(parents=True, exist_ok=True)
    os.environ.update(
        {
            "HUBRO_LOG_LEVEL": "WARNING",
            "DJANGO_SETTINGS_MODULE": "hubro.settings",
            "HUBRO_VAR_DIR": str(var_dir),
        }
    )
    return bool(found)


def main(db: str) -> None:
    scale = env_float("BENCH_SCALE", 1.0)
    kept = keep_database(db, scale)
    if not env_flag("BENCH_KEEP", False):
        use_database(db, "insights")
    setup_django()
    migrate()

    from django.utils import timezone

    from bench import datagen
    from hubro.core.models import Organization, Person
    from hubro.insights import rollup
    from hubro.insights.indicators import compute
    from hubro.insights.models import SettledFigures
    from hubro.spaces.models import Hub

    def forget_settled():
        SettledFigures.objects.all().delete()

    rounds = env_int("BENCH_INSIGHTS_ROUNDS", 5)
    began = time.perf_counter()
    if kept and Person.objects.filter(email="admin@bench.hubro.test").exists():
        slugs = list(Hub.objects.filter(slug__startswith="ibench-").order_by("slug"))
        hub_slugs = [hub.slug for hub in slugs]
        orgs = list(
            Organization.objects.filter(name__startswith="Bench-organisasjon").order_by("orgnr")
        )
        stored = datagen.booking_count()
        rollup.rebuild()  # the first call below rolls up again, as on a fresh database
        say(f"  reusing the kept database: {stored:,} bookings (BENCH_KEEP=1)")
        admin = Person.objects.get(email="admin@bench.hubro.test")
    else:
        world, orgs = make_world(scale)
        hub_slugs = world.hub_slugs
        days = list(
            datagen.weekdays(dt.date(FIRST_YEAR, 1, 1), dt.date(FIRST_YEAR + YEARS - 1, 12, 31))
        )
        per_day = BOOKINGS * scale / (len(days) * len(world.spaces))
        datagen.load_bookings(world, days, per_day, seed=FIRST_YEAR)
        checked = check_in_some()
        stored = datagen.booking_count()
        say(
            f"  loaded {stored:,} bookings ({len(world.hub_slugs)} hubs x 30 spaces,"
            f" {len(orgs)} organizations, {len({p for p, _o in world.people}):,} people,"
            f" weekdays {FIRST_YEAR}-{FIRST_YEAR + YEARS - 1}; {checked:,} checked in) in"
            f" {time.perf_counter() - began:.0f} s"
        )
        admin = Person.objects.create_superuser("admin@bench.hubro.test", "!")
    # The running year (issue 12): the current year when the data covers it, else the
    # last year of the data; it is never settled, so every reading computes it.
    today = timezone.localdate()
    year = min(max(today.year, FIRST_YEAR + 1), FIRST_YEAR + YEARS - 1)
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    hub = hub_slugs[len(hub_slugs) // 2]
    org = orgs[len(orgs) // 3].orgnr
    # Computed from scratch (no stored figures): programme 1 s on PostgreSQL, 2 s on
    # SQLite; one hub 150 ms; the first call after a fresh import 20 s.
    targets = {"programme": 1000 if db == "postgres" else 2000, "hub": 150, "organization": None}
    say("  load average before timing: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    for name, scope in (
        ("programme", "all"),
        ("hub", f"hub:{hub}"),
        ("organization", f"org:{org}"),
    ):
        began = time.perf_counter()
        figures = compute(scope, start, end, viewer=admin)
        first = time.perf_counter() - began
        say(
            f"indicators {name} view, running year {year}, {LABEL[db]}, {fmt_count(stored)}"
            f" bookings, first call after import: {first:.1f} s"
            + (" (rolls up every past day read; target < 20 s)" if name == "programme" else "")
        )
        for label, compare, before in (
            ("cold, with previous year", True, forget_settled),
            ("cold, running year alone", False, forget_settled),
            ("warm, with previous year", True, None),
        ):
            # Cold: SettledFigures is emptied before each run, so every count (the
            # settled previous year's too) is computed from the daily roll-up. Warm:
            # the previous year's raw counts come from SettledFigures; the running year
            # is computed all the same.
            ms = timed(
                lambda scope=scope, compare=compare: compute(
                    scope, start, end, viewer=admin, compare=compare
                ),
                rounds,
                before=before,
            )
            target = targets[name]
            note = (
                f"target < {target} ms"
                if target and label.startswith("cold")
                else "for comparison"
            )
            say(
                f"indicators {name} view, running year {year}, {LABEL[db]},"
                f" {fmt_count(stored)} bookings, {label}: median {statistics.median(ms):.0f} ms,"
                f" max {max(ms):.0f} ms ({len(ms)} runs, {len(figures)} figures; {note})"
            )
    say("  load average after timing: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in LABEL:
        sys.exit("usage: python -m bench.insights sqlite|postgres")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hubro.settings")
    main(sys.argv[1])
