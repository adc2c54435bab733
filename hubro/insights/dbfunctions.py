"""Database functions that give the same result on SQLite and PostgreSQL without
running Python per row: the local date and hour of a UTC timestamp, and hours between
two timestamps."""

import datetime as dt

from django.db.models import DateField, FloatField, Func, IntegerField
from django.db.models.functions import ExtractHour, TruncDate


def _offsets(lower: dt.datetime, upper: dt.datetime) -> tuple[int, list[tuple[str, int]]]:
    """The local zone's UTC offset (seconds) at ``lower`` and every change up to
    ``upper``, as (UTC instant in SQLite's text format, new offset)."""
    from hubro.core.timeutil import local_tz

    tz = local_tz()
    utc = dt.UTC

    def offset(moment):
        return int(moment.astimezone(tz).utcoffset().total_seconds())

    moment = lower.astimezone(utc).replace(minute=0, second=0, microsecond=0)
    current = offset(moment)
    first, changes = current, []
    step = dt.timedelta(days=1)
    while moment <= upper + step:
        following = moment + step
        if offset(following) != current:
            probe = moment
            while offset(probe) == current:  # find the hour it changed
                probe += dt.timedelta(hours=1)
            current = offset(probe)
            changes.append((probe.strftime("%Y-%m-%d %H:%M:%S"), current))
        moment = following
    return first, changes


class LocalPart(Func):
    """The local date (``part="date"``) or hour (``part="hour"``) of a UTC timestamp
    column. PostgreSQL uses ``AT TIME ZONE`` (Django's TruncDate/ExtractHour); SQLite
    gets the zone's offsets for the period as a CASE, with built-in date functions, so
    no Python runs per row. Both give the same result for instants in
    [``lower``, ``upper``]."""

    def __init__(self, expression, part: str, lower: dt.datetime, upper: dt.datetime):
        output = DateField() if part == "date" else IntegerField()
        super().__init__(expression, output_field=output)
        self.part, self.lower, self.upper = part, lower, upper

    def as_sql(self, compiler, connection, **extra):
        (column,) = self.get_source_expressions()
        django_expr = TruncDate(column) if self.part == "date" else ExtractHour(column)
        return compiler.compile(django_expr)

    def as_sqlite(self, compiler, connection, **extra):
        (column,) = self.get_source_expressions()
        sql, params = compiler.compile(column)
        first, changes = _offsets(self.lower, self.upper)
        case, case_params = "CASE", []
        previous = first
        for instant, new in changes:
            case += f" WHEN {sql} < %s THEN %s"
            case_params += [*params, instant, f"{previous:+d} seconds"]
            previous = new
        if changes:
            case += " ELSE %s END"
            case_params.append(f"{previous:+d} seconds")
        else:
            case, case_params = "%s", [f"{previous:+d} seconds"]
        if self.part == "date":
            return f"date({sql}, {case})", [*params, *case_params]
        return f"CAST(strftime('%%H', {sql}, {case}) AS INTEGER)", [*params, *case_params]


class Hours(Func):
    """Hours from ``start`` to ``end`` as a float, with built-in functions on both
    engines (Django's duration arithmetic runs Python per row on SQLite)."""

    output_field = FloatField()

    def __init__(self, start, end):
        super().__init__(start, end)

    def as_sql(self, compiler, connection, **extra):
        (start, start_params), (end, end_params) = (
            compiler.compile(e) for e in self.get_source_expressions()
        )
        return f"(EXTRACT(EPOCH FROM ({end} - {start})) / 3600.0)", [*end_params, *start_params]

    def as_sqlite(self, compiler, connection, **extra):
        (start, start_params), (end, end_params) = (
            compiler.compile(e) for e in self.get_source_expressions()
        )
        return f"((julianday({end}) - julianday({start})) * 24.0)", [*end_params, *start_params]
