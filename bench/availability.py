"""Availability search on a year of bookings for 50 hubs x 30 spaces, then on ten years.

    python -m bench.availability sqlite|postgres

Builds a scratch database, loads about a million bookings for one year (BENCH_SCALE
scales the number of hubs and so of bookings), and times in-process, over random
weekdays of that year:
- one hub: ``get_hub(slug)`` then ``hub_day(hub, day)``, what the per-hub endpoint does;
- all hubs: ``all_hubs_day(day)``.
Then it copies the database and adds nine more years of bookings around that year to
the copy (ten times as many stored bookings; BENCH_TENFOLD=0 skips this), and times the
same calls on both databases in turn, so that the ratio is fair on a busy machine."""

import datetime as dt
import gc
import os
import random
import sys
import time

from bench.common import (
    LABEL,
    env_flag,
    env_float,
    env_int,
    fmt_count,
    migrate,
    percentile,
    say,
    setup_django,
    use_database,
)

BASE_YEAR = 2026
BOOKINGS_PER_YEAR = 1_000_000


class Switch:
    """A database router that sends every query to one alias, switched between calls,
    so that the same function can be timed on the 1x and the 10x database in turn."""

    alias = "default"

    def db_for_read(self, model, **hints):
        return self.alias

    def db_for_write(self, model, **hints):
        return self.alias

    def allow_relation(self, *args, **hints):
        return True


SWITCH = Switch()


def timed(fn, rounds, aliases):
    """Milliseconds per call for each alias, after a few calls that warm the caches up.

    With two databases the calls alternate, each round on both, the first alias
    changing every round, so that whatever else the machine is doing weighs on both
    alike and their ratio stays fair."""
    samples = {alias: [] for alias in aliases}
    for alias in aliases:
        SWITCH.alias = alias
        for args in rounds[:5]:
            fn(*args)
    for n, args in enumerate(rounds):
        for alias in aliases if n % 2 == 0 else aliases[::-1]:
            SWITCH.alias = alias
            # As timeit does, keep the collector's backlog out of the call: a full
            # collection of the whole process would land on whichever call trips it.
            # Collections of what the call itself allocates still count.
            gc.collect()
            began = time.perf_counter()
            fn(*args)
            samples[alias].append((time.perf_counter() - began) * 1000)
    SWITCH.alias = "default"
    return samples


def count_queries(alias, fn, *args) -> int:
    from django.db import connections
    from django.test.utils import CaptureQueriesContext

    SWITCH.alias = alias
    with CaptureQueriesContext(connections[alias]) as ctx:
        fn(*args)
    SWITCH.alias = "default"
    return len(ctx.captured_queries)


def previous_hub_day(hub, day):
    """hub_day as it was before this benchmark: one ``start < closes AND end > opens``
    query, which walks each space's whole history before the day in the index. Timed
    for comparison only."""
    from django.utils import timezone

    from hubro.bookings.models import Booking
    from hubro.bookings.queries import SpaceDay, free_intervals
    from hubro.spaces.queries import active_spaces

    spaces = list(active_spaces(hub))
    days = {space.pk: SpaceDay(space) for space in spaces}
    opens, closes = hub.open_interval(day)
    bookings = (
        Booking.objects.confirmed()
        .filter(space__in=[s.pk for s in spaces])
        .overlapping(opens, closes)
        .select_related("organization")
        .order_by("start")
    )
    for booking in bookings:
        days[booking.space_id].busy.append(booking)
    for entry in days.values():
        busy = [(timezone.localtime(b.start), timezone.localtime(b.end)) for b in entry.busy]
        entry.free = free_intervals(opens, closes, busy)
    return list(days.values())


def main(db: str) -> dict:
    use_database(db, "availability")
    setup_django()
    migrate()

    from django.db import router

    from bench import datagen
    from hubro.bookings.queries import all_hubs_day, hub_day
    from hubro.spaces.queries import get_hub

    router.routers.insert(0, SWITCH)
    scale = env_float("BENCH_SCALE", 1.0)
    hubs = max(1, round(50 * scale))
    iterations = env_int("BENCH_ITERATIONS", 300)
    world = datagen.make_world(hubs=hubs, spaces_per_hub=30)
    year = list(datagen.weekdays(dt.date(BASE_YEAR, 1, 1), dt.date(BASE_YEAR, 12, 31)))
    space_days = len(year) * len(world.spaces)
    per_day = BOOKINGS_PER_YEAR * (hubs / 50) / space_days
    seconds = datagen.load_bookings(world, year, per_day, seed=BASE_YEAR)
    stored = {"default": datagen.booking_count()}
    say(
        f"  loaded {stored['default']:,} bookings ({len(world.hub_slugs)} hubs x 30 spaces,"
        f" weekdays of {BASE_YEAR}) in {seconds:.0f} s"
    )
    aliases = ["default"]
    if env_flag("BENCH_TENFOLD", True):
        # Ten times the stored bookings, in a copy of the database: nine more years of
        # the same density around the measured one, so that the days asked for have
        # just as many bookings as before, and only the history grows.
        datagen.clone_database("tenfold")
        other_years = [y for y in range(BASE_YEAR - 5, BASE_YEAR + 5) if y != BASE_YEAR]
        days = [
            day
            for y in other_years
            for day in datagen.weekdays(dt.date(y, 1, 1), dt.date(y, 12, 31))
        ]
        seconds = datagen.load_bookings(world, days, per_day, seed=BASE_YEAR + 1, using="tenfold")
        stored["tenfold"] = datagen.booking_count("tenfold")
        say(
            f"  copied the database and added {stored['tenfold'] - stored['default']:,}"
            f" bookings for {other_years[0]}-{other_years[-1]} in {seconds:.0f} s"
        )
        aliases.append("tenfold")

    rng = random.Random(42)
    one_hub_rounds = [(rng.choice(world.hub_slugs), rng.choice(year)) for _ in range(iterations)]
    all_hubs_rounds = [(rng.choice(year),) for _ in range(max(20, iterations // 3))]

    def one_hub(slug, day):
        return hub_day(get_hub(slug), day)

    def previous(slug, day):
        return previous_hub_day(get_hub(slug), day)

    say("  load average before timing: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    results = {
        "one hub": timed(one_hub, one_hub_rounds, aliases),
        "all hubs": timed(all_hubs_day, all_hubs_rounds, aliases),
        "previous one-hub query": timed(previous, one_hub_rounds[: len(all_hubs_rounds)], aliases),
    }
    spaces = sum(len(h.spaces) for h in all_hubs_day(*all_hubs_rounds[0]))
    one_count = count_queries("default", one_hub, *one_hub_rounds[0])
    queries = {
        "one hub": f"{one_count} queries for 30 spaces",
        "all hubs": f"{count_queries('default', all_hubs_day, *all_hubs_rounds[0])} queries"
        f" for {spaces} spaces",
        "previous one-hub query": "for comparison",
    }
    for alias in aliases:
        for name, samples in results.items():
            ms = samples[alias]
            prefix = "  " if name.startswith("previous") else ""
            say(
                f"{prefix}availability {name}, {LABEL[db]}, {fmt_count(stored[alias])} bookings:"
                f" p50 {percentile(ms, 50):.1f} ms, p95 {percentile(ms, 95):.1f} ms"
                f" ({len(ms)} runs; {queries[name]})"
            )
    if len(aliases) == 2:
        for name, samples in results.items():
            before, after = samples["default"], samples["tenfold"]
            p50 = percentile(after, 50) / percentile(before, 50)
            p95 = percentile(after, 95) / percentile(before, 95)
            prefix = "  " if name.startswith("previous") else ""
            say(
                f"{prefix}availability {name}, {LABEL[db]}, {fmt_count(stored['tenfold'])} vs"
                f" {fmt_count(stored['default'])} bookings: p50 x{p50:.2f}, p95 x{p95:.2f}"
                " (target: under x1.5)"
            )
    say("  load average after timing: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    return results


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in LABEL:
        sys.exit("usage: python -m bench.availability sqlite|postgres")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hubro.settings")
    main(sys.argv[1])
