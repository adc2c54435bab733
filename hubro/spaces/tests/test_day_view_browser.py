"""The day view in Chromium: picked with the keyboard alone, a list on a phone, and
no serious accessibility findings in either layout."""

import re

import pytest
from playwright.sync_api import expect

from conftest import at, axe_violations, sign_in
from hubro.bookings.actions import create_booking

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FREE_CELL = "document.activeElement.matches('a.hubro-slot__link')"


def hh_mm(value):
    # The booking form writes times as 10:00:00 today; 10:00 is as good.
    return re.compile(f"^{value}(:00)?$")


def focused_name(page):
    return page.evaluate("document.activeElement.textContent.trim()")


def tab_until_a_free_cell(page, limit=40):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(FREE_CELL):
            return
    raise AssertionError("Tab never reached a free cell")


@pytest.fixture
def busy_day(kari, ola, desk, meeting_room, tomorrow):
    """A desk taken 08:00–10:00 and a room taken 12:00–13:30 tomorrow."""
    create_booking(space=desk, person=ola, start=at(tomorrow, 8), end=at(tomorrow, 10), actor=ola)
    create_booking(
        space=meeting_room, person=ola, start=at(tomorrow, 12), end=at(tomorrow, 13, 30), actor=ola
    )
    return tomorrow


def test_a_free_half_hour_is_picked_with_the_keyboard_alone(page, kari, busy_day):
    sign_in(page, kari.email)
    page.goto(f"/huber/testlab/?date={busy_day.isoformat()}")

    tab_until_a_free_cell(page)
    # The desk table comes first (Space.Kind order: offices, desks, meeting rooms).
    assert focused_name(page) == "Book Plass 1, 07:00–07:30 (ledig)"
    # Arrow keys move along the row, over the busy 08:00–10:00 in one step.
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.textContent").startswith("Opptatt")
    page.keyboard.press("ArrowRight")
    assert focused_name(page) == "Book Plass 1, 10:00–10:30 (ledig)"
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/rom/\d+/book/\?date=.*&start=10:00&end=10:30$"))
    expect(page.get_by_label("Fra")).to_have_value(hh_mm("10:00"))
    expect(page.get_by_label("Til")).to_have_value(hh_mm("10:30"))
    expect(page.locator("input[name=date]")).to_have_value(busy_day.isoformat())


def test_one_tab_leaves_a_table_once_the_arrow_keys_take_over(page, kari, busy_day):
    sign_in(page, kari.email)
    page.goto(f"/huber/testlab/?date={busy_day.isoformat()}")
    tab_until_a_free_cell(page)
    page.keyboard.press("Tab")
    # Straight to the meeting room table, not to the desk's next half hour.
    assert focused_name(page) == "Book Møterom Lister, 07:00–07:30 (ledig)"
    page.keyboard.press("ArrowUp")  # the first row: nowhere to go
    assert focused_name(page) == "Book Møterom Lister, 07:00–07:30 (ledig)"


def test_without_javascript_tab_goes_through_the_half_hours_in_order(
    browser, live_server, kari, busy_day
):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    sign_in(page, kari.email)
    page.goto(f"/huber/testlab/?date={busy_day.isoformat()}")
    tab_until_a_free_cell(page)
    assert focused_name(page) == "Book Plass 1, 07:00–07:30 (ledig)"
    page.keyboard.press("Tab")
    assert focused_name(page) == "Book Plass 1, 07:30–08:00 (ledig)"
    page.keyboard.press("Tab")  # the busy 08:00–10:00 has nothing to focus
    assert focused_name(page) == "Book Plass 1, 10:00–10:30 (ledig)"
    page.keyboard.press("Enter")
    expect(page.get_by_label("Fra")).to_have_value(hh_mm("10:00"))
    context.close()


def test_a_free_period_is_booked_as_a_whole(page, kari, busy_day):
    sign_in(page, kari.email)
    page.goto(f"/huber/testlab/?date={busy_day.isoformat()}")
    page.get_by_role("link", name="Book 10:00–18:00 (Plass 1)").click()
    expect(page.get_by_label("Fra")).to_have_value(hh_mm("10:00"))
    expect(page.get_by_label("Til")).to_have_value(hh_mm("18:00"))


def test_a_day_swapped_in_by_htmx_keeps_focus_is_announced_and_has_arrow_keys(
    page, kari, desk, tomorrow
):
    sign_in(page, kari.email)
    page.goto("/huber/testlab/")
    page.get_by_role("link", name="Neste dag").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"date={tomorrow.isoformat()}"))
    # Focus stays on the button, the new day is announced, the title follows.
    expect(page.locator("#day-announcement")).to_contain_text(str(tomorrow.year))
    assert page.evaluate("document.activeElement.id") == "day-next"
    assert tomorrow.strftime("%Y") in page.title()
    page.locator("table[data-timeline-ready]").first.wait_for()
    tab_until_a_free_cell(page)
    page.keyboard.press("ArrowRight")
    assert focused_name(page) == "Book Plass 1, 07:30–08:00 (ledig)"


def test_a_phone_gets_a_list_instead_of_the_table(browser, live_server, kari, busy_day):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, locale="nb-NO"
    )
    page = context.new_page()
    sign_in(page, kari.email)
    page.goto(f"/huber/testlab/?date={busy_day.isoformat()}")

    expect(page.locator("table.hubro-timeline").first).to_be_hidden()
    expect(page.get_by_role("table")).to_have_count(0)
    expect(page.get_by_role("heading", name="Plass 1")).to_be_visible()
    expect(page.get_by_text("Opptatt: 08:00–10:00")).to_be_visible()
    assert axe_violations(page) == []

    page.get_by_role("link", name="Book 10:00–18:00 (Plass 1)").click()
    expect(page.get_by_label("Fra")).to_have_value(hh_mm("10:00"))
    expect(page.get_by_label("Til")).to_have_value(hh_mm("18:00"))
    context.close()


def test_the_wide_timeline_has_no_serious_accessibility_findings(page, kari, busy_day):
    sign_in(page, kari.email)
    page.goto(f"/huber/testlab/?date={busy_day.isoformat()}")
    expect(page.get_by_role("table", name=re.compile("Åpen kontorplass"))).to_be_visible()
    expect(page.locator("ul.hubro-daylist").first).to_be_hidden()
    assert axe_violations(page) == []
