"""Calendars: the .ics of one booking, each person's private feed read back by an
independent parser (icalendar + recurring-ical-events) across a DST change, the feed
address on the profile page, and GET /api/v1/me."""

import datetime as dt
import zoneinfo

import icalendar
import pytest
import recurring_ical_events
from django.conf import settings
from django.test import Client
from django.utils import timezone

from conftest import PASSWORD, ApiClient, at, make_person
from hubro.bookings.ical import booking_ics, calendar_url, person_feed, vtimezone
from hubro.bookings.models import Booking, BookingSeries
from hubro.core.models import AuditEntry, Person
from hubro.core.profile_actions import (
    ensure_calendar_token,
    issue_calendar_token,
    revoke_calendar_token,
)

pytestmark = pytest.mark.django_db
OSLO = zoneinfo.ZoneInfo("Europe/Oslo")


def book(space, person, start, end, *, series=None, status=Booking.Status.CONFIRMED):
    extra = {}
    if status == Booking.Status.CANCELLED:
        extra["cancelled_at"] = timezone.now()
    elif status == Booking.Status.RELEASED:
        extra["released_at"] = timezone.now()
    return Booking.objects.create(
        space=space,
        person=person,
        organization=person.primary_membership.organization,
        start=start,
        end=end,
        series=series,
        status=status,
        **extra,
    )


def parse(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


def occurrences(data: bytes, start: dt.date, end: dt.date):
    """Every event instance between two dates, as (local start, local end) in Oslo."""
    events = recurring_ical_events.of(parse(data)).between(start, end)
    return sorted((event.start.astimezone(OSLO), event.end.astimezone(OSLO)) for event in events)


def tuesdays(first: dt.date, last: dt.date):
    day = first + dt.timedelta(days=(1 - first.weekday()) % 7)
    while day <= last:
        yield day
        day += dt.timedelta(weeks=1)


@pytest.fixture
def autumn_series(desk, kari):
    """Kari books the desk every Tuesday 09:00–11:00 from the first Tuesday of October
    to the last Tuesday of November next year: across the end of summer time. One date
    was skipped when the series was made (no row), one was cancelled later."""
    year = timezone.localdate().year + 1
    dates = list(tuesdays(dt.date(year, 10, 1), dt.date(year, 11, 30)))
    series = BookingSeries.objects.create(
        space=desk,
        person=kari,
        organization=kari.primary_membership.organization,
        freq=BookingSeries.Freq.WEEKLY,
        interval=1,
        weekdays=[1],
        first_date=dates[0],
        until=dates[-1],
        start_time=dt.time(9),
        end_time=dt.time(11),
    )
    skipped, cancelled = dates[2], dates[5]
    for day in dates:
        if day == skipped:
            continue
        status = Booking.Status.CANCELLED if day == cancelled else Booking.Status.CONFIRMED
        book(desk, kari, at(day, 9), at(day, 11), series=series, status=status)
    booked = [day for day in dates if day not in (skipped, cancelled)]
    return {"series": series, "dates": dates, "booked": booked, "gone": [skipped, cancelled]}


def test_a_weekly_series_across_the_end_of_summer_time_reads_back_to_exactly_the_bookings(
    kari, autumn_series
):
    feed = person_feed(kari)
    dates = autumn_series["dates"]
    found = occurrences(feed, dates[0] - dt.timedelta(days=7), dates[-1] + dt.timedelta(days=7))

    expected = [(at(day, 9), at(day, 11)) for day in autumn_series["booked"]]
    assert found == expected
    # Same wall clock on both sides of the change, and the change really is inside.
    assert {(start.time(), end.time()) for start, end in found} == {(dt.time(9), dt.time(11))}
    assert {start.utcoffset() for start, _end in found} == {
        dt.timedelta(hours=2),
        dt.timedelta(hours=1),
    }
    assert not {start.date() for start, _end in found} & set(autumn_series["gone"])


def test_the_series_is_one_event_with_a_rule_and_exdates(kari, autumn_series):
    (event,) = parse(person_feed(kari)).walk("VEVENT")
    assert str(event["UID"]) == f"series-{autumn_series['series'].pk}@hubro"
    rule = event["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["TU"]
    assert rule["UNTIL"][0].tzinfo is not None and rule["UNTIL"][0].utcoffset() == dt.timedelta(0)
    assert event["DTSTART"].params["TZID"] == "Europe/Oslo"
    assert event.start == at(autumn_series["dates"][0], 9)
    exdates = event["EXDATE"] if isinstance(event["EXDATE"], list) else [event["EXDATE"]]
    excluded = sorted(when.dt.date() for exdate in exdates for when in exdate.dts)
    assert excluded == sorted(autumn_series["gone"])


@pytest.mark.parametrize(
    ("pattern", "booked_days"),
    [
        # Every second week on Monday and Thursday, five dates counted.
        (
            {"freq": "weekly", "interval": 2, "weekdays": [0, 3], "count": 5},
            [0, 3, 14, 17, 28],
        ),
        # Every day for four days.
        ({"freq": "daily", "interval": 1, "weekdays": [], "count": 4}, [0, 1, 2, 3]),
        # Every third day until day 9.
        ({"freq": "daily", "interval": 3, "weekdays": [], "until": 9}, [0, 3, 6, 9]),
    ],
)
def test_other_patterns_read_back_to_their_bookings(desk, kari, pattern, booked_days):
    year = timezone.localdate().year + 1
    first = dt.date(year, 3, 1)
    first += dt.timedelta(days=-first.weekday())  # a Monday, weeks before summer time
    first += dt.timedelta(weeks=2)
    until = pattern.pop("until", None)
    series = BookingSeries.objects.create(
        space=desk,
        person=kari,
        organization=kari.primary_membership.organization,
        first_date=first,
        until=first + dt.timedelta(days=until) if until is not None else None,
        start_time=dt.time(13, 30),
        end_time=dt.time(15),
        **pattern,
    )
    days = [first + dt.timedelta(days=n) for n in booked_days]
    for day in days[1:]:
        book(desk, kari, at(day, 13, 30), at(day, 15), series=series)
    # The first date was released as a no-show: excluded, and the rule still starts there.
    book(desk, kari, at(days[0], 13, 30), at(days[0], 15), series=series, status="released")

    found = occurrences(
        person_feed(kari), first - dt.timedelta(days=1), days[-1] + dt.timedelta(days=60)
    )
    assert found == [(at(day, 13, 30), at(day, 15)) for day in days[1:]]


def test_a_series_booking_off_the_pattern_still_shows_once(desk, kari, autumn_series):
    # A date the rule does not make (a Wednesday), booked into the series.
    wednesday = autumn_series["dates"][1] + dt.timedelta(days=1)
    book(desk, kari, at(wednesday, 12), at(wednesday, 13), series=autumn_series["series"])
    dates = autumn_series["dates"]
    found = occurrences(person_feed(kari), dates[0], dates[-1] + dt.timedelta(days=1))
    assert (at(wednesday, 12), at(wednesday, 13)) in found
    assert len(found) == len(autumn_series["booked"]) + 1


def test_single_bookings_are_in_the_feed_and_cancelled_or_old_ones_are_not(desk, kari, tomorrow):
    kept = book(desk, kari, at(tomorrow, 9), at(tomorrow, 10))
    book(desk, kari, at(tomorrow, 12), at(tomorrow, 13), status=Booking.Status.CANCELLED)
    old_day = tomorrow - dt.timedelta(days=200)
    book(desk, kari, at(old_day, 9), at(old_day, 10))
    events = parse(person_feed(kari)).walk("VEVENT")
    assert [str(event["UID"]) for event in events] == [f"booking-{kept.pk}@hubro"]


def test_the_feed_has_no_other_persons_bookings(desk, meeting_room, kari, ola, tomorrow):
    mine = book(desk, kari, at(tomorrow, 9), at(tomorrow, 10))
    book(meeting_room, ola, at(tomorrow, 9), at(tomorrow, 10))
    data = person_feed(kari)
    uids = [str(event["UID"]) for event in parse(data).walk("VEVENT")]
    assert uids == [f"booking-{mine.pk}@hubro"]
    assert b"Lyngdal kommune" not in data and b"ola@" not in data


def test_a_booking_ics_parses_with_local_times_and_a_vtimezone(desk, kari, tomorrow):
    booking = book(desk, kari, at(tomorrow, 9, 15), at(tomorrow, 11))
    calendar = parse(booking_ics(booking))
    assert str(calendar["PRODID"]) == "-//Hubro//Hubro//NB"
    assert str(calendar["VERSION"]) == "2.0" and str(calendar["METHOD"]) == "PUBLISH"
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Oslo"
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"booking-{booking.pk}@hubro"
    assert event["DTSTART"].params["TZID"] == "Europe/Oslo"
    assert event.start == at(tomorrow, 9, 15) and event.end == at(tomorrow, 11)
    assert event.start.astimezone(OSLO).time() == dt.time(9, 15)
    assert str(event["STATUS"]) == "CONFIRMED" and int(event["SEQUENCE"]) == 0
    assert str(event["SUMMARY"]) == "Plass 1 – Testlab"
    assert "Lyngdal" in str(event["LOCATION"])
    assert event["DTSTAMP"].dt.utcoffset() == dt.timedelta(0)


def test_a_cancellation_ics_has_the_same_uid_and_a_higher_sequence(desk, kari, tomorrow):
    booking = book(desk, kari, at(tomorrow, 9), at(tomorrow, 10))
    calendar = parse(booking_ics(booking, cancelled=True))
    assert str(calendar["METHOD"]) == "CANCEL"
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"booking-{booking.pk}@hubro"
    assert str(event["STATUS"]) == "CANCELLED" and int(event["SEQUENCE"]) == 1
    assert "kari@nav.test" in str(event["ATTENDEE"])


@pytest.mark.parametrize(
    "key", ["Europe/Oslo", "America/New_York", "Australia/Sydney", "Asia/Tokyo"]
)
def test_the_vtimezone_agrees_with_the_zone_database_hour_by_hour(key):
    data = b"BEGIN:VCALENDAR\r\n" + vtimezone(key).to_ical() + b"END:VCALENDAR\r\n"
    (component,) = icalendar.Calendar.from_ical(data).walk("VTIMEZONE")
    assert "RDATE" not in component.to_ical().decode()  # Outlook misreads RDATE zones
    written = component.to_tz(lookup_tzid=False)  # from the VTIMEZONE, not by its name
    real = zoneinfo.ZoneInfo(key)
    moment = dt.datetime(timezone.now().year, 1, 1, tzinfo=dt.UTC)
    stop = moment.replace(year=moment.year + 2)
    while moment < stop:
        assert moment.astimezone(written).utcoffset() == moment.astimezone(real).utcoffset()
        moment += dt.timedelta(hours=1)  # these zones change on whole UTC hours


# --- The feed address ------------------------------------------------------------------
def test_the_feed_url_serves_text_calendar_without_login(desk, kari, tomorrow):
    book(desk, kari, at(tomorrow, 9), at(tomorrow, 10))
    issue_calendar_token(kari, actor=kari)
    url = calendar_url(kari)
    assert url.startswith("http://") and url.endswith(".ics")
    response = Client().get(url.removeprefix(settings.HUBRO_BASE_URL))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert len(parse(response.content).walk("VEVENT")) == 1


def test_a_revoked_or_replaced_feed_url_is_not_found(kari):
    old = issue_calendar_token(kari, actor=kari)
    assert Client().get(f"/kalender/{old}.ics").status_code == 200
    new = issue_calendar_token(kari, actor=kari)
    assert new != old
    assert Client().get(f"/kalender/{old}.ics").status_code == 404
    assert Client().get(f"/kalender/{new}.ics").status_code == 200
    assert revoke_calendar_token(kari, actor=kari) is True
    assert Client().get(f"/kalender/{new}.ics").status_code == 404
    assert calendar_url(Person.objects.get(pk=kari.pk)) is None
    assert Client().get("/kalender/not-a-token-at-all-xyz.ics").status_code == 404
    actions = list(
        AuditEntry.objects.filter(object_id=str(kari.pk)).values_list("action", flat=True)
    )
    assert sorted(actions) == sorted(["person.calendar_issue"] * 2 + ["person.calendar_revoke"])


def test_someone_else_cannot_issue_or_revoke_my_calendar(kari, ola):
    from hubro.core.errors import NotFound

    with pytest.raises(NotFound):
        issue_calendar_token(kari, actor=ola)
    with pytest.raises(NotFound):
        revoke_calendar_token(kari, actor=ola)


def test_the_profile_page_issues_and_revokes_the_address(kari):
    client = Client()
    client.login(email=kari.email, password=PASSWORD)
    page = client.get("/min-profil/")
    assert page.status_code == 200 and b".ics" not in page.content

    client.post("/min-profil/kalender/ny/")
    kari.refresh_from_db()
    assert kari.calendar_token
    page = client.get("/min-profil/")
    # HUBRO_BASE_URL is not set in the tests: the address is the one the request came to.
    assert f"http://testserver/kalender/{kari.calendar_token}.ics".encode() in page.content

    client.post("/min-profil/kalender/slett/")
    kari.refresh_from_db()
    assert kari.calendar_token is None
    assert client.get("/min-profil/kalender/ny/").status_code == 405


# --- GET /api/v1/me --------------------------------------------------------------------
def test_me_has_email_name_organization_and_a_calendar_url(kari):
    response = ApiClient(kari).get("/api/v1/me")
    assert response.status_code == 200
    body = response.json()
    kari.refresh_from_db()
    assert body == {
        "email": "kari@nav.test",
        "name": "Kari Nordmann",
        "organization": {"orgnr": "889640782", "name": "Arbeids- og velferdsetaten"},
        "calendar_url": f"http://testserver/kalender/{kari.calendar_token}.ics",
    }
    assert body["calendar_url"].endswith(f"/kalender/{kari.calendar_token}.ics")
    # Issued lazily once; asking again gives the same address.
    assert ApiClient(kari).get("/api/v1/me").json()["calendar_url"] == body["calendar_url"]
    assert AuditEntry.objects.filter(action="person.calendar_issue").count() == 1


def test_me_keeps_an_existing_address(kari):
    token = issue_calendar_token(kari, actor=kari)
    assert ensure_calendar_token(kari, actor=kari) == token
    body = ApiClient(kari).get("/api/v1/me").json()
    assert body["calendar_url"].endswith(f"/kalender/{token}.ics")


def test_me_without_an_organization_has_none(nav):
    loner = Person.objects.create_user(email="solo@hubro.test", password=PASSWORD)
    body = ApiClient(loner).get("/api/v1/me").json()
    assert body["organization"] is None and body["name"] == ""


def test_me_needs_a_token():
    assert ApiClient().get("/api/v1/me").status_code == 401


def test_a_colleague_at_the_same_organization_does_not_get_my_bookings(desk, kari, tomorrow):
    book(desk, kari, at(tomorrow, 9), at(tomorrow, 10))
    colleague = make_person("per@nav.test", kari.primary_membership.organization, name="Per")
    feed = person_feed(colleague)
    assert feed.count(b"BEGIN:VEVENT") == 0 and b"BEGIN:VTIMEZONE" in feed
