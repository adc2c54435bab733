"""A recurring event: one ``Event`` per date, each with its own registrations.

Weekly dates come from the booking app's recurrence (``hubro.bookings.recurrence``);
monthly dates fall on the same weekday of the same week of the month as the first
(the second Tuesday, say; a fifth week counts as the month's last), the way monthly
meetings are set. The pattern is stored on ``EventSeries.rule`` as an RRULE."""

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from hubro.bookings.recurrence import Repeat, expand
from hubro.core.audit import record
from hubro.core.errors import DomainError, Invalid
from hubro.core.timeutil import local_date, local_datetime, local_tz

from ..models import Event, EventSeries
from .events import create_event

MAX_DATES = 52
WEEKLY, MONTHLY = "weekly", "monthly"
_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


@dataclass
class SeriesResult:
    series: EventSeries
    created: list[Event]
    skipped: list[tuple[dt.date, DomainError]] = field(default_factory=list)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    first = dt.date(year, month, 1)
    day = first + dt.timedelta(days=(weekday - first.weekday()) % 7)
    if nth >= 5:
        while (day + dt.timedelta(days=7)).month == month:
            day += dt.timedelta(days=7)
        return day
    return day + dt.timedelta(weeks=nth - 1)


def series_dates(
    first: dt.date, freq: str, *, interval: int = 1, count: int | None = None, until=None
) -> list[dt.date]:
    """The dates of a series from ``first``: weekly or monthly, every ``interval``
    weeks or months, ``count`` times or until a date (inclusive), at most MAX_DATES."""
    if (count is None) == (until is None):
        raise Invalid(
            _("Oppgi enten en sluttdato eller et antall ganger, ikke begge."),
            code="invalid_repeat",
            field="count",
        )
    if count is not None and not 1 <= count <= MAX_DATES:
        raise Invalid(
            _("En serie kan ha fra 1 til %(max)s datoer.") % {"max": MAX_DATES},
            code="too_many",
            field="count",
        )
    if not 1 <= interval <= 12:
        raise Invalid(
            _("Intervallet må være fra 1 til 12."), code="invalid_repeat", field="interval"
        )
    if freq == WEEKLY:
        return expand(
            first,
            Repeat(freq="weekly", interval=interval, count=count, until=until),
            limit=MAX_DATES,
        )
    if freq != MONTHLY:
        raise Invalid(_("Velg ukentlig eller månedlig."), code="invalid_repeat", field="freq")
    if until is not None and until < first:
        raise Invalid(
            _("Sluttdatoen kan ikke være før første dato."), code="invalid_repeat", field="until"
        )
    nth = 5 if (first + dt.timedelta(days=7)).month != first.month else (first.day - 1) // 7 + 1
    dates, year, month = [], first.year, first.month
    while True:
        day = _nth_weekday(year, month, first.weekday(), nth)
        if until is not None and day > until:
            break
        if len(dates) == MAX_DATES:
            raise Invalid(
                _("En serie kan ha høyst %(max)s datoer.") % {"max": MAX_DATES},
                code="too_many",
                field="until",
            )
        dates.append(day)
        if count is not None and len(dates) == count:
            break
        month += interval
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return dates


def _rule(first: dt.date, freq: str, interval: int, count, until) -> str:
    parts = [f"FREQ={freq.upper()}", f"INTERVAL={interval}"]
    if freq == MONTHLY:
        nth = (
            -1 if (first + dt.timedelta(days=7)).month != first.month else (first.day - 1) // 7 + 1
        )
        parts.append(f"BYDAY={nth}{_DAYS[first.weekday()]}")
    parts.append(f"COUNT={count}" if count else f"UNTIL={until:%Y%m%d}")
    return ";".join(parts)


def create_event_series(
    *,
    actor,
    freq: str,
    interval: int = 1,
    count: int | None = None,
    until: dt.date | None = None,
    organizers=(),
    override: bool = False,
    **fields,
) -> SeriesResult:
    """Create one event per date of the pattern, at the first event's local hours.

    A date whose room is taken or whose booking rules fail is skipped and reported; a
    series with no date left is refused (the first date's error). Audited as
    ``event.series_create`` and ``event.create`` per date."""
    start, end = fields.get("start"), fields.get("end")
    if start is None or end is None or end <= start:
        raise Invalid(_("Slutt må være etter start."), code="invalid_range", field="end")
    first = local_date(start)
    dates = series_dates(first, freq, interval=interval, count=count, until=until)
    start_time = start.astimezone(local_tz()).time()
    length = end - start
    deadline = fields.get("registration_deadline")
    lead = (start - deadline) if deadline else None
    with transaction.atomic():
        series = EventSeries.objects.create(
            title=fields.get("title", "")[:200],
            rule=_rule(first, freq, interval, count, until),
            created_by=actor,
        )
        created, skipped = [], []
        for day in dates:
            day_start = local_datetime(day, start_time)
            day_fields = {**fields, "start": day_start, "end": day_start + length}
            if lead is not None:
                day_fields["registration_deadline"] = day_start - lead
            try:
                with transaction.atomic():
                    created.append(
                        create_event(
                            actor=actor,
                            organizers=organizers,
                            series=series,
                            override=override,
                            **day_fields,
                        )
                    )
            except DomainError as exc:
                skipped.append((day, exc))
        if not created:
            raise skipped[0][1]
        record(
            actor,
            "event.series_create",
            series,
            changes={"rule": series.rule, "created": len(created), "skipped": len(skipped)},
        )
    return SeriesResult(series=series, created=created, skipped=skipped)
