"""Recurring bookings in Chromium, with and without JavaScript, checked by axe-core."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from conftest import at, axe_violations, sign_in
from hubro.bookings.actions import (
    create_booking,
)
from hubro.bookings.models import Booking
from hubro.bookings.tests.series_support import weekly, weeks

# --- In the browser ---------------------------------------------------------------------


def fill_series_form(page, space, first, *, count="4"):
    page.goto(f"/huber/testlab/rom/{space.pk}/book/?date={first.isoformat()}")
    page.get_by_label("Fra").fill("09:00")
    page.get_by_label("Til").fill("11:00")
    page.get_by_text("Gjenta bookingen på flere datoer").click()  # folded until asked for
    page.get_by_role("combobox", name="Gjentakelse").select_option("weekly")
    page.get_by_role("checkbox", name="tirsdag").check()
    page.get_by_label("Eller antall ganger").fill(count)
    page.get_by_role("button", name="Book", exact=True).click()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_person_books_a_series_sees_the_skipped_date_and_ends_the_series(
    browser, live_server, space, kari, ola, tuesday, javascript
):
    dates = weeks(tuesday, 4)
    create_booking(
        space=space, person=ola, start=at(dates[2], 10), end=at(dates[2], 12), actor=ola
    )
    context = browser.new_context(
        base_url=live_server.url, locale="nb-NO", java_script_enabled=javascript
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    sign_in(page, kari.email)
    fill_series_form(page, space, tuesday)

    expect(page).to_have_url(re.compile(r"/mine-bookinger/serier/\d+/$"))
    skipped = page.get_by_role("region", name="1 dato ble ikke booket")
    expect(skipped).to_contain_text("Tidsrommet er allerede booket.")
    expect(page.get_by_role("table", name="Datoene i serien").get_by_role("row")).to_have_count(4)
    if javascript:
        assert axe_violations(page) == []
        page.goto("/mine-bookinger/")
        expect(page.get_by_role("table", name=re.compile("Gjentatte bookinger"))).to_contain_text(
            "Hver uke (tirsdag), 4 ganger"
        )
        assert axe_violations(page) == []
        page.get_by_role("link", name=re.compile("Vis og avbestill datoer")).click()

    page.get_by_label("Ja, jeg vil avbestille alle kommende datoer").check()
    page.get_by_role("button", name="Avbestill resten av serien").click()
    expect(page.get_by_text("Serien har ingen kommende datoer.")).to_be_visible()
    assert not Booking.objects.filter(person=kari, status="confirmed").exists()
    context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_booking_form_with_series_errors_is_accessible(page, space, vera, tuesday):
    sign_in(page, vera.email)
    fill_series_form(page, space, tuesday, count="")
    assert page.locator(".ds-error-summary").count() == 1
    assert page.get_by_role("checkbox", name="Overstyr reglene").count() == 1
    assert axe_violations(page) == []
    page.goto(f"/mine-bookinger/serier/{weekly(space, vera, tuesday, 2).series.pk}/")
    page.get_by_label("Fra og med").fill(tuesday.isoformat())
    page.get_by_label("Til og med").fill((tuesday - dt.timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Avbestill datoene").click()
    assert page.locator(".ds-error-summary").count() == 1
    assert axe_violations(page) == []
