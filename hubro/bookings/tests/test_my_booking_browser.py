"""One booking in fewer steps, in Chromium: check in from "Mine bookinger" and from the
booking's own page, add it to a calendar (.ics read back with icalendar), and cancel it
only after saying yes."""

import datetime as dt
import re

import icalendar
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conftest import at, axe_violations, sign_in
from hubro.bookings.models import Booking
from hubro.bookings.tests.test_checkin import make_booking

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_check_in_from_my_bookings_during_the_window(page, kari, meeting_room, desk, tomorrow):
    now = timezone.now().replace(microsecond=0)
    today = make_booking(
        meeting_room, kari, now - dt.timedelta(minutes=5), now + dt.timedelta(hours=1)
    )
    later = make_booking(desk, kari, at(tomorrow, 9), at(tomorrow, 11))
    sign_in(page, kari.email)
    page.goto("/mine-bookinger/")
    today_row = page.get_by_role("row").filter(has_text="Møterom Lister")
    tomorrow_row = page.get_by_role("row").filter(has_text="Plass 1")
    # Tomorrow's window is not open: no check-in there.
    expect(tomorrow_row.get_by_role("button", name=re.compile("Sjekk inn"))).to_have_count(0)
    assert axe_violations(page) == []

    today_row.get_by_role("button", name=re.compile("Sjekk inn")).click()
    expect(page).to_have_url(re.compile(r"/mine-bookinger/$"))
    alert = page.locator(".ds-alert").filter(has_text="Du er sjekket inn")
    expect(alert).to_be_visible()
    # The message writes the date in words, never as 2026-12-07.
    expect(alert).not_to_contain_text(timezone.localdate().isoformat())
    expect(today_row).to_contain_text("Sjekket inn kl.")
    expect(today_row.get_by_role("button", name=re.compile("Sjekk inn"))).to_have_count(0)
    today.refresh_from_db()
    later.refresh_from_db()
    assert today.checked_in_at is not None
    assert later.checked_in_at is None


def test_the_confirmation_page_offers_check_in(page, kari, meeting_room):
    now = timezone.now().replace(microsecond=0)
    start = now + dt.timedelta(minutes=10)
    sign_in(page, kari.email)
    booking = make_booking(meeting_room, kari, start, start + dt.timedelta(minutes=30))
    page.goto(f"/mine-bookinger/{booking.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Møterom Lister")
    page.get_by_role("button", name="Sjekk inn").click()
    expect(page.get_by_text("Du er sjekket inn")).to_be_visible()
    booking.refresh_from_db()
    assert booking.checked_in_at is not None


def test_booking_lands_on_a_confirmation_with_a_calendar_file(page, kari, desk, tomorrow):
    sign_in(page, kari.email)
    page.goto(f"/huber/testlab/rom/{desk.pk}/book/?date={tomorrow.isoformat()}")
    page.get_by_label("Fra").fill("09:00")
    page.get_by_label("Til").fill("11:30")
    page.get_by_role("button", name="Book", exact=True).click()
    booking = Booking.objects.get()
    expect(page).to_have_url(re.compile(rf"/mine-bookinger/{booking.pk}/$"))
    expect(page.get_by_text("Booket: Plass 1")).to_be_visible()
    assert axe_violations(page) == []

    with page.expect_download() as info:
        page.get_by_role("link", name=re.compile("Legg i kalender")).click()
    calendar = icalendar.Calendar.from_ical(info.value.path().read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert event["uid"] == f"booking-{booking.pk}@hubro"
    assert event.decoded("dtstart") == at(tomorrow, 9)
    assert event.decoded("dtend") == at(tomorrow, 11, 30)
    assert "Plass 1" in str(event["summary"])
    assert str(event["status"]) == "CONFIRMED"


def test_another_persons_calendar_file_is_not_found(page, kari, ola, desk, tomorrow):
    booking = make_booking(desk, ola, at(tomorrow, 9), at(tomorrow, 10))
    sign_in(page, kari.email)
    response = page.request.get(f"/mine-bookinger/{booking.pk}/kalender.ics")
    assert response.status == 404


def test_cancelling_asks_first_and_no_keeps_the_booking(page, kari, desk, tomorrow):
    booking = make_booking(desk, kari, at(tomorrow, 9), at(tomorrow, 10))
    sign_in(page, kari.email)
    page.goto("/mine-bookinger/")
    row = page.get_by_role("row").filter(has_text="Plass 1")
    row.get_by_role("link", name=re.compile("Avbestill")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Avbestille bookingen?")
    assert axe_violations(page) == []
    booking.refresh_from_db()
    assert booking.status == "confirmed"

    page.get_by_role("link", name="Nei, behold bookingen").click()
    expect(page).to_have_url(re.compile(r"/mine-bookinger/$"))
    booking.refresh_from_db()
    assert booking.status == "confirmed"

    row.get_by_role("link", name=re.compile("Avbestill")).click()
    page.get_by_role("button", name="Ja, avbestill").click()
    expect(page.get_by_text("Du har ingen kommende bookinger.")).to_be_visible()
    booking.refresh_from_db()
    assert booking.status == "cancelled"


def test_the_booking_form_folds_repeats_away_and_whole_day_follows_the_times(
    page, kari, desk, tomorrow
):
    sign_in(page, kari.email)
    page.goto(f"/huber/testlab/rom/{desk.pk}/book/?date={tomorrow.isoformat()}")
    expect(page.get_by_label("Gjentakelse")).to_be_hidden()
    whole_day = page.get_by_label("Hele åpningsdagen")
    whole_day.check()
    expect(page.get_by_label("Fra")).to_have_value("07:00")
    expect(page.get_by_label("Til")).to_have_value("18:00")
    page.get_by_label("Til").fill("12:00")
    expect(whole_day).not_to_be_checked()
    page.get_by_label("Til").fill("18:00")
    expect(whole_day).to_be_checked()
    assert axe_violations(page) == []

    page.get_by_text("Gjenta bookingen på flere datoer").click()
    expect(page.get_by_label("Gjentakelse")).to_be_visible()
    page.get_by_label("Gjentakelse").select_option("daily")
    page.get_by_label("Eller antall ganger").fill("2")
    page.get_by_role("button", name="Book", exact=True).click()
    expect(page.get_by_text("Booket 2 datoer.")).to_be_visible()
    assert Booking.objects.filter(person=kari).count() == 2
