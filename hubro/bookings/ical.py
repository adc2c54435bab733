"""Bookings as iCalendar: the ``.ics`` attached to emails and each person's private feed.

Times are written in local time with a TZID, and every calendar carries a VTIMEZONE for
the configured zone (``settings.TIME_ZONE``), so that a booking at 09:00 stays at 09:00
on both sides of a daylight-saving change in every client. A recurring series is one
VEVENT with an RRULE and EXDATEs for the dates of its pattern that hold no confirmed
booking (skipped when the series was made, cancelled or released)."""

import datetime as dt
import re
import zoneinfo
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from hubro.core.links import absolute_url
from hubro.core.timeutil import local_datetime, local_tz

from .models import Booking, BookingSeries

PRODID = "-//Hubro//Hubro//NB"
# How far back the feed reaches; older bookings drop out of subscribed calendars.
FEED_DAYS_BACK = 90
# A series without an end is written up to its last booked date, and never past this.
_MAX_OCCURRENCES = 3660
_RRULE_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


# --- The VTIMEZONE ---------------------------------------------------------------------
# Outlook misreads a VTIMEZONE that lists each change with RDATE (what icalendar
# generates) and shifts summer events by an hour. So the zone's current rule, taken
# from the POSIX TZ string at the end of its TZif file (e.g. "CET-1CEST,M3.5.0,M10.5.0/3"),
# is written as two yearly RRULEs, the form Google and Outlook themselves write.
_NAME = r"(?:[A-Za-z]{3,}|<[+\-0-9A-Za-z]+>)"
_OFFSET = r"[+-]?\d{1,2}(?::\d{2}){0,2}"
_WHEN = r"M(\d{1,2})\.([1-5])\.([0-6])(?:/([+-]?\d{1,3}(?::\d{2}){0,2}))?"
_POSIX_TZ = re.compile(rf"^({_NAME})({_OFFSET})(?:({_NAME})({_OFFSET})?,{_WHEN},{_WHEN})?$")


def _seconds(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    parts = [int(part) for part in text.lstrip("+-").split(":")]
    hours, minutes, seconds = [*parts, 0, 0][:3]
    return sign * (hours * 3600 + minutes * 60 + seconds)


def _tzif_footer(key: str) -> str | None:
    """The POSIX TZ string of a zone, or None when its TZif file has none."""
    data = None
    for base in zoneinfo.TZPATH:
        try:
            with open(f"{base}/{key}", "rb") as file:
                data = file.read()
            break
        except OSError:
            continue
    if data is None:
        try:
            package, _sep, name = f"tzdata.zoneinfo/{key}".rpartition("/")
            data = resources.files(package.replace("/", ".")).joinpath(name).read_bytes()
        except (ModuleNotFoundError, OSError, ValueError):
            return None
    if not data.startswith(b"TZif") or data[4:5] < b"2" or not data.endswith(b"\n"):
        return None
    return data[:-1].rsplit(b"\n", 1)[-1].decode("ascii", "replace")


def _nth_weekday(year: int, month: int, week: int, posix_day: int) -> dt.date:
    """POSIX ``Mm.w.d``: the w-th (5 = last) weekday d (0 = Sunday) of the month."""
    weekday = (posix_day - 1) % 7  # to Python's 0 = Monday
    first = dt.date(year, month, 1)
    day = first + dt.timedelta(days=(weekday - first.weekday()) % 7)
    for _week in range(week - 1):
        following = day + dt.timedelta(days=7)
        if following.month != month:
            break
        day = following
    return day


def _observance(component, *, when, offset_from, offset_to, name):
    month, week, posix_day, time = when
    at = _seconds(time) if time else 2 * 3600
    onset = dt.datetime.combine(
        _nth_weekday(1970, int(month), int(week), int(posix_day)), dt.time()
    )
    component.add("dtstart", onset + dt.timedelta(seconds=at))
    component.add("tzoffsetfrom", dt.timedelta(seconds=offset_from))
    component.add("tzoffsetto", dt.timedelta(seconds=offset_to))
    component.add("tzname", name.strip("<>"))
    byday = f"{-1 if week == '5' else int(week)}{_RRULE_DAYS[(int(posix_day) - 1) % 7]}"
    component.add("rrule", {"freq": "yearly", "bymonth": int(month), "byday": byday})
    return component


@lru_cache(maxsize=8)
def vtimezone(key: str) -> Timezone:
    """A VTIMEZONE for an IANA zone, with yearly rules where the zone has them."""
    match = _POSIX_TZ.match(_tzif_footer(key) or "")
    if match is None:
        # No usable rule: let icalendar list the changes one by one.
        return Timezone.from_tzid(key, first_date=dt.date(2000, 1, 1))
    std_name, std_offset, dst_name, dst_offset = match.group(1, 2, 3, 4)
    start, end = match.group(5, 6, 7, 8), match.group(9, 10, 11, 12)
    std = -_seconds(std_offset)  # POSIX counts west of Greenwich as positive
    component = Timezone()
    component.add("tzid", key)
    if dst_name is None:
        standard = TimezoneStandard()
        # An observance's onset is local wall-clock time, without a zone (RFC 5545).
        standard.add("dtstart", dt.datetime(1970, 1, 1))  # noqa: DTZ001
        standard.add("tzoffsetfrom", dt.timedelta(seconds=std))
        standard.add("tzoffsetto", dt.timedelta(seconds=std))
        standard.add("tzname", std_name.strip("<>"))
        component.add_component(standard)
        return component
    for time in (start[3], end[3]):
        if time and not 0 <= _seconds(time) < 24 * 3600:
            return Timezone.from_tzid(key, first_date=dt.date(2000, 1, 1))
    dst = -_seconds(dst_offset) if dst_offset else std + 3600
    component.add_component(
        _observance(TimezoneDaylight(), when=start, offset_from=std, offset_to=dst, name=dst_name)
    )
    component.add_component(
        _observance(TimezoneStandard(), when=end, offset_from=dst, offset_to=std, name=std_name)
    )
    return component


# --- Calendars and events --------------------------------------------------------------
def _zone_key() -> str:
    return getattr(local_tz(), "key", settings.TIME_ZONE)


def _calendar(*, method: str, name: str | None = None) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    if name:
        calendar.add("name", name)
        calendar.add("x-wr-calname", name)
        calendar.add("refresh-interval", dt.timedelta(hours=1), parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", "PT1H")
    key = _zone_key()
    if key != "UTC":
        calendar.add_component(vtimezone(key))
    return calendar


def _local(moment: dt.datetime) -> dt.datetime:
    return timezone.localtime(moment, local_tz())


def _location(hub) -> str:
    return hub.address or ", ".join(part for part in (hub.name, hub.municipality.name) if part)


def _describe(event: Event, booking_or_series, *, now: dt.datetime) -> None:
    space = booking_or_series.space
    hub = space.hub
    event.add("summary", f"{space.name} – {hub.name}")
    event.add("location", _location(hub))
    event.add(
        "description",
        _("Booket i Hubro for %(organization)s.")
        % {"organization": booking_or_series.organization.name},
    )
    event.add("url", absolute_url(reverse("bookings:mine")))
    event.add("dtstamp", now)
    event.add("transp", "OPAQUE")


def _booking_event(booking: Booking, *, now: dt.datetime, cancelled: bool = False) -> Event:
    cancelled = cancelled or booking.status != Booking.Status.CONFIRMED
    event = Event()
    event.add("uid", f"booking-{booking.pk}@hubro")
    event.add("dtstart", _local(booking.start))
    event.add("dtend", _local(booking.end))
    _describe(event, booking, now=now)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    # Each move raised the revision; a cancellation is one revision more.
    event.add("sequence", booking.revision + (1 if cancelled else 0))
    if booking.created_at:
        event.add("created", booking.created_at)
    return event


def booking_ics(booking: Booking, *, cancelled: bool = False) -> bytes:
    """One booking as a calendar to attach to an email: METHOD:PUBLISH for a booking,
    METHOD:CANCEL (same UID, higher SEQUENCE) when it is cancelled or released."""
    booking = (
        Booking.objects.select_related("space__hub__municipality", "organization", "person")
        .filter(pk=booking.pk)
        .first()
        or booking
    )
    cancelled = cancelled or booking.status != Booking.Status.CONFIRMED
    calendar = _calendar(method="CANCEL" if cancelled else "PUBLISH")
    event = _booking_event(booking, now=timezone.now(), cancelled=cancelled)
    # iTIP (RFC 5546) wants an organizer, and for CANCEL the attendee it concerns.
    event.add("organizer", f"mailto:{settings.DEFAULT_FROM_EMAIL}", parameters={"CN": "Hubro"})
    if cancelled:
        event.add(
            "attendee",
            f"mailto:{booking.person.email}",
            parameters={"CN": booking.person.get_full_name(), "PARTSTAT": "DECLINED"},
        )
    calendar.add_component(event)
    return calendar.to_ical()


# --- Series ----------------------------------------------------------------------------
@dataclass
class SeriesPattern:
    """The dates a series' rule makes, from its first real date on."""

    dates: list[dt.date]
    rrule: dict


def series_pattern(series: BookingSeries, *, last_booked: dt.date | None = None) -> SeriesPattern:
    """Expand a series' rule the way RFC 5545 reads the RRULE we write for it.

    Weekly: weeks start on Monday and are counted from the week of the first date;
    daily: every ``interval`` days, limited to ``weekdays`` when there are any. COUNT
    counts the dates of the pattern, booked or not. A series with neither ``until`` nor
    ``count`` ends at its last booked date."""
    weekdays = sorted({int(day) for day in series.weekdays or []})
    interval = max(1, series.interval or 1)
    until = series.until
    if until is None and not series.count:
        until = last_booked or series.first_date
    # A pattern that never matches (say, daily every 7 days on another weekday) must end.
    limit = until or series.first_date + dt.timedelta(weeks=_MAX_OCCURRENCES * interval)
    dates: list[dt.date] = []

    def full() -> bool:
        return bool(series.count and len(dates) >= series.count) or len(dates) >= _MAX_OCCURRENCES

    if series.freq == BookingSeries.Freq.WEEKLY:
        weekdays = weekdays or [series.first_date.weekday()]
        week = series.first_date - dt.timedelta(days=series.first_date.weekday())
        while not full() and week <= limit:
            for weekday in weekdays:
                day = week + dt.timedelta(days=weekday)
                if series.first_date <= day <= limit and not full():
                    dates.append(day)
            week += dt.timedelta(weeks=interval)
    else:
        day = series.first_date
        while not full() and day <= limit:
            if not weekdays or day.weekday() in weekdays:
                dates.append(day)
            day += dt.timedelta(days=interval)

    rrule: dict = {"freq": "weekly" if series.freq == BookingSeries.Freq.WEEKLY else "daily"}
    rrule["interval"] = interval
    if weekdays:
        rrule["byday"] = [_RRULE_DAYS[day] for day in weekdays]
    if series.count and series.until is None:
        rrule["count"] = len(dates)
    elif dates:
        # UNTIL is in UTC when DTSTART has a TZID (RFC 5545 3.3.10); inclusive.
        rrule["until"] = local_datetime(dates[-1], series.start_time).astimezone(dt.UTC)
    rrule["wkst"] = "MO"
    return SeriesPattern(dates=dates, rrule=rrule)


def _series_events(series: BookingSeries, bookings: list[Booking], *, now) -> list[Event]:
    """One VEVENT with RRULE and EXDATEs for the series; any booking of the series
    that the rule does not produce (another date or other hours) stands on its own."""
    confirmed = [b for b in bookings if b.status == Booking.Status.CONFIRMED]
    if not confirmed:
        return []
    last_booked = max(_local(b.start).date() for b in confirmed)
    pattern = series_pattern(series, last_booked=last_booked)
    if not pattern.dates:
        return [_booking_event(b, now=now) for b in confirmed]
    pattern_dates = set(pattern.dates)
    on_pattern: set[dt.date] = set()
    loose: list[Booking] = []
    for booking in confirmed:
        start, end = _local(booking.start), _local(booking.end)
        fits = (
            start.date() in pattern_dates
            and start.date() not in on_pattern
            and start.time() == series.start_time
            and end.time() == series.end_time
            and end.date() == start.date()
        )
        if fits:
            on_pattern.add(start.date())
        else:
            loose.append(booking)

    first = pattern.dates[0]
    event = Event()
    event.add("uid", f"series-{series.pk}@hubro")
    event.add("dtstart", local_datetime(first, series.start_time))
    event.add("dtend", local_datetime(first, series.end_time))
    event.add("rrule", pattern.rrule)
    missing = [day for day in pattern.dates if day not in on_pattern]
    if missing:
        event.add("exdate", [local_datetime(day, series.start_time) for day in missing])
    _describe(event, series, now=now)
    event.add("status", "CONFIRMED")
    # Each cancelled or released date is a revision of the series.
    event.add("sequence", len(bookings) - len(confirmed))
    event.add("created", series.created_at)
    return [event, *(_booking_event(b, now=now) for b in loose)]


def person_feed(person, *, now: dt.datetime | None = None) -> bytes:
    """The person's private calendar: their confirmed bookings from FEED_DAYS_BACK days
    ago on, each single booking one VEVENT and each series one recurring VEVENT.
    Nobody else's booking is ever in it."""
    now = now or timezone.now()
    since = now - dt.timedelta(days=FEED_DAYS_BACK)
    calendar = _calendar(method="PUBLISH", name=_("Hubro – mine bookinger"))
    related = ("space__hub__municipality", "organization")
    singles = (
        Booking.objects.confirmed()
        .filter(person=person, series__isnull=True, end__gte=since)
        .select_related(*related)
        .order_by("start", "pk")
    )
    for booking in singles:
        calendar.add_component(_booking_event(booking, now=now))

    series_ids = (
        Booking.objects.confirmed()
        .filter(person=person, series__isnull=False, end__gte=since)
        .values_list("series_id", flat=True)
        .distinct()
    )
    all_series = (
        BookingSeries.objects.filter(pk__in=list(series_ids))
        .select_related(*related)
        .order_by("first_date", "pk")
    )
    in_series: dict[int, list[Booking]] = {}
    for booking in (
        Booking.objects.filter(person=person, series__in=all_series)
        .select_related(*related)
        .order_by("start", "pk")
    ):
        in_series.setdefault(booking.series_id, []).append(booking)
    for series in all_series:
        for event in _series_events(series, in_series.get(series.pk, []), now=now):
            calendar.add_component(event)
    # The person's event registrations (hubro.events) share the feed.
    from hubro.events.ical import add_registrations

    add_registrations(calendar, person, since=since, now=now)
    return calendar.to_ical()


def calendar_url(person) -> str | None:
    """The absolute address of a person's private feed, or None when none is issued."""
    if not person.calendar_token:
        return None
    path = reverse("calendar:feed", kwargs={"token": person.calendar_token})
    return absolute_url(path)
