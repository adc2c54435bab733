"""Recurring bookings: the pattern, booking date by date (skip or fail), cancelling one
date, a range or the rest, through the action, the API and the web."""

import datetime as dt

import holidays
import pytest
from django.utils import timezone

from conftest import ApiClient, at
from hubro.bookings import notifications
from hubro.bookings.actions import (
    SeriesConflict,
    SeriesInvalid,
    create_booking,
)
from hubro.bookings.models import Booking, BookingRule, BookingSeries
from hubro.bookings.recurrence import MAX_OCCURRENCES, Repeat, expand, occurrences_of
from hubro.bookings.tests.series_support import api_series, weekly, weeks
from hubro.core.errors import Invalid
from hubro.core.models import AuditEntry

pytestmark = pytest.mark.django_db

NORWAY = holidays.country_holidays("NO")


# --- The pattern -------------------------------------------------------------------------

MONDAY = dt.date(2027, 3, 15)


@pytest.mark.parametrize(
    ("repeat", "offsets"),
    [
        (Repeat("weekly", count=3), [0, 7, 14]),
        (Repeat("weekly", interval=2, weekdays=(0, 3), count=5), [0, 3, 14, 17, 28]),
        (Repeat("weekly", weekdays=(1,), until=MONDAY + dt.timedelta(days=15)), [1, 8, 15]),
        (Repeat("daily", interval=3, until=MONDAY + dt.timedelta(days=9)), [0, 3, 6, 9]),
        (Repeat("daily", weekdays=(0, 1, 2, 3, 4), count=6), [0, 1, 2, 3, 4, 7]),
        (Repeat("weekly", interval=3, count=2), [0, 21]),
    ],
)
def test_the_pattern_gives_the_dates_of_the_rrule(repeat, offsets):
    assert expand(MONDAY, repeat) == [MONDAY + dt.timedelta(days=n) for n in offsets]


def test_a_series_starts_on_the_first_date_of_its_pattern():
    wednesday = MONDAY + dt.timedelta(days=2)
    dates = expand(wednesday, Repeat("weekly", weekdays=(1, 3), count=3))
    assert dates == [wednesday + dt.timedelta(days=n) for n in (1, 6, 8)]


def test_it_caps_the_number_of_dates():
    assert len(expand(MONDAY, Repeat("daily", count=MAX_OCCURRENCES))) == MAX_OCCURRENCES
    for repeat in [
        Repeat("daily", count=MAX_OCCURRENCES + 1),
        Repeat("daily", until=MONDAY + dt.timedelta(days=MAX_OCCURRENCES)),
    ]:
        with pytest.raises(Invalid) as caught:
            expand(MONDAY, repeat)
        assert caught.value.code == "too_many"


@pytest.mark.parametrize(
    "repeat",
    [
        Repeat("weekly"),
        Repeat("weekly", count=2, until=MONDAY + dt.timedelta(days=30)),
        Repeat("monthly", count=2),
        Repeat("weekly", interval=0, count=2),
        Repeat("weekly", weekdays=(7,), count=2),
        Repeat("weekly", until=MONDAY - dt.timedelta(days=1)),
        Repeat("weekly", count=0),
    ],
)
def test_it_refuses_a_malformed_pattern(repeat):
    with pytest.raises(Invalid) as caught:
        expand(MONDAY, repeat)
    assert caught.value.code == "invalid_repeat"


# --- Booking a series -------------------------------------------------------------------


def test_a_clash_in_the_middle_is_skipped_and_the_rest_booked(space, kari, ola, tuesday):
    dates = weeks(tuesday, 4)
    create_booking(
        space=space, person=ola, start=at(dates[2], 10), end=at(dates[2], 12), actor=ola
    )
    result = weekly(space, kari, tuesday)
    assert [timezone.localtime(b.start).date() for b in result.booked] == [
        dates[0],
        dates[1],
        dates[3],
    ]
    assert [(s.date, s.code) for s in result.skipped] == [(dates[2], "conflict")]
    series = BookingSeries.objects.get()
    assert (series.freq, series.weekdays, series.first_date, series.count) == (
        "weekly",
        [1],
        tuesday,
        4,
    )
    assert set(Booking.objects.filter(person=kari).values_list("series", flat=True)) == {series.pk}
    assert occurrences_of(series) == dates


def test_the_api_reports_booked_and_skipped_dates(space, kari, ola, tuesday):
    dates = weeks(tuesday, 4)
    create_booking(space=space, person=ola, start=at(dates[1], 9), end=at(dates[1], 10), actor=ola)
    response = api_series(kari, space, tuesday, {"freq": "weekly", "weekdays": [1], "count": 4})
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"series", "booked", "skipped"}
    assert body["series"] == BookingSeries.objects.get().pk
    assert [b["start"] for b in body["booked"]] == [
        at(day, 9).isoformat() for day in (dates[0], dates[2], dates[3])
    ]
    assert {frozenset(b) for b in body["booked"]} == {
        frozenset({"id", "space", "start", "end", "status", "purpose", "show_purpose"})
    }
    assert body["skipped"] == [{"start": at(dates[1], 9).isoformat(), "code": "conflict"}]


def test_the_web_form_books_a_series_and_shows_what_was_skipped(client, space, kari, ola, tuesday):
    dates = weeks(tuesday, 4)
    create_booking(space=space, person=ola, start=at(dates[2], 9), end=at(dates[2], 10), actor=ola)
    client.force_login(kari)
    response = client.post(
        f"/huber/testlab/rom/{space.pk}/book/",
        {
            "date": tuesday.isoformat(),
            "start": "09:00",
            "end": "11:00",
            "organization": kari.primary_membership.organization.pk,
            "freq": "weekly",
            "interval": "1",
            "weekdays": ["1"],
            "count": "4",
            "on_conflict": "skip",
        },
        follow=True,
    )
    series = BookingSeries.objects.get()
    assert response.redirect_chain[-1][0] == f"/mine-bookinger/serier/{series.pk}/"
    assert "Booket 3 datoer." in response.text
    skipped = response.context["skipped"]
    assert [(entry["start"].date(), entry["code"]) for entry in skipped] == [
        (dates[2], "conflict")
    ]
    assert "Tidsrommet er allerede booket." in response.text
    assert len(response.context["dates"]) == 3
    # The reasons are shown once; the series page itself stays.
    again = client.get(f"/mine-bookinger/serier/{series.pk}/")
    assert again.status_code == 200 and again.context["skipped"] is None


def test_fail_books_nothing_when_a_date_clashes(space, kari, ola, tuesday):
    dates = weeks(tuesday, 4)
    create_booking(space=space, person=ola, start=at(dates[3], 9), end=at(dates[3], 10), actor=ola)
    with pytest.raises(SeriesConflict) as caught:
        weekly(space, kari, tuesday, on_conflict="fail")
    assert caught.value.code == "conflict" and caught.value.status == 409
    assert [(f.date, f.code) for f in caught.value.failures] == [(dates[3], "conflict")]
    assert not Booking.objects.filter(person=kari).exists()
    assert not BookingSeries.objects.exists()


def test_fail_through_the_api_is_409_listing_the_dates(space, kari, ola, tuesday):
    dates = weeks(tuesday, 3)
    create_booking(space=space, person=ola, start=at(dates[1], 9), end=at(dates[1], 10), actor=ola)
    response = api_series(
        kari, space, tuesday, {"freq": "weekly", "count": 3, "on_conflict": "fail"}
    )
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "conflict" and body["detail"]
    assert body["skipped"] == [{"start": at(dates[1], 9).isoformat(), "code": "conflict"}]
    assert Booking.objects.count() == 1


def test_fail_through_the_web_shows_a_form_error(client, space, kari, ola, tuesday):
    dates = weeks(tuesday, 2)
    create_booking(space=space, person=ola, start=at(dates[1], 9), end=at(dates[1], 10), actor=ola)
    client.force_login(kari)
    response = client.post(
        f"/huber/testlab/rom/{space.pk}/book/",
        {
            "date": tuesday.isoformat(),
            "start": "09:00",
            "end": "11:00",
            "organization": kari.primary_membership.organization.pk,
            "freq": "weekly",
            "interval": "1",
            "count": "2",
            "on_conflict": "fail",
        },
    )
    assert response.status_code == 422
    assert "Ingenting ble booket" in response.text
    assert Booking.objects.count() == 1


def test_a_broken_rule_skips_the_date_with_its_code(desk, kari, tuesday):
    # A weekly series on a Norwegian public holiday's weekday, from the week before it.
    desk.hub.observe_public_holidays = True
    desk.hub.save(update_fields=["observe_public_holidays"])
    holiday = tuesday
    while holiday not in NORWAY:
        holiday += dt.timedelta(days=1)
    dates = weeks(holiday - dt.timedelta(weeks=1), 3)
    closed = [day for day in dates if day in NORWAY]
    response = api_series(kari, desk, dates[0], {"freq": "weekly", "count": 3})
    assert response.status_code == 201
    assert response.json()["skipped"] == [
        {"start": at(day, 9).isoformat(), "code": "holiday"} for day in closed
    ]
    assert len(response.json()["booked"]) == 3 - len(closed)
    refused = api_series(
        kari, desk, dates[0], {"freq": "weekly", "count": 3, "on_conflict": "fail"}, hours=(12, 13)
    )
    assert refused.status_code == 422
    assert refused.json()["code"] == "holiday"
    assert [entry["code"] for entry in refused.json()["skipped"]] == ["holiday"] * len(closed)


def test_when_no_date_can_be_booked_nothing_is(space, kari, tuesday):
    BookingRule.objects.create(hub=space.hub, max_minutes=60)
    with pytest.raises(SeriesInvalid) as caught:
        weekly(space, kari, tuesday, 3)
    assert caught.value.code == "too_long"
    assert len(caught.value.failures) == 3
    assert not BookingSeries.objects.exists()


def test_the_quota_counts_the_dates_of_the_series(space, kari, tuesday):
    BookingRule.objects.create(hub=space.hub, max_future_bookings=2)
    result = weekly(space, kari, tuesday, 4)
    assert len(result.booked) == 2
    assert [s.code for s in result.skipped] == ["quota", "quota"]


def test_a_host_overrides_the_rules_for_a_series_but_not_a_clash(space, vera, ola, tuesday):
    BookingRule.objects.create(hub=space.hub, max_minutes=60)
    dates = weeks(tuesday, 3)
    create_booking(space=space, person=ola, start=at(dates[1], 9), end=at(dates[1], 10), actor=ola)
    result = weekly(space, vera, tuesday, 3, override=True)
    assert [s.code for s in result.skipped] == ["conflict"]
    assert {(b.override_by, tuple(b.overridden_rules)) for b in result.booked} == {
        (vera, ("too_long",))
    }
    entry = AuditEntry.objects.get(action="series.create")
    assert entry.changes["overridden_rules"] == ["too_long"]
    assert entry.changes["skipped"] == [{"date": dates[1].isoformat(), "code": "conflict"}]


def test_a_member_may_not_override_for_a_series(space, kari, tuesday):
    response = api_series(kari, space, tuesday, {"freq": "weekly", "count": 2}, override=True)
    assert response.status_code == 422 and response.json()["code"] == "not_allowed"
    assert not Booking.objects.exists()


def test_count_counts_the_skipped_dates_too(space, kari, ola, tuesday):
    create_booking(space=space, person=ola, start=at(tuesday, 9), end=at(tuesday, 10), actor=ola)
    result = weekly(space, kari, tuesday, 3)
    assert len(result.booked) == 2 and result.series.first_date == tuesday


@pytest.mark.parametrize(
    ("repeat", "code"),
    [
        ({"freq": "weekly", "count": 2, "until": "2099-01-01"}, "invalid_repeat"),
        ({"freq": "weekly"}, "invalid_repeat"),
        ({"freq": "daily", "count": MAX_OCCURRENCES + 1}, "too_many"),
        ({"freq": "yearly", "count": 2}, "invalid"),
        ({"freq": "weekly", "count": 2, "on_conflict": "maybe"}, "invalid"),
    ],
)
def test_the_api_refuses_a_bad_repeat_with_422(space, kari, tuesday, repeat, code):
    response = api_series(kari, space, tuesday, repeat)
    assert response.status_code == 422
    assert response.json()["code"] == code
    assert not Booking.objects.exists()


def test_a_series_with_naive_times_is_422(space, kari, tuesday):
    response = ApiClient(kari).post(
        "/api/v1/bookings",
        {
            "space": space.pk,
            "start": f"{tuesday}T09:00:00",
            "end": f"{tuesday}T10:00:00",
            "repeat": {"freq": "weekly", "count": 2},
        },
    )
    assert response.status_code == 422 and response.json()["code"] == "naive_datetime"


def test_the_web_form_needs_an_end_for_the_series(client, space, kari, tuesday):
    client.force_login(kari)
    response = client.post(
        f"/huber/testlab/rom/{space.pk}/book/",
        {
            "date": tuesday.isoformat(),
            "start": "09:00",
            "end": "11:00",
            "organization": kari.primary_membership.organization.pk,
            "freq": "weekly",
            "interval": "1",
        },
    )
    assert response.status_code == 422
    assert "until" in response.context["form"].errors
    assert not Booking.objects.exists()


def test_a_series_keeps_its_local_hours_across_the_end_of_summer_time(space, kari):
    year = timezone.localdate().year + 1
    last_sunday = max(
        dt.date(year, 10, d) for d in range(25, 32) if dt.date(year, 10, d).weekday() == 6
    )
    first = last_sunday - dt.timedelta(days=12)  # a Tuesday two weeks before
    result = weekly(space, kari, first, 4)
    assert len(result.booked) == 4
    starts = [timezone.localtime(b.start) for b in result.booked]
    assert {(s.hour, s.minute) for s in starts} == {(9, 0)}
    assert {timezone.localtime(b.end).hour for b in result.booked} == {11}
    assert [s.utcoffset() for s in starts] == [dt.timedelta(hours=h) for h in (2, 2, 1, 1)]
    response = ApiClient(kari).get("/api/v1/bookings")
    assert [b["start"][11:] for b in response.json()] == [
        "09:00:00+02:00",
        "09:00:00+02:00",
        "09:00:00+01:00",
        "09:00:00+01:00",
    ]


def test_making_a_series_is_audited_and_notified_after_commit(
    space, kari, tuesday, monkeypatch, django_capture_on_commit_callbacks
):
    calls = []
    monkeypatch.setattr(notifications, "notify", lambda event, ids: calls.append((event, ids)))
    with django_capture_on_commit_callbacks(execute=True):
        result = weekly(space, kari, tuesday, 3)
    assert calls == [("created", [b.pk for b in result.booked])]
    actions = list(AuditEntry.objects.order_by("id").values_list("action", flat=True))
    assert actions == ["booking.create"] * 3 + ["series.create"]
    entry = AuditEntry.objects.get(action="series.create")
    assert entry.changes["booked"] == [d.isoformat() for d in weeks(tuesday, 3)]
    assert entry.hub_id == space.hub_id


def test_the_openapi_schema_describes_repeat_override_and_series(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "delete" in schema["paths"]["/api/v1/series/{series_id}"]
    parameters = schema["paths"]["/api/v1/series/{series_id}"]["delete"]["parameters"]
    assert {p["name"] for p in parameters} == {"series_id", "from", "to"}
    components = schema["components"]["schemas"]
    assert {"repeat", "override"} <= set(components["BookingIn"]["properties"])
    assert set(components["RepeatIn"]["properties"]) == {
        "freq",
        "interval",
        "weekdays",
        "until",
        "count",
        "on_conflict",
    }
    assert set(components["SeriesOut"]["properties"]) == {"series", "booked", "skipped"}
