"""Cancelling an event in Chromium: the organizer is asked first and told how many
people will get a message; "no" keeps the event."""

import re

import pytest
from playwright.sync_api import expect

from conftest import axe_violations, sign_in
from hubro.events.actions import register

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_cancelling_an_event_says_how_many_are_told_and_asks_first(
    page, vera, kari, ola, trond, lunch
):
    register(lunch, kari, actor=kari)
    register(lunch, ola, actor=ola)
    register(lunch, trond, actor=trond)  # capacity 2: the waiting list
    sign_in(page, vera.email)
    page.goto(f"/arrangementer/{lunch.pk}/")
    page.get_by_role("link", name="Avlys arrangementet").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Avlyse «Faglunsj")
    expect(page.locator("#told")).to_contain_text("3 personer får beskjed")
    expect(page.locator("#told")).to_contain_text("2 påmeldte, 1 på venteliste")
    assert axe_violations(page) == []
    lunch.refresh_from_db()
    assert lunch.cancelled_at is None

    page.get_by_role("link", name="Nei, behold arrangementet").click()
    expect(page).to_have_url(re.compile(rf"/arrangementer/{lunch.pk}/$"))
    lunch.refresh_from_db()
    assert lunch.cancelled_at is None

    page.get_by_role("link", name="Avlys arrangementet").click()
    page.get_by_role("button", name="Ja, avlys arrangementet").click()
    expect(page.get_by_role("status")).to_contain_text("3 personer får beskjed")
    lunch.refresh_from_db()
    assert lunch.cancelled_at is not None
