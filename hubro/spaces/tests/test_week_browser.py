"""The week view in Chromium: a hub's week shows each space's free times day by day,
a space's week shows busy and free times, and a free time books in one click."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from conftest import at, axe_violations, sign_in
from hubro.bookings.models import Booking
from hubro.bookings.tests.test_checkin import make_booking
from hubro.spaces.week import monday_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_week_of_a_hub_and_of_a_space(page, kari, ola, desk, meeting_room, tomorrow):
    make_booking(desk, ola, at(tomorrow, 9), at(tomorrow, 12))
    monday = monday_of(tomorrow)
    sign_in(page, kari.email)
    page.goto(f"/huber/testlab/?date={tomorrow.isoformat()}")
    page.get_by_role("link", name="Uka", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Testlab: uka")
    expect(page.locator("#week-heading")).to_contain_text(f"Uke {monday.isocalendar().week}")
    table = page.get_by_role("table")
    # Seven day columns after the space column.
    expect(table.locator("thead th")).to_have_count(8)
    desk_row = table.get_by_role("row").filter(has_text="Plass 1")
    column = (tomorrow - monday).days + 1
    cell = desk_row.locator("td").nth(column - 1)
    expect(cell).to_contain_text("07:00–09:00")
    expect(cell).to_contain_text("12:00–18:00")
    assert axe_violations(page) == []

    page.get_by_role("link", name="Neste uke").click()
    expect(page).to_have_url(re.compile(f"date={(monday + dt.timedelta(days=7)).isoformat()}"))
    page.get_by_role("link", name="Forrige uke").click()

    desk_row.get_by_role("link", name="Plass 1", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Plass 1: uka")
    day = page.get_by_role("list", name=re.compile(str(tomorrow.day)))
    expect(day).to_contain_text("Opptatt 09:00–12:00")
    assert axe_violations(page) == []
    day.get_by_role("link", name="Ledig 12:00–18:00: book").click()
    expect(page.get_by_label("Fra")).to_have_value("12:00")
    expect(page.get_by_label("Til")).to_have_value("18:00")
    page.get_by_role("button", name="Book", exact=True).click()
    expect(page.get_by_text("Booket: Plass 1")).to_be_visible()
    assert Booking.objects.filter(person=kari, start=at(tomorrow, 12)).exists()
