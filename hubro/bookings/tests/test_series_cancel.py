"""Cancelling recurring bookings: one date, a range or the rest; action, API, web."""

import datetime as dt

import pytest
from django.utils import timezone

from conftest import ApiClient
from hubro.bookings import notifications
from hubro.bookings.actions import (
    cancel_booking,
    cancel_series,
)
from hubro.bookings.models import Booking
from hubro.bookings.tests.series_support import confirmed_dates, weeks
from hubro.core.models import AuditEntry

pytestmark = pytest.mark.django_db


# --- Cancelling -------------------------------------------------------------------------


def test_cancel_one_date_of_a_series(series, kari, tuesday):
    second = series.bookings.order_by("start")[1]
    response = ApiClient(kari).delete(f"/api/v1/bookings/{second.pk}")
    assert response.status_code == 204
    dates = weeks(tuesday, 5)
    assert confirmed_dates(series) == [dates[0], *dates[2:]]


def test_cancel_a_range_of_a_series(series, kari, tuesday):
    dates = weeks(tuesday, 5)
    cancelled = cancel_series(series, from_date=dates[1], to_date=dates[2], actor=kari)
    assert [timezone.localtime(b.start).date() for b in cancelled] == dates[1:3]
    assert confirmed_dates(series) == [dates[0], dates[3], dates[4]]


def test_cancel_the_rest_of_a_series_through_the_api(series, kari, tuesday):
    dates = weeks(tuesday, 5)
    response = ApiClient(kari).delete(f"/api/v1/series/{series.pk}?from={dates[3].isoformat()}")
    assert response.status_code == 204
    assert confirmed_dates(series) == dates[:3]


def test_cancel_a_range_through_the_api(series, kari, tuesday):
    dates = weeks(tuesday, 5)
    response = ApiClient(kari).delete(
        f"/api/v1/series/{series.pk}?from={dates[0].isoformat()}&to={dates[1].isoformat()}"
    )
    assert response.status_code == 204
    assert confirmed_dates(series) == dates[2:]


def test_cancel_the_whole_series_through_the_api(series, kari):
    assert ApiClient(kari).delete(f"/api/v1/series/{series.pk}").status_code == 204
    assert confirmed_dates(series) == []


def test_someone_elses_series_is_404(series, ola):
    client = ApiClient(ola)
    assert client.delete(f"/api/v1/series/{series.pk}").status_code == 404
    assert client.delete("/api/v1/series/999999").status_code == 404
    assert len(confirmed_dates(series)) == 5


def test_a_range_that_ends_before_it_starts_is_422(series, kari, tuesday):
    response = ApiClient(kari).delete(
        f"/api/v1/series/{series.pk}?from={tuesday + dt.timedelta(days=7)}&to={tuesday}"
    )
    assert response.status_code == 422 and response.json()["code"] == "invalid_range"
    bad = ApiClient(kari).delete(f"/api/v1/series/{series.pk}?from=soon")
    assert bad.status_code == 422 and bad.json()["code"] == "invalid"


def test_dates_already_over_are_left_alone(series, kari):
    first = series.bookings.order_by("start").first()
    Booking.objects.filter(pk=first.pk).update(
        start=timezone.now() - dt.timedelta(hours=3), end=timezone.now() - dt.timedelta(hours=1)
    )
    cancelled = cancel_series(series, actor=kari)
    assert len(cancelled) == 4
    first.refresh_from_db()
    assert first.status == "confirmed"


def test_cancelling_is_audited_and_notified_after_commit(
    series, kari, tuesday, monkeypatch, django_capture_on_commit_callbacks
):
    calls = []
    monkeypatch.setattr(notifications, "notify", lambda event, ids: calls.append((event, ids)))
    dates = weeks(tuesday, 5)
    with django_capture_on_commit_callbacks(execute=True):
        cancelled = cancel_series(series, from_date=dates[3], actor=kari)
        one = cancel_booking(series.bookings.order_by("start").first(), actor=kari)
    assert calls == [("cancelled", [b.pk for b in cancelled]), ("cancelled", [one.pk])]
    entry = AuditEntry.objects.get(action="series.cancel")
    assert entry.changes == {
        "from": dates[3].isoformat(),
        "to": None,
        "cancelled": [d.isoformat() for d in dates[3:]],
    }
    assert AuditEntry.objects.filter(action="booking.cancel").count() == 3
    # Cancelling again changes nothing and is not logged.
    assert cancel_series(series, from_date=dates[3], actor=kari) == []
    assert AuditEntry.objects.filter(action="series.cancel").count() == 1


def test_my_bookings_shows_the_series(client, series, kari):
    client.force_login(kari)
    response = client.get("/mine-bookinger/")
    assert f"/mine-bookinger/serier/{series.pk}/" in response.text
    assert "Hver uke (tirsdag), 5 ganger" in response.text


def test_the_web_cancels_a_range_then_the_rest(client, series, kari, tuesday):
    dates = weeks(tuesday, 5)
    client.force_login(kari)
    url = f"/mine-bookinger/serier/{series.pk}/avbestill/"
    response = client.post(
        url, {"cancel-from_date": dates[1].isoformat(), "cancel-to_date": dates[2].isoformat()}
    )
    assert response.status_code == 302
    assert confirmed_dates(series) == [dates[0], dates[3], dates[4]]
    response = client.post(url, {"rest": "1"}, follow=True)
    assert "Ingenting er avbestilt." in response.text  # the rest asks to be confirmed
    assert confirmed_dates(series) == [dates[0], dates[3], dates[4]]
    response = client.post(url, {"rest": "1", "confirm": "1"}, follow=True)
    assert "Avbestilt 3 datoer." in response.text
    assert confirmed_dates(series) == []
    assert "Serien har ingen kommende datoer." in response.text


def test_the_web_cancels_one_date_and_returns_to_the_series(client, series, kari):
    booking = series.bookings.order_by("start")[2]
    client.force_login(kari)
    response = client.post(
        f"/mine-bookinger/{booking.pk}/avbestill/",
        {"next": f"/mine-bookinger/serier/{series.pk}/"},
    )
    assert response["Location"] == f"/mine-bookinger/serier/{series.pk}/"
    booking.refresh_from_db()
    assert booking.status == "cancelled"
    outside = client.post(
        f"/mine-bookinger/{series.bookings.order_by('start')[3].pk}/avbestill/",
        {"next": "https://evil.example/"},
    )
    assert outside["Location"] == "/mine-bookinger/"


def test_the_web_shows_a_bad_range_as_a_form_error(client, series, kari, tuesday):
    client.force_login(kari)
    response = client.post(
        f"/mine-bookinger/serier/{series.pk}/avbestill/",
        {
            "cancel-from_date": (tuesday + dt.timedelta(days=7)).isoformat(),
            "cancel-to_date": tuesday.isoformat(),
        },
    )
    assert response.status_code == 422
    assert "Til-datoen kan ikke være før fra-datoen." in response.text
    assert len(confirmed_dates(series)) == 5


def test_someone_elses_series_page_is_404(client, series, ola):
    client.force_login(ola)
    assert client.get(f"/mine-bookinger/serier/{series.pk}/").status_code == 404
    assert (
        client.post(f"/mine-bookinger/serier/{series.pk}/avbestill/", {"rest": "1"}).status_code
        == 404
    )
    assert len(confirmed_dates(series)) == 5
