"""The foundation's acceptance walk-through, on the demo data, in Chromium:
ansatt@demo.hubro.test books an open desk at RegionLab Lister for tomorrow 09:00–15:00,
sees it under "My bookings" and cancels it."""

import re

import pytest
from playwright.sync_api import expect

from conftest import axe_violations, sign_in
from hubro.bookings.models import Booking
from hubro.core.demo import DEMO_PASSWORD, build_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_demo_employee_books_and_cancels_a_desk_for_tomorrow(page, places, tomorrow):
    build_demo()
    sign_in(page, "ansatt@demo.hubro.test", DEMO_PASSWORD)
    page.get_by_role("link", name="RegionLab Lister").click()
    page.get_by_role("link", name="Neste dag").click()
    expect(page.locator("#day-heading")).to_contain_text(str(tomorrow.day))
    assert axe_violations(page) == []

    desks = page.get_by_role("table", name=re.compile("Åpen kontorplass"))
    free_desk = desks.get_by_role("row").filter(
        has=page.get_by_role("link", name=re.compile("Book"))
    )
    free_desk.first.get_by_role("link").first.click()
    page.get_by_label("Fra").fill("09:00")
    page.get_by_label("Til").fill("15:00")
    page.get_by_role("button", name="Book", exact=True).click()

    expect(page).to_have_url(re.compile(r"/mine-bookinger/\d+/$"))
    booking = Booking.objects.filter(person__email="ansatt@demo.hubro.test").latest("created_at")
    page.goto("/mine-bookinger/")
    assert booking.space.kind == "desk" and booking.space.hub.slug == "regionlab-lister"
    row = page.get_by_role("row").filter(has_text=f"{booking.space.name}, RegionLab Lister")
    expect(row.filter(has_text="09:00–15:00")).to_have_count(1)

    row.filter(has_text="09:00–15:00").get_by_role("link", name=re.compile("Avbestill")).click()
    page.get_by_role("button", name="Ja, avbestill").click()
    expect(page.get_by_role("status")).to_contain_text("Avbestilt")
    booking.refresh_from_db()
    assert booking.status == "cancelled"
