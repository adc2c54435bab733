"""axe-core on every page Hubro renders: no serious or critical WCAG 2.1 AA violation."""

import pytest

from conftest import at, axe_violations, sign_in
from hubro.bookings.actions import create_booking

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_sign_in_page_is_accessible(page):
    page.goto("/logg-inn/")
    assert axe_violations(page) == []


def test_the_sign_in_page_with_errors_is_accessible(page, kari):
    page.goto("/logg-inn/")
    page.get_by_label("E-post").fill(kari.email)
    page.get_by_label("Passord").fill("wrong")
    page.get_by_role("button", name="Logg inn").click()
    assert page.get_by_text("Feil e-post eller passord.").count() >= 1
    assert axe_violations(page) == []


def test_the_signed_in_pages_are_accessible(page, vera, desk, meeting_room, tomorrow):
    create_booking(
        space=desk, person=vera, start=at(tomorrow, 9), end=at(tomorrow, 12), actor=vera
    )
    sign_in(page, vera.email)
    for path in [
        "/huber/",
        "/huber/testlab/",
        f"/huber/testlab/?date={tomorrow.isoformat()}",
        f"/huber/testlab/rom/{desk.pk}/book/?date={tomorrow.isoformat()}",
        "/mine-bookinger/",
        "/huber/testlab/logg/",
        "/finnes-ikke/",
    ]:
        page.goto(path)
        assert axe_violations(page) == [], path


def test_the_booking_form_with_errors_is_accessible(page, kari, desk, tomorrow):
    sign_in(page, kari.email)
    page.goto(f"/huber/testlab/rom/{desk.pk}/book/?date={tomorrow.isoformat()}")
    page.get_by_role("button", name="Book", exact=True).click()
    assert page.locator(".ds-error-summary").count() == 1
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", ["nn", "en"])
def test_pages_in_other_languages_are_accessible(page, kari, desk, language):
    sign_in(page, kari.email)
    page.goto("/huber/testlab/")
    page.select_option("#language-select", language)
    page.locator(".hubro-language button").click()
    assert page.locator("html").get_attribute("lang") == language
    assert axe_violations(page) == []
