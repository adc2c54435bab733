"""Fast generation of a large, realistic booking history for the benchmarks.

Hubs open on weekdays, 30 spaces each, and every open day of every space gets a few
non-overlapping bookings (a twentieth of them cancelled). Rows go in with COPY on
PostgreSQL and one executemany transaction on SQLite, with the booking table's
secondary indexes (and PostgreSQL's exclusion constraint) dropped during the load and
rebuilt after it, which is how one loads millions of rows into any database."""

import datetime as dt
import json
import os
import random
import time
import zoneinfo
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, connections, models, transaction

from hubro.bookings.models import Booking
from hubro.core.models import Membership, Municipality, Organization, Person
from hubro.spaces.models import Hub, OpeningHours, Space

SPACE_KINDS = ["office"] * 8 + ["desk"] * 14 + ["meeting_room"] * 6 + ["project_room"] * 2
QUARTER = dt.timedelta(minutes=15)


@dataclass
class World:
    hub_slugs: list[str] = field(default_factory=list)
    # (space id, weekday -> (opens quarter, closes quarter) from local midnight)
    spaces: list[tuple[int, dict[int, tuple[int, int]]]] = field(default_factory=list)
    people: list[tuple[int, int]] = field(default_factory=list)  # (person id, org id)


def make_world(*, hubs: int, spaces_per_hub: int = 30, people: int = 500, seed: int = 1) -> World:
    """Organizations, people with memberships, hubs with weekday opening hours, spaces."""
    rng = random.Random(seed)
    municipalities = list(Municipality.objects.order_by("number")[:50])
    orgs = Organization.objects.bulk_create(
        Organization(
            orgnr=f"{900000000 + i:09d}",
            name=f"Benchmark-etat {i}",
            sector=rng.choice(["state", "municipal", "county"]),
            municipality=municipalities[i % len(municipalities)],
        )
        for i in range(20)
    )
    persons = Person.objects.bulk_create(
        Person(email=f"p{i}@bench.hubro.test", name=f"Person {i}", password="!")
        for i in range(people)
    )
    Membership.objects.bulk_create(
        Membership(person=p, organization=orgs[i % len(orgs)]) for i, p in enumerate(persons)
    )
    hub_rows = Hub.objects.bulk_create(
        Hub(
            name=f"Benchmark-hub {i:03d}",
            slug=f"bench-{i:03d}",
            municipality=municipalities[i % len(municipalities)],
            host_organization=orgs[i % len(orgs)],
            observe_public_holidays=False,
        )
        for i in range(hubs)
    )
    hours = {}
    for hub in hub_rows:
        opens, closes = dt.time(rng.choice([7, 8])), dt.time(rng.choice([16, 17]))
        hours[hub.pk] = {
            wd: (opens.hour * 4, closes.hour * 4) for wd in range(5)
        }  # Monday to Friday
        OpeningHours.objects.bulk_create(
            OpeningHours(hub=hub, weekday=wd, opens=opens, closes=closes) for wd in range(5)
        )
    space_rows = Space.objects.bulk_create(
        Space(hub=hub, name=f"{kind} {n}", kind=kind, capacity=10 if "room" in kind else 1)
        for hub in hub_rows
        for n, kind in enumerate(SPACE_KINDS[:spaces_per_hub] or ["desk"] * spaces_per_hub)
    )
    return World(
        hub_slugs=[h.slug for h in hub_rows],
        spaces=[(s.pk, hours[s.hub_id]) for s in space_rows],
        people=[(p.pk, orgs[i % len(orgs)].pk) for i, p in enumerate(persons)],
    )


def weekdays(first: dt.date, last: dt.date):
    day = first
    while day <= last:
        if day.weekday() < 5:
            yield day
        day += dt.timedelta(days=1)


def _columns():
    """Every concrete column of the booking table with its value for a generated row:
    the model's default for columns the generator does not set. Reading the columns
    from the model keeps the loader right when the model gains a column."""
    set_here = {"space", "person", "organization", "start", "end", "status", "created_at"}
    set_here |= {"cancelled_at"}
    names, defaults = [], []
    for f in Booking._meta.concrete_fields:
        if f.primary_key:
            continue
        names.append(f.column)
        if f.name in set_here:
            defaults.append(None)
        elif isinstance(f, models.JSONField):
            defaults.append(json.dumps(f.get_default()))
        else:
            defaults.append(f.get_db_prep_save(f.get_default(), connection))
    return names, defaults


def _day_slots(day: dt.date, tz, pg: bool) -> list[str]:
    """Text of every quarter hour of a local day in UTC, as the database stores it."""
    midnight = dt.datetime.combine(day, dt.time(12), tzinfo=tz).replace(hour=0)
    base = midnight.astimezone(dt.UTC)
    suffix = "+00" if pg else ""
    return [(base + i * QUARTER).strftime("%Y-%m-%d %H:%M:%S") + suffix for i in range(97)]


def booking_rows(world: World, days: list[dt.date], per_day: float, seed: int, pg: bool):
    """Rows of bookings, per day and space; ``per_day`` bookings per space and open day
    on average, never overlapping within a space."""
    rng = random.Random(seed)
    names, template = _columns()
    idx = {name: names.index(name) for name in names}
    i_space, i_person, i_org = idx["space_id"], idx["person_id"], idx["organization_id"]
    i_start, i_end, i_status = idx["start"], idx["end"], idx["status"]
    i_created, i_cancelled = idx["created_at"], idx["cancelled_at"]
    tz = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    low, frac = int(per_day), per_day - int(per_day)
    people = world.people
    for day in days:
        slots = _day_slots(day, tz, pg)
        created = slots[0]
        weekday = day.weekday()
        for space_id, hours in world.spaces:
            window = hours.get(weekday)
            if window is None:
                continue
            opens, closes = window
            n = low + (rng.random() < frac)
            if n <= 0:
                continue
            seg = (closes - opens) // n
            for k in range(n):
                length = rng.randint(max(1, seg // 2), seg)
                begin = opens + k * seg + rng.randint(0, seg - length)
                person, org = people[rng.randrange(len(people))]
                row = list(template)
                row[i_space], row[i_person], row[i_org] = space_id, person, org
                row[i_start], row[i_end] = slots[begin], slots[begin + length]
                row[i_created] = created
                if rng.random() < 0.05:
                    row[i_status], row[i_cancelled] = "cancelled", created
                else:
                    row[i_status], row[i_cancelled] = "confirmed", None
                yield row


def _sqlite_drop_indexes(cursor) -> list[str]:
    cursor.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
        " AND tbl_name = 'bookings_booking' AND sql IS NOT NULL"
    )
    saved = cursor.fetchall()
    for name, _sql in saved:
        cursor.execute(f'DROP INDEX "{name}"')
    return [sql for _name, sql in saved]


def _pg_drop_indexes(cursor) -> list[str]:
    """Drop the exclusion constraint and the plain indexes; return the SQL that rebuilds them."""
    cursor.execute(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
        " WHERE conrelid = 'bookings_booking'::regclass AND contype = 'x'"
    )
    constraints = cursor.fetchall()
    cursor.execute(
        "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = 'bookings_booking'"
        " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)"
    )
    indexes = cursor.fetchall()
    rebuild = [indexdef for _name, indexdef in indexes]
    rebuild += [f'ALTER TABLE bookings_booking ADD CONSTRAINT "{n}" {d}' for n, d in constraints]
    for name, _def in constraints:
        cursor.execute(f'ALTER TABLE bookings_booking DROP CONSTRAINT "{name}"')
    for name, _def in indexes:
        cursor.execute(f'DROP INDEX "{name}"')
    return rebuild


def load_bookings(
    world: World,
    days: list[dt.date],
    per_day: float,
    *,
    seed: int,
    rebuild_indexes=True,
    using="default",
) -> float:
    """Insert the generated bookings; returns the seconds it took (rows, then indexes)."""
    started = time.perf_counter()
    connection = connections[using]
    pg = connection.vendor == "postgresql"
    names, _template = _columns()
    columns = ", ".join(f'"{c}"' for c in names)
    rows = booking_rows(world, days, per_day, seed, pg)
    if not pg:
        # A scratch file: no journal and no fsync while loading; WAL again afterwards.
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode = OFF")
            cursor.execute("PRAGMA synchronous = OFF")
            cursor.execute("PRAGMA cache_size = -500000")  # 500 MB
    with transaction.atomic(using=using), connection.cursor() as cursor:
        if pg:
            # Foreign keys point at rows made above; skipping their per-row triggers
            # during the load is safe here and the only way COPY goes at full speed.
            cursor.execute("SET LOCAL session_replication_role = replica")
            cursor.execute("SET LOCAL maintenance_work_mem = '1GB'")
            rebuild = _pg_drop_indexes(cursor)
            with cursor.cursor.copy(f"COPY bookings_booking ({columns}) FROM STDIN") as copy:
                lines = []
                for row in rows:
                    lines.append("\t".join(r"\N" if v is None else str(v) for v in row))
                    if len(lines) >= 50_000:
                        copy.write("\n".join(lines) + "\n")
                        lines = []
                if lines:
                    copy.write("\n".join(lines) + "\n")
        else:
            rebuild = _sqlite_drop_indexes(cursor) if rebuild_indexes else []
            marks = ", ".join("?" for _ in names)
            raw = cursor.cursor
            insert = f"INSERT INTO bookings_booking ({columns}) VALUES ({marks})"
            chunk = []
            for row in rows:
                chunk.append(row)
                if len(chunk) >= 100_000:
                    raw.executemany(insert, chunk)
                    chunk = []
            if chunk:
                raw.executemany(insert, chunk)
        copied = time.perf_counter()
        for statement in rebuild:
            began = time.perf_counter()
            cursor.execute(statement)
            if os.environ.get("BENCH_VERBOSE"):
                print(f"  ({time.perf_counter() - began:.1f} s: {statement[:90]})")
        if os.environ.get("BENCH_VERBOSE"):
            print(f"  (rows {copied - started:.1f} s)")
    loaded = time.perf_counter()
    with connection.cursor() as cursor:
        if not pg:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute("PRAGMA cache_size = -2000")
        cursor.execute("ANALYZE")
    if os.environ.get("BENCH_VERBOSE"):
        analyzed = time.perf_counter() - loaded
        print(f"  (rows and indexes {loaded - started:.0f} s, ANALYZE {analyzed:.0f} s)")
    return time.perf_counter() - started


def booking_count(using="default") -> int:
    return Booking.objects.using(using).count()


def clone_database(alias: str) -> None:
    """Copy the default database to a new alias, ``<default>_10x``, and register it."""
    import shutil
    from pathlib import Path

    source = connections["default"]
    settings_dict = dict(source.settings_dict)
    if source.vendor == "postgresql":
        target = settings_dict["NAME"] + "_10x"
        source.close()
        with psycopg_admin(settings_dict) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{target}" TEMPLATE "{settings_dict["NAME"]}"')
    else:
        with source.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        source.close()
        path = Path(settings_dict["NAME"])
        folder = path.parent.with_name(path.parent.name + "_10x")
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        target = str(folder / path.name)
        shutil.copyfile(path, target)
    settings_dict["NAME"] = target
    connections.settings[alias] = settings_dict


def psycopg_admin(settings_dict):
    import psycopg

    return psycopg.connect(
        host=settings_dict["HOST"],
        port=settings_dict["PORT"] or 5432,
        user=settings_dict["USER"],
        password=settings_dict["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
