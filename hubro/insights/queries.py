"""Reads behind the indicators. Every figure is computed in the database.

The presence figures come from one statement: a common table expression ``pd`` holds
the distinct (hub, local day, person, organization, sector, remote, hour) rows of the
bookings that count as presence, and one ``UNION ALL`` of aggregates over it returns
every count, so that the bookings table is read once per period. The SQL is standard;
the only engine-specific parts (weekday and month of a date) have one spelling per
engine that gives the same result."""

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import IntegrityError, connection, transaction
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    Sum,
    Value,
    When,
)

from hubro.bookings.models import Booking
from hubro.core.models import Region
from hubro.core.timeutil import day_bounds

from .dbfunctions import Hours, LocalPart

STATE = "state"


def _bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    return day_bounds(start)[0], day_bounds(end)[1]


def present_bookings(start: dt.date, end: dt.date):
    """Bookings that count as presence on local days ``start`` ≤ day ≤ ``end``: checked
    in where the hub releases no-shows (it uses check-in), confirmed otherwise. A
    booking counts on the local day it starts, also when it runs past midnight."""
    lower, upper = _bounds(start, end)
    return Booking.objects.filter(start__gte=lower, start__lt=upper).filter(
        Q(space__hub__release_no_shows=True, checked_in_at__isnull=False)
        | Q(space__hub__release_no_shows=False, status=Booking.Status.CONFIRMED)
    )


def person_days_by_organization(hub, start: dt.date, end: dt.date) -> dict[int, int]:
    """Person-days at ``hub`` from ``start`` to ``end`` (inclusive), per organization id.

    A person-day is one person present on one local day, counted once for the
    organization the booking was made for. The finance app's usage key reads this."""
    inner = (
        present_bookings(start, end)
        .filter(space__hub=hub)
        .annotate(day=LocalPart("start", "date", *_bounds(start, end)))
        .values("organization_id", "person_id", "day")
        .order_by()
        .distinct()
    )
    sql, params = inner.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH t (o, p, d) AS ({sql}) SELECT o, COUNT(*) FROM t GROUP BY o",
            params,
        )
        return {org: days for org, days in cursor.fetchall()}


def _remote():
    """1 when the booking's organization is based outside the hub's region (outside the
    hub's municipality when the hub has no region), else 0."""
    through = Region.municipalities.through
    in_region = Exists(
        through.objects.filter(
            region_id=OuterRef("space__hub__region_id"),
            municipality_id=OuterRef("organization__municipality_id"),
        )
    )
    return Case(
        When(
            space__hub__region__isnull=True,
            then=Case(
                When(organization__municipality_id=F("space__hub__municipality_id"), then=0),
                default=1,
            ),
        ),
        When(in_region, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )


def _scoped(qs, hub_ids, org_id, hub_field="space__hub_id"):
    if hub_ids is not None:
        qs = qs.filter(**{f"{hub_field}__in": list(hub_ids)})
    if org_id is not None:
        qs = qs.filter(organization_id=org_id)
    return qs


def _booking_rows(hub_ids, org_id, start, end):
    """Present bookings of the period as (hub, local day, person, organization, sector,
    remote, local start hour), one row per booking."""
    qs = _scoped(present_bookings(start, end), hub_ids, org_id)
    lower, upper = _bounds(start, end)
    return (
        qs.annotate(
            x_h=F("space__hub_id"),
            x_d=LocalPart("start", "date", lower, upper),
            x_p=F("person_id"),
            x_o=F("organization_id"),
            x_s=F("organization__sector"),
            x_r=_remote(),
            x_hr=LocalPart("start", "hour", lower, upper),
        )
        .values_list("x_h", "x_d", "x_p", "x_o", "x_s", "x_r", "x_hr")
        .order_by()
    )


def live_rows_sql(hub_ids, org_id, start, end) -> tuple[str, list]:
    """SQL for the presence rows (``rollup.COLUMNS``) computed from the bookings: one
    row per hub, local day, person and organization, with the first start hour."""
    sql, params = _booking_rows(hub_ids, org_id, start, end).query.sql_with_params()
    weekday, month = _date_parts("x_d")
    return (
        f"SELECT x_h, x_d, x_p, x_o, x_s, x_r, {weekday}, {month}, MIN(x_hr) "
        f"FROM ({sql}) t GROUP BY x_h, x_d, x_p, x_o, x_s, x_r",
        list(params),
    )


def rolled_rows(hub_ids, org_id, start, end):
    """The ``PresenceDay`` rows of days ``start``–``end`` (as they are: no roll-up),
    in the column order of ``rollup.COLUMNS``."""
    from .models import PresenceDay
    from .rollup import COLUMNS

    return _scoped(
        PresenceDay.objects.filter(day__gte=start, day__lte=end),
        hub_ids,
        org_id,
        hub_field="hub_id",
    ).values_list(*(column.strip() for column in COLUMNS.split(",")))


def rows_sql(hub_ids, org_id, start, end) -> tuple[str, list]:
    """The presence rows of local days ``start``–``end``: past days from the roll-up
    (rolled up first where missing), today and later from the bookings."""
    from . import rollup

    parts, params = [], []
    last_past = min(end, rollup.yesterday())
    if start <= last_past:
        rollup.ensure(start, last_past)
        rolled = rolled_rows(hub_ids, org_id, start, last_past)
        sql, rolled_params = rolled.query.sql_with_params()
        parts.append(sql)
        params += rolled_params
    first_live = max(start, rollup.yesterday() + dt.timedelta(days=1))
    if first_live <= end:
        sql, live_params = live_rows_sql(hub_ids, org_id, first_live, end)
        parts.append(sql)
        params += live_params
    union = " UNION ALL ".join(f"SELECT * FROM ({part}) u{n}" for n, part in enumerate(parts))
    return union, params


def _date_parts(column: str) -> tuple[str, str]:
    """(ISO weekday 1–7, year*100+month) of a date column, spelled for the engine."""
    if connection.vendor == "postgresql":
        return (
            f"CAST(EXTRACT(ISODOW FROM {column}) AS INTEGER)",
            f"CAST(EXTRACT(YEAR FROM {column}) * 100 + EXTRACT(MONTH FROM {column}) AS INTEGER)",
        )
    return (
        f"((CAST(strftime('%%w', {column}) AS INTEGER) + 6) %% 7) + 1",
        f"CAST(strftime('%%Y%%m', {column}) AS INTEGER)",
    )


# key, text dimension, int dimension, second int dimension, value, distinct people
_BRANCHES = [
    "SELECT CAST('pd' AS VARCHAR(20)) AS k, CAST('' AS VARCHAR(20)) AS dt, "
    "CAST(0 AS INTEGER) AS di, CAST(0 AS INTEGER) AS dj, COUNT(*) AS v, "
    "COUNT(DISTINCT p) AS n FROM hpd",
    "SELECT 'pd_sector', s, 0, 0, COUNT(*), COUNT(DISTINCT p) "
    "FROM (SELECT DISTINCT s, h, p, d FROM x) t GROUP BY s",
    "SELECT 'orgs_sector', s, 0, 0, COUNT(DISTINCT o), 0 FROM x GROUP BY s",
    "SELECT 'orgs', '', 0, 0, COUNT(DISTINCT o), 0 FROM x",
    "SELECT 'xsector2', '', 0, 0, COUNT(*), 0 FROM "
    "(SELECT h, d FROM x GROUP BY h, d HAVING COUNT(DISTINCT s) >= 2) t",
    "SELECT 'xsector3', '', 0, 0, COUNT(*), 0 FROM "
    "(SELECT h, d FROM x GROUP BY h, d HAVING COUNT(DISTINCT s) >= 3) t",
    "SELECT 'remote', '', 0, 0, COUNT(*), COUNT(DISTINCT p) "
    "FROM (SELECT DISTINCT h, p, d FROM x WHERE r = 1) t",
    "SELECT 'remote_state', '', 0, 0, COUNT(DISTINCT o), 0 FROM x WHERE r = 1 AND s = 'state'",
    "SELECT 'remote_state_pd', '', 0, 0, COUNT(*), COUNT(DISTINCT p) "
    "FROM (SELECT DISTINCT h, p, d FROM x WHERE r = 1 AND s = 'state') t",
    "SELECT 'weekday', '', w, 0, COUNT(*), COUNT(DISTINCT p) FROM hpd GROUP BY w",
    "SELECT 'hour', '', hr, 0, COUNT(*), COUNT(DISTINCT p) FROM hpd GROUP BY hr",
    "SELECT 'hub', '', h, 0, COUNT(*), COUNT(DISTINCT p) FROM hpd GROUP BY h",
    "SELECT 'hub_month', '', h, m, COUNT(*), COUNT(DISTINCT p) FROM hpd GROUP BY h, m",
    "SELECT 'month', '', m, 0, COUNT(*), COUNT(DISTINCT p) FROM hpd GROUP BY m",
    "SELECT 'state_month', '', m, 0, COUNT(*), COUNT(DISTINCT p) "
    "FROM (SELECT DISTINCT m, h, p, d FROM x WHERE s = 'state') t GROUP BY m",
    "SELECT 'returning', '', 0, 0, COUNT(*), 0 FROM (SELECT p FROM "
    "(SELECT DISTINCT p, rm FROM ret) t GROUP BY p HAVING COUNT(*) >= 3) u",
]


@dataclass
class Count_:
    value: int = 0
    people: int = 0


@dataclass
class Presence:
    """The raw presence counts of one scope and period (before any suppression)."""

    rows: dict = field(default_factory=lambda: defaultdict(Count_))

    def get(self, key: str, dim_text: str = "", dim: int = 0, dim2: int = 0) -> Count_:
        return self.rows.get((key, dim_text, dim, dim2), Count_())

    def by(self, key: str) -> dict:
        return {k[1:]: v for k, v in self.rows.items() if k[0] == key}

    def to_data(self) -> list:
        return [[*key, count.value, count.people] for key, count in self.rows.items()]

    @classmethod
    def from_data(cls, data: list) -> "Presence":
        result = cls()
        for key, dim_text, dim, dim2, value, people in data:
            result.rows[(key, dim_text, dim, dim2)] = Count_(value, people)
        return result


def returning_window(end: dt.date) -> tuple[dt.date, dt.date]:
    """The six calendar months that end with ``end``'s month, up to ``end``."""
    month = end.year * 12 + end.month - 1 - 5
    return dt.date(month // 12, month % 12 + 1, 1), end


def _all_hubs(hub_ids) -> bool:
    from hubro.spaces.models import Hub

    if hub_ids is None:
        return True
    return set(hub_ids) >= set(Hub.objects.values_list("pk", flat=True))


def pairs(hub_ids, org_id, start: dt.date, end: dt.date) -> int:
    """Distinct pairs of organizations present at the same hub on the same day.

    Over all hubs, whole settled years and months come from the ``OrgPair`` roll-up
    (at most some 45,000 pairs a period); the days left over, and every day for a
    subset of the hubs, from a self-join of their distinct (hub, day, organization)
    rows, which go into an indexed temporary table first (a self-join of a CTE gets a
    nested-loop plan on both engines). One organization's scope has no pairs."""
    from . import rollup

    if org_id is not None:
        return 0  # every row of the scope is the same organization
    if _all_hubs(hub_ids):
        periods, ranges = rollup.split_period(start, end)
        rollup.ensure_pairs(periods)
    else:
        periods, ranges = [], [(start, end)]
    parts = []
    table = "insights_tmp_hdo"
    with connection.cursor() as cursor:
        if ranges:
            row_parts, params = [], []
            for first, last in ranges:
                sql, more = rows_sql(hub_ids, None, first, last)
                row_parts.append(f"SELECT * FROM ({sql}) r{len(row_parts)}")
                params += more
            cursor.execute(f"DROP TABLE IF EXISTS {table}")
            cursor.execute(
                f"CREATE TEMPORARY TABLE {table} AS WITH x (h, d, p, o, s, r, w, m, hr) AS "
                f"({' UNION ALL '.join(row_parts)}) SELECT DISTINCT h, d, o FROM x",
                params,
            )
            cursor.execute(f"CREATE INDEX {table}_hdo ON {table} (h, d, o)")
            cursor.execute(f"ANALYZE {table}")
            parts.append(
                f"SELECT a.o AS o1, b.o AS o2 FROM {table} a "
                f"JOIN {table} b ON a.h = b.h AND a.d = b.d AND a.o < b.o"
            )
        if periods:
            numbers = ", ".join(str(int(period)) for period in periods)
            parts.append(f"SELECT org_a, org_b FROM insights_orgpair WHERE period IN ({numbers})")
        if len(parts) == 1:
            # Pairs repeat across periods and hub-days: count each once.
            cursor.execute(f"SELECT COUNT(*) FROM (SELECT DISTINCT * FROM ({parts[0]}) u) t")
        else:
            cursor.execute(f"SELECT COUNT(*) FROM ({' UNION '.join(parts)}) t")
        (count,) = cursor.fetchone()
        if ranges:
            cursor.execute(f"DROP TABLE {table}")
    return int(count)


def presence(hub_ids, org_id, start: dt.date, end: dt.date) -> Presence:
    """Every presence count for hubs ``hub_ids`` (None: all) and organization ``org_id``
    (None: all) on local days ``start``–``end``: the rows are read once (the returning
    window's too, unless it lies inside the period) and counted in process by
    ``engine``."""
    from . import engine

    rows = engine.fetch(hub_ids, org_id, start, end)
    win_start, win_end = returning_window(end)
    if start <= win_start:
        window = rows.since(win_start)
    else:
        window = engine.fetch(hub_ids, org_id, win_start, win_end)
    result = Presence()
    for key, dim_text, dim, dim2, value, people in engine.counts(rows, window):
        result.rows[(key, dim_text, int(dim), int(dim2))] = Count_(int(value), int(people))
    return result


def presence_sql(hub_ids, org_id, start: dt.date, end: dt.date) -> Presence:
    """The same counts as ``presence``, in one SQL statement with a ``COUNT(DISTINCT)``
    pass per count (the pairs from ``pairs``). About ten times slower on a programme
    year; kept as the reference the engine is tested against."""
    rows, params = rows_sql(hub_ids, org_id, start, end)
    win_start, win_end = returning_window(end)
    ret_rows, ret_params = rows_sql(hub_ids, org_id, win_start, win_end)
    sql = (
        f"WITH x (h, d, p, o, s, r, w, m, hr) AS MATERIALIZED ({rows}), "
        # One row per person-day (a person may be there for two organizations).
        "hpd AS MATERIALIZED (SELECT h, p, d, MIN(w) AS w, MIN(m) AS m, MIN(hr) AS hr "
        "FROM x GROUP BY h, p, d), "
        f"ret (h, d, p, o, s, r, w, rm, hr) AS ({ret_rows}) " + " UNION ALL ".join(_BRANCHES)
    )
    result = Presence()
    result.rows[("pairs", "", 0, 0)] = Count_(pairs(hub_ids, org_id, start, end), 0)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *ret_params])
        for key, dim_text, dim, dim2, value, people in cursor.fetchall():
            result.rows[(key, dim_text or "", int(dim or 0), int(dim2 or 0))] = Count_(
                int(value or 0), int(people or 0)
            )
    return result


def _settled_scope(hub_ids, org_id) -> str:
    if _all_hubs(hub_ids):
        hubs = "all"
    else:
        ids = ",".join(str(pk) for pk in sorted(set(hub_ids)))
        hubs = "hubs:" + hashlib.sha256(ids.encode()).hexdigest()[:40]
    return f"{hubs}/{org_id or ''}"


def counts(hub_ids, org_id, start: dt.date, end: dt.date, now: dt.datetime):
    """(presence, booking use) of a scope and period. A period that ended by yesterday
    is settled: its counts are stored in ``SettledFigures`` after the first reading
    and read from there until a booking of one of its days changes."""
    from . import rollup
    from .models import RolledDay, SettledFigures

    settled = end <= rollup.yesterday()
    if settled:
        scope = _settled_scope(hub_ids, org_id)
        stored = SettledFigures.objects.filter(scope=scope, start=start, end=end).first()
        if stored is not None:
            return Presence.from_data(stored.data["presence"]), stored.data["use"]
    pres = presence(hub_ids, org_id, start, end)
    use = booking_use(hub_ids, org_id, start, end, now)
    if settled:
        first = min(start, returning_window(end)[0])
        days = (end - first).days + 1
        try:
            with transaction.atomic():
                # Store only when no day read has changed meanwhile (forget() unmarks it).
                if RolledDay.objects.filter(day__gte=first, day__lte=end).count() == days:
                    SettledFigures.objects.create(
                        scope=scope,
                        start=start,
                        end=end,
                        first=first,
                        data={"presence": pres.to_data(), "use": use},
                    )
        except IntegrityError:
            pass  # another reader stored the same period at the same moment
    return pres, use


def _duration():
    return Hours("start", "end")


def booking_use(hub_ids, org_id, start: dt.date, end: dt.date, now: dt.datetime) -> dict:
    """Booked and checked-in hours per space kind, and the no-show counts at hubs that
    use check-in (bookings that had started by ``now``, not cancelled). Past days of a
    large scope are summed from the per-day roll-up (``RolledDay.use``), the rest is
    read from the bookings."""
    from . import engine, rollup

    sums: dict[str, list] = {}
    last_past = min(end, rollup.yesterday())
    if engine.is_large(hub_ids, org_id) and start <= last_past:
        sums = engine.rolled_use(hub_ids, start, last_past)
        start = last_past + dt.timedelta(days=1)
    if start <= end:
        for kind, row in use_sums(hub_ids, org_id, start, end, now).items():
            total = sums.setdefault(kind, [0.0, 0.0, 0, 0])
            for n, value in enumerate(row):
                total[n] += value
    return {
        kind: {
            "booked": round(booked, 3),
            "checked": round(checked, 3),
            "due": int(due),
            "missed": int(missed),
        }
        for kind, (booked, checked, due, missed) in sums.items()
    }


def use_sums(hub_ids, org_id, start: dt.date, end: dt.date, now: dt.datetime, *, by_day=False):
    """(booked hours, checked-in hours, due, missed) per space kind from the bookings
    of local days ``start``–``end``; per (local day, hub, kind) with ``by_day``."""
    lower, upper = _bounds(start, end)
    qs = _scoped(
        Booking.objects.filter(start__gte=lower, start__lt=upper).exclude(
            status=Booking.Status.CANCELLED
        ),
        hub_ids,
        org_id,
    )
    checkin_due = Q(space__hub__release_no_shows=True, start__lt=now)
    keys = ["space__kind"]
    if by_day:
        qs = qs.annotate(x_d=LocalPart("start", "date", lower, upper))
        keys = ["x_d", "space__hub_id", "space__kind"]
    rows = qs.values(*keys).annotate(
        booked=Sum(_duration()),
        checked=Sum(_duration(), filter=Q(checked_in_at__isnull=False)),
        due=Count("id", filter=checkin_due),
        missed=Count("id", filter=checkin_due & Q(checked_in_at__isnull=True)),
    )
    return {
        (tuple(row[key] for key in keys) if by_day else row["space__kind"]): [
            row["booked"] or 0.0,
            row["checked"] or 0.0,
            row["due"],
            row["missed"],
        ]
        for row in rows.order_by()
    }


def _weekday_counts(first: dt.date, last: dt.date) -> list[int]:
    """How many Mondays, Tuesdays … Sundays lie in ``first``–``last``."""
    days = (last - first).days + 1
    weeks, rest = divmod(days, 7)
    counts = [weeks] * 7
    for n in range(rest):
        counts[(first.weekday() + n) % 7] += 1
    return counts


def open_hours(hubs, start: dt.date, end: dt.date) -> dict[str, float]:
    """Space-hours open per space kind: every active space's opening hours summed over
    the open days of its hub in the period (not before the hub opened). Counted per
    weekday, less the closed days and public holidays on open weekdays, in whole
    seconds."""
    from hubro.spaces.models import norwegian_holidays

    totals: dict[str, float] = defaultdict(float)
    for hub in hubs:
        first = max(start, hub.opened_on) if hub.opened_on else start
        if first > end:
            continue
        weekly = {
            h.weekday: int(
                (
                    dt.datetime.combine(start, h.closes) - dt.datetime.combine(start, h.opens)
                ).total_seconds()
            )
            for h in hub.opening_hours.all()
        }
        days_per_weekday = _weekday_counts(first, end)
        seconds = sum(length * days_per_weekday[wd] for wd, length in weekly.items())
        shut = {c.date for c in hub.closed_days.all() if first <= c.date <= end}
        if hub.observe_public_holidays:
            for year in range(first.year, end.year + 1):
                shut |= {day for day in norwegian_holidays(year) if first <= day <= end}
        seconds -= sum(weekly.get(day.weekday(), 0) for day in shut)
        hours = seconds / 3600
        kinds: dict[str, int] = defaultdict(int)
        for space in hub.spaces.all():
            if space.is_active:
                kinds[space.kind] += 1
        for kind, count in kinds.items():
            totals[kind] += hours * count
    return dict(totals)
