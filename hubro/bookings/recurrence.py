"""Recurring bookings: a repeat spec and the dates it stands for.

The expansion follows iCalendar's RRULE (RFC 5545) so that a series can be shown in a
calendar as one event: ``FREQ=DAILY|WEEKLY``, ``INTERVAL``, ``BYDAY`` (weekdays),
``UNTIL`` (inclusive) or ``COUNT``, weeks starting on Monday. ``COUNT`` counts the dates
of the pattern, including those that end up skipped; the first date of a series is the
first date of the pattern on or after the date asked for."""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from django.db.models import Count, Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from hubro.core.errors import Invalid, NotFound
from hubro.core.timeutil import format_day

MAX_OCCURRENCES = 366
MAX_INTERVAL = 52
DAILY, WEEKLY = "daily", "weekly"


@dataclass(frozen=True)
class Repeat:
    """How a booking repeats. Exactly one of ``until`` and ``count`` is set.

    ``weekdays`` (0 = Monday … 6 = Sunday): for weekly series the days of the week it
    falls on (by default the first date's weekday); for daily series, when given, the
    only days it falls on."""

    freq: str
    interval: int = 1
    weekdays: tuple[int, ...] = ()
    until: dt.date | None = None
    count: int | None = None

    @classmethod
    def from_mapping(cls, data: Mapping) -> "Repeat":
        """A spec from the API's or a form's plain values; unknown keys are ignored."""
        until = data.get("until")
        if isinstance(until, str):
            try:
                until = dt.date.fromisoformat(until)
            except ValueError:
                raise Invalid(
                    _("«Til og med» må være en dato."), code="invalid_repeat", field="until"
                ) from None
        return cls(
            freq=data.get("freq") or "",
            interval=data.get("interval") or 1,
            weekdays=tuple(data.get("weekdays") or ()),
            until=until,
            count=data.get("count"),
        )

    def validate(self) -> "Repeat":
        """The spec itself is sound (not yet how many dates it gives)."""
        if self.freq not in (DAILY, WEEKLY):
            raise Invalid(
                _("Velg daglig eller ukentlig gjentakelse."), code="invalid_repeat", field="freq"
            )
        if not isinstance(self.interval, int) or not 1 <= self.interval <= MAX_INTERVAL:
            raise Invalid(
                _("Intervallet må være et helt tall fra 1 til %(max)s.") % {"max": MAX_INTERVAL},
                code="invalid_repeat",
                field="interval",
            )
        if any(not isinstance(day, int) or not 0 <= day <= 6 for day in self.weekdays):
            raise Invalid(
                _("Ukedager er tall fra 0 (mandag) til 6 (søndag)."),
                code="invalid_repeat",
                field="weekdays",
            )
        if (self.until is None) == (self.count is None):
            raise Invalid(
                _("Oppgi enten en sluttdato eller et antall ganger, ikke begge."),
                code="invalid_repeat",
                field="until",
            )
        if self.count is not None and (not isinstance(self.count, int) or self.count < 1):
            raise Invalid(
                _("Antall ganger må være minst 1."), code="invalid_repeat", field="count"
            )
        return self


def _pattern(first: dt.date, repeat: Repeat):
    """Every date of the pattern from ``first``'s week (weekly) or day (daily) on."""
    if repeat.freq == DAILY:
        allowed = set(repeat.weekdays) or set(range(7))
        day = first
        while True:
            if day.weekday() in allowed:
                yield day
            day += dt.timedelta(days=repeat.interval)
    else:
        weekdays = sorted(set(repeat.weekdays) or {first.weekday()})
        monday = first - dt.timedelta(days=first.weekday())
        while True:
            for weekday in weekdays:
                day = monday + dt.timedelta(days=weekday)
                if day >= first:
                    yield day
            monday += dt.timedelta(weeks=repeat.interval)


def expand(first: dt.date, repeat: Repeat, *, limit: int = MAX_OCCURRENCES) -> list[dt.date]:
    """The dates of a series starting on or after ``first``, in order.

    Refuses a spec that gives no date (``invalid_repeat``) or more than ``limit`` dates
    (``too_many``)."""
    repeat.validate()
    if repeat.until is not None and repeat.until < first:
        raise Invalid(
            _("Sluttdatoen kan ikke være før første dato."), code="invalid_repeat", field="until"
        )
    if repeat.count is not None and repeat.count > limit:
        raise _too_many(limit, field="count")
    dates: list[dt.date] = []
    for day in _pattern(first, repeat):
        if repeat.until is not None and day > repeat.until:
            break
        if len(dates) == limit:
            raise _too_many(limit, field="until")
        dates.append(day)
        if repeat.count is not None and len(dates) == repeat.count:
            break
    if not dates:
        raise Invalid(_("Gjentakelsen gir ingen datoer."), code="invalid_repeat", field="weekdays")
    return dates


def _too_many(limit: int, *, field: str) -> Invalid:
    return Invalid(
        _("En serie kan ha høyst %(limit)s datoer. Velg en tidligere sluttdato.")
        % {"limit": limit},
        code="too_many",
        field=field,
    )


def repeat_of(series) -> Repeat:
    """The spec a stored ``BookingSeries`` was made from."""
    return Repeat(
        freq=series.freq,
        interval=series.interval,
        weekdays=tuple(series.weekdays or ()),
        until=series.until,
        count=series.count,
    )


def occurrences_of(series) -> list[dt.date]:
    """Every date of a stored series' pattern, booked, skipped or cancelled alike.

    For calendars: the dates without a confirmed booking are the EXDATEs."""
    return expand(series.first_date, repeat_of(series))


def describe(series) -> str:
    """The pattern in words, e.g. "Annenhver uke (tirsdag, torsdag), til og med 30. juni
    2027"."""
    from hubro.spaces.models import OpeningHours

    names = [str(OpeningHours.Weekday(day).label) for day in sorted(series.weekdays or ())]
    days = ", ".join(names)
    if series.freq == WEEKLY:
        if series.interval == 1:
            text = _("Hver uke (%(days)s)") % {"days": days}
        elif series.interval == 2:
            text = _("Annenhver uke (%(days)s)") % {"days": days}
        else:
            text = _("Hver %(n)s. uke (%(days)s)") % {"n": series.interval, "days": days}
    else:
        if series.interval == 1:
            text = str(_("Hver dag"))
        elif series.interval == 2:
            text = str(_("Annenhver dag"))
        else:
            text = _("Hver %(n)s. dag") % {"n": series.interval}
        if days:
            text = f"{text} ({days})"
    if series.until:
        return _("%(pattern)s, til og med %(until)s") % {
            "pattern": text,
            "until": format_day(series.until, "date"),
        }
    return ngettext(
        "%(pattern)s, %(count)s gang", "%(pattern)s, %(count)s ganger", series.count
    ) % {
        "pattern": text,
        "count": series.count,
    }


# --- Reading series ------------------------------------------------------------------
# Series reads live beside the pattern they describe; they belong with the other reads
# in ``queries.py`` when that module is free to change.


def series_of(person, *, now=None):
    """The person's series that still have a confirmed date ahead, soonest first, each
    annotated with ``upcoming`` (how many) and ``next_start``."""
    from .models import Booking, BookingSeries

    now = now or timezone.now()
    ahead = Q(bookings__status=Booking.Status.CONFIRMED, bookings__end__gt=now)
    return (
        BookingSeries.objects.filter(person=person)
        .annotate(
            upcoming=Count("bookings", filter=ahead),
            next_start=Min("bookings__start", filter=ahead),
        )
        .filter(upcoming__gt=0)
        .select_related("space__hub", "organization")
        .order_by("next_start")
    )


def get_series_for(person, pk):
    """One of the person's own series; anyone else's is not found."""
    from .models import BookingSeries

    series = (
        BookingSeries.objects.filter(pk=pk, person=person)
        .select_related("space__hub", "organization")
        .first()
        if person.is_authenticated
        else None
    )
    if series is None:
        raise NotFound()
    return series
