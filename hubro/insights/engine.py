"""Exact presence counts computed in process, on columns (numpy).

The database hands over the presence rows of a period once, packed into three integers
a row (past days from the ``PresenceDay`` roll-up, today and later from the bookings);
every count of ``Presence`` is then worked out here, exactly, with one sort for the
person-days and bitmaps (boolean arrays indexed by dense ids) for every distinct count.
Before, the database made some fifteen ``COUNT(DISTINCT person)`` passes over the same
rows, each as costly as reading them; here the whole set of counts costs about as much
as one sort (docs/performance.md, "Indicators").

The results are the same as ``queries.presence_sql``, key for key, which the tests
check on hand-built and generated worlds."""

import datetime as dt
import itertools
import zlib

import numpy as np
from django.db import connection

from hubro.core.models import Organization
from hubro.spaces.models import Space

# A bitmap of groups × items is used up to this many cells (bytes); a sort beyond it.
BITMAP_LIMIT = 64_000_000
SECTORS = list(Organization.Sector.values)
STATE = SECTORS.index(Organization.Sector.STATE.value)
# Packing of one row into three integers (see ``_fetch``).
DAY_BITS = 12  # day offsets within a period: MAX_DAYS + the returning window < 4096
SECTOR_CODES = 8  # the sectors, and one code for an unknown value
HOURS = 32
# Scopes of at most this many hubs (or one organization) read their rows through the
# indexes of PresenceDay rather than every hub's packed columns.
SMALL_SCOPE = 5


def _packed_sql(rows: str, params: list, start: dt.date) -> tuple[str, list]:
    """SQL that packs presence rows (``rollup.COLUMNS`` order: hub, day, person,
    organization, sector, remote, weekday, month, first hour) into three integers:
    hub << 12 | day offset from ``start``, person, and
    ((organization × 8 + sector code) × 2 + remote) × 32 + first hour."""
    if connection.vendor == "postgresql":
        offset, offset_params = "(d - CAST(%s AS DATE))", [start]
        big = "BIGINT"
    else:
        offset = "CAST(julianday(d) - julianday(%s) AS INTEGER)"
        offset_params, big = [start.isoformat()], "INTEGER"
    sector = (
        "CASE s "
        + " ".join(f"WHEN '{name}' THEN {code}" for code, name in enumerate(SECTORS))
        + f" ELSE {len(SECTORS)} END"
    )
    # A CTE names the columns on both engines (SQLite takes no column list on a
    # derived table).
    sql = (
        f"WITH t (h, d, p, o, s, r, w, m, hr) AS ({rows}) "
        f"SELECT CAST(h AS {big}) * {1 << DAY_BITS} + {offset}, p, "
        f"((CAST(o AS {big}) * {SECTOR_CODES} + {sector}) * 2 + r) * {HOURS} + hr FROM t"
    )
    return sql, [*params, *offset_params]


def _read(sql: str, params: list) -> np.ndarray:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return np.fromiter(
        itertools.chain.from_iterable(rows), dtype=np.int64, count=3 * len(rows)
    ).reshape(-1, 3)


def pack(first: dt.date, last: dt.date) -> dict[dt.date, bytes]:
    """The ``PresenceDay`` rows of each day ``first``–``last``, packed (zlib over
    little-endian int64 columns, day offset 0) for ``RolledDay.columns``."""
    from .queries import rolled_rows

    sql, params = rolled_rows(None, None, first, last).query.sql_with_params()
    packed = _read(*_packed_sql(sql, list(params), first))
    offset = packed[:, 0] & ((1 << DAY_BITS) - 1)
    packed[:, 0] -= offset
    order = np.argsort(offset, kind="stable")
    packed, offset = packed[order], offset[order]
    days = (last - first).days + 1
    bounds = np.searchsorted(offset, np.arange(days + 1))
    return {
        first + dt.timedelta(days=n): zlib.compress(
            packed[bounds[n] : bounds[n + 1]].astype("<i8").tobytes(), 1
        )
        for n in range(days)
    }


def _unpack(data) -> np.ndarray:
    return np.frombuffer(zlib.decompress(data), dtype="<i8").reshape(-1, 3)


def _rolled(start: dt.date, first: dt.date, last: dt.date) -> np.ndarray:
    """The packed rows of past days ``first``–``last`` (rolled up first where needed)
    from ``RolledDay.columns``, with day offsets from ``start``."""
    from . import rollup
    from .models import RolledDay

    rollup.ensure(first, last)
    stored = list(
        RolledDay.objects.filter(day__gte=first, day__lte=last)
        .order_by("day")
        .values_list("day", "columns")
    )
    missing = [day for day, data in stored if data is None]
    if missing:
        fresh = rollup.repack(missing)
        stored = [(day, fresh[day][0] if day in fresh else data) for day, data in stored]
    parts = [_unpack(data) for _day, data in stored]
    if not parts:
        return np.zeros((0, 3), dtype=np.int64)
    packed = np.concatenate(parts)
    packed[:, 0] += np.repeat(
        np.array([(day - start).days for day, _data in stored], dtype=np.int64),
        [len(part) for part in parts],
    )
    return packed


class Rows:
    """The presence rows of a period as columns: hub, day offset (from ``start``),
    person, organization, sector code, remote (0/1), first hour."""

    def __init__(self, start: dt.date, end: dt.date, packed: np.ndarray):
        self.start, self.end = start, end
        first = packed[:, 0]
        self.hub = first >> DAY_BITS
        self.day = first & ((1 << DAY_BITS) - 1)
        self.person = packed[:, 1]
        rest = packed[:, 2]
        self.hour = rest % HOURS
        rest //= HOURS
        self.remote = rest % 2
        rest //= 2
        self.sector = rest % SECTOR_CODES
        self.org = rest // SECTOR_CODES

    def __len__(self):
        return len(self.person)

    def since(self, first: dt.date) -> "Rows":
        """The rows of days from ``first`` on (a later start in the same period)."""
        keep = self.day >= (first - self.start).days
        sub = Rows.__new__(Rows)
        sub.start, sub.end = first, self.end
        shift = (first - self.start).days
        for name in ("hub", "day", "person", "hour", "remote", "sector", "org"):
            setattr(sub, name, getattr(self, name)[keep])
        sub.day = sub.day - shift
        return sub


def is_large(hub_ids, org_id) -> bool:
    """Whether a scope reads the packed per-day roll-up rather than the indexes."""
    return org_id is None and (hub_ids is None or len(hub_ids) > SMALL_SCOPE)


KINDS = list(Space.Kind.values)


def pack_use(first: dt.date, last: dt.date) -> dict[dt.date, bytes]:
    """Booking use of each past day ``first``–``last`` per hub and space kind, packed
    (zlib over float64 rows: hub, kind, booked hours, checked-in hours, due, missed)
    for ``RolledDay.use``. Past bookings have all started, so all are due."""
    from django.utils import timezone

    from .queries import use_sums

    days: dict[dt.date, list] = {}
    sums = use_sums(None, None, first, last, timezone.now(), by_day=True)
    for (day, hub, kind), row in sums.items():
        if isinstance(day, str):
            day = dt.date.fromisoformat(day)
        days.setdefault(day, []).append([hub, KINDS.index(kind), *row])
    return {
        first + dt.timedelta(days=n): zlib.compress(
            np.array(days.get(first + dt.timedelta(days=n), []), dtype="<f8").tobytes(), 1
        )
        for n in range((last - first).days + 1)
    }


def rolled_use(hub_ids, first: dt.date, last: dt.date) -> dict[str, list]:
    """(booked, checked-in hours, due, missed) per space kind of past days
    ``first``–``last`` from ``RolledDay.use`` (rolled up first where needed)."""
    from . import rollup
    from .models import RolledDay

    rollup.ensure(first, last)
    stored = list(
        RolledDay.objects.filter(day__gte=first, day__lte=last).values_list("day", "use")
    )
    missing = [day for day, data in stored if data is None]
    if missing:
        fresh = rollup.repack(missing)
        stored = [(day, fresh.get(day, (None, data))[1]) for day, data in stored]
    parts = [np.frombuffer(zlib.decompress(data), dtype="<f8") for _day, data in stored]
    rows = np.concatenate(parts).reshape(-1, 6) if parts else np.zeros((0, 6))
    if hub_ids is not None:
        rows = rows[np.isin(rows[:, 0].astype(np.int64), list(hub_ids))]
    out = {}
    for code in np.unique(rows[:, 1].astype(np.int64)):
        mine = rows[rows[:, 1] == code]
        booked, checked, due, missed = mine[:, 2:].sum(axis=0)
        out[KINDS[code]] = [float(booked), float(checked), int(due), int(missed)]
    return out


def fetch(hub_ids, org_id, start: dt.date, end: dt.date) -> Rows:
    """The presence rows of a scope and period. Past days of a large scope come from
    the packed columns of ``RolledDay`` (a few hundred reads a year); one
    organization's or a few hubs' from ``PresenceDay`` through its indexes; today and
    later from the bookings."""
    from . import rollup
    from .queries import live_rows_sql, rows_sql

    small = not is_large(hub_ids, org_id)
    last_past = min(end, rollup.yesterday())
    if small or start > last_past:
        return Rows(start, end, _read(*_packed_sql(*rows_sql(hub_ids, org_id, start, end), start)))
    parts = [_rolled(start, start, last_past)]
    if hub_ids is not None:
        parts[0] = parts[0][np.isin(parts[0][:, 0] >> DAY_BITS, list(hub_ids))]
    if last_past < end:
        live = live_rows_sql(hub_ids, None, last_past + dt.timedelta(days=1), end)
        parts.append(_read(*_packed_sql(*live, start)))
    return Rows(start, end, np.concatenate(parts))


# --- Distinct counts ---------------------------------------------------------------------


def _dense(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(the distinct values, sorted; each value's index among them). Ids are mostly
    small integers, so a lookup table usually beats a sort."""
    if not len(values):
        return values[:0], values
    low, high = int(values.min()), int(values.max())
    if high - low >= BITMAP_LIMIT:
        return np.unique(values, return_inverse=True)
    present = np.zeros(high - low + 1, dtype=bool)
    present[values - low] = True
    index = np.cumsum(present) - 1
    return np.flatnonzero(present) + low, index[values - low]


def _set(keys: np.ndarray, size: int) -> np.ndarray:
    """The distinct ``keys`` (0 ≤ key < size), sorted."""
    if size <= BITMAP_LIMIT:
        seen = np.zeros(size, dtype=bool)
        seen[keys] = True
        return np.flatnonzero(seen)
    return np.unique(keys)


def _distinct_per_group(group: np.ndarray, item: np.ndarray, groups: int, items: int):
    """How many distinct ``item`` each group 0…groups-1 has (both dense ids)."""
    if not len(group):
        return np.zeros(groups, dtype=np.int64)
    if groups * items <= BITMAP_LIMIT:
        seen = np.zeros(groups * items, dtype=bool)
        seen[group * items + item] = True
        return np.count_nonzero(seen.reshape(groups, items), axis=1)
    keys = np.unique(group * items + item)
    return np.bincount(keys // items, minlength=groups)


def _distinct(item: np.ndarray, items: int) -> int:
    """How many distinct ``item`` (dense ids below ``items``)."""
    return len(_set(item, items))


def _pairs(hub_day: np.ndarray, org: np.ndarray, orgs: int) -> int:
    """Distinct pairs of organizations present on the same hub-day (dense ids)."""
    if orgs < 2 or not len(org):
        return 0
    hub_days = int(hub_day.max()) + 1
    if hub_days * orgs <= BITMAP_LIMIT:
        # One bitset of hub-days per organization; a pair met when the AND of their
        # bitsets is not empty (some 45,000 pairs × 200 words a programme year).
        present = np.zeros((hub_days + (-hub_days) % 64, orgs), dtype=bool)
        present[hub_day, org] = True
        bits = np.ascontiguousarray(np.packbits(present, axis=0).T).view(np.uint64)
        return sum(
            int(np.count_nonzero((bits[a] & bits[a + 1 :]).any(axis=1))) for a in range(orgs - 1)
        )
    keys = _set(hub_day * orgs + org, hub_days * orgs)  # distinct (hub-day, org)
    groups, members = keys // orgs, keys % orgs
    starts = np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]])
    sizes = np.diff(np.r_[starts, len(keys)])
    position = np.arange(len(keys)) - np.repeat(starts, sizes)
    partners = np.repeat(sizes, sizes) - position - 1  # members after this one in its group
    total = int(partners.sum())
    if not total:
        return 0
    left = np.repeat(np.arange(len(keys)), partners)
    step = np.arange(total) - np.repeat(np.cumsum(partners) - partners, partners)
    right = left + 1 + step
    # Within a group the members are sorted, so members[left] < members[right].
    return _distinct(members[left] * orgs + members[right], orgs * orgs)


def counts(rows: Rows, window: Rows) -> list[tuple]:
    """Every presence count of ``queries.presence_sql`` as (key, text dimension, int
    dimension, second int dimension, value, distinct people) rows, from the period's
    rows and the returning window's rows."""
    out: list[tuple] = []
    months_of_day = np.array(
        [
            (d.year * 100 + d.month)
            for d in (
                rows.start + dt.timedelta(days=n) for n in range((rows.end - rows.start).days + 1)
            )
        ],
        dtype=np.int64,
    )
    weekday_of_day = (np.arange(len(months_of_day)) + rows.start.isoweekday() - 1) % 7 + 1
    if not len(rows):
        out.append(("pd", "", 0, 0, 0, 0))
        for key in ("orgs", "xsector2", "xsector3", "remote", "remote_state"):
            out.append((key, "", 0, 0, 0, 0))
        out.append(("remote_state_pd", "", 0, 0, 0, 0))
        out.append(("returning", "", 0, 0, _returning(window), 0))
        out.append(("pairs", "", 0, 0, 0, 0))
        return out
    hubs, hub = _dense(rows.hub)
    people, person = _dense(rows.person)
    orgs, org = _dense(rows.org)
    n_hubs, n_people, n_orgs, n_days = len(hubs), len(people), len(orgs), len(months_of_day)
    sector = rows.sector
    # Person-days: one per (hub, day, person), whatever the organizations.
    hub_day = hub * n_days + rows.day
    hpd_keys, hpd = np.unique(hub_day * n_people + person, return_inverse=True)
    n_hpd = len(hpd_keys)
    hpd_person = hpd_keys % n_people
    hpd_hub_day = hpd_keys // n_people
    hpd_hub, hpd_day = hpd_hub_day // n_days, hpd_hub_day % n_days
    hpd_hour = np.full(n_hpd, HOURS, dtype=np.int64)
    np.minimum.at(hpd_hour, hpd, rows.hour)

    out.append(("pd", "", 0, 0, n_hpd, n_people))
    # Per sector: person-days (distinct sector, hub, person, day) and people.
    sector_pd = _distinct_per_group(sector, hpd, SECTOR_CODES, n_hpd)
    sector_people = _distinct_per_group(sector, person, SECTOR_CODES, n_people)
    sector_orgs = _distinct_per_group(sector, org, SECTOR_CODES, n_orgs)
    for code in np.flatnonzero(sector_orgs):
        name = SECTORS[code] if code < len(SECTORS) else ""
        out.append(("pd_sector", name, 0, 0, int(sector_pd[code]), int(sector_people[code])))
        out.append(("orgs_sector", name, 0, 0, int(sector_orgs[code]), 0))
    out.append(("orgs", "", 0, 0, n_orgs, 0))
    # Hub-days with two or three sectors present.
    hd_ids, hd = _dense(hub_day)
    sectors_per_hd = _distinct_per_group(hd, sector, len(hd_ids), SECTOR_CODES)
    out.append(("xsector2", "", 0, 0, int((sectors_per_hd >= 2).sum()), 0))
    out.append(("xsector3", "", 0, 0, int((sectors_per_hd >= 3).sum()), 0))
    # Organizations based elsewhere.
    remote = rows.remote == 1
    out.append(
        ("remote", "", 0, 0, _distinct(hpd[remote], n_hpd), _distinct(person[remote], n_people))
    )
    remote_state = remote & (sector == STATE)
    out.append(("remote_state", "", 0, 0, _distinct(org[remote_state], n_orgs), 0))
    out.append(
        (
            "remote_state_pd",
            "",
            0,
            0,
            _distinct(hpd[remote_state], n_hpd),
            _distinct(person[remote_state], n_people),
        )
    )
    # Person-days by weekday, first hour, hub, hub and month, month.
    month_ids, month_index = _dense(months_of_day)
    hpd_month = month_index[hpd_day]
    n_months = len(month_ids)
    for key, group, groups, dims in (
        ("weekday", weekday_of_day[hpd_day], 8, lambda g: (g, 0)),
        ("hour", hpd_hour, HOURS + 1, lambda g: (g, 0)),
        ("hub", hpd_hub, n_hubs, lambda g: (int(hubs[g]), 0)),
        (
            "hub_month",
            hpd_hub * n_months + hpd_month,
            n_hubs * n_months,
            lambda g: (int(hubs[g // n_months]), int(month_ids[g % n_months])),
        ),
        ("month", hpd_month, n_months, lambda g: (int(month_ids[g]), 0)),
    ):
        days = np.bincount(group, minlength=groups)
        who = _distinct_per_group(group, hpd_person, groups, n_people)
        for g in np.flatnonzero(days):
            out.append((key, "", *dims(g), int(days[g]), int(who[g])))
    # State employees' person-days per month.
    state = sector == STATE
    state_hpd = np.zeros(n_hpd, dtype=bool)
    state_hpd[hpd[state]] = True
    state_days = np.bincount(hpd_month[state_hpd], minlength=n_months)
    state_people = _distinct_per_group(
        month_index[rows.day[state]], person[state], n_months, n_people
    )
    for g in np.flatnonzero(state_days):
        out.append(
            ("state_month", "", int(month_ids[g]), 0, int(state_days[g]), int(state_people[g]))
        )
    out.append(("returning", "", 0, 0, _returning(window), 0))
    out.append(("pairs", "", 0, 0, _pairs(hd, org, n_orgs), 0))
    return out


def _returning(window: Rows) -> int:
    """People present in at least three of the window's calendar months."""
    if not len(window):
        return 0
    month_of_day = np.array(
        [
            (window.start + dt.timedelta(days=n)).year * 12
            + (window.start + dt.timedelta(days=n)).month
            for n in range((window.end - window.start).days + 1)
        ],
        dtype=np.int64,
    )
    month = month_of_day[window.day] - month_of_day[0]
    people, person = _dense(window.person)
    months = int(month_of_day[-1] - month_of_day[0]) + 1
    seen = _distinct_per_group(person, month, len(people), months)
    return int((seen >= 3).sum())
