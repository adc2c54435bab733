"""The booking flow in Chromium: sign in, find a free desk, book it, see it, cancel it."""

import re

import pytest
from playwright.sync_api import expect

from conftest import axe_violations, sign_in
from hubro.bookings.models import Booking

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_employee_books_a_desk_for_tomorrow_and_cancels_it(page, kari, desk, tomorrow):
    sign_in(page, kari.email)
    page.get_by_role("link", name="Testlab").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Testlab")

    page.get_by_role("link", name="Neste dag").click()
    expect(page.locator("#day-heading")).to_contain_text(str(tomorrow.day))
    page.get_by_role("link", name="Book 07:00–18:00 (Plass 1)").click()

    page.get_by_label("Fra").fill("09:00")
    page.get_by_label("Til").fill("15:00")
    page.get_by_role("button", name="Book", exact=True).click()

    booking = Booking.objects.get()
    expect(page).to_have_url(re.compile(rf"/mine-bookinger/{booking.pk}/$"))
    page.get_by_role("link", name="Mine bookinger").first.click()
    row = page.get_by_role("row").filter(has_text="Plass 1, Testlab")
    expect(row).to_contain_text("09:00–15:00")
    booking = Booking.objects.get()
    assert (booking.person, booking.status) == (kari, "confirmed")

    row.get_by_role("link", name=re.compile("Avbestill")).click()
    page.get_by_role("button", name="Ja, avbestill").click()
    expect(page.get_by_text("Du har ingen kommende bookinger.")).to_be_visible()
    booking.refresh_from_db()
    assert booking.status == "cancelled"


def test_a_taken_slot_is_refused_with_a_clear_message(page, kari, ola, desk, tomorrow):
    from conftest import at
    from hubro.bookings.actions import create_booking

    create_booking(space=desk, person=ola, start=at(tomorrow, 9), end=at(tomorrow, 12), actor=ola)
    sign_in(page, kari.email)
    page.goto(f"/huber/testlab/rom/{desk.pk}/book/?date={tomorrow.isoformat()}")
    page.get_by_label("Fra").fill("10:00")
    page.get_by_label("Til").fill("11:00")
    page.get_by_role("button", name="Book", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("allerede booket")
    assert axe_violations(page) == []
    assert Booking.objects.count() == 1


def test_whole_day_booking_works_without_javascript(browser, live_server, kari, desk, tomorrow):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    sign_in(page, kari.email)
    page.goto(f"/huber/testlab/rom/{desk.pk}/book/?date={tomorrow.isoformat()}")
    page.get_by_label("Hele åpningsdagen").check()
    page.get_by_role("button", name="Book", exact=True).click()
    expect(page.locator("dd").filter(has_text="07:00–18:00")).to_be_visible()
    context.close()


def test_day_navigation_swaps_the_day_with_htmx(page, kari, desk, tomorrow):
    sign_in(page, kari.email)
    page.goto("/huber/testlab/")
    page.get_by_role("link", name="Neste dag").click()
    expect(page).to_have_url(re.compile(f"date={tomorrow.isoformat()}"))
    # The whole page was not reloaded: the header is still the same element.
    assert page.locator("header.hubro-header").count() == 1
    assert page.locator("#day").count() == 1
