"""Favourites and "book again" in Chromium: a space marked as a favourite is one click
from "Mine bookinger", and a past booking books again with the same space and times."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conftest import at, axe_violations, sign_in
from hubro.bookings.models import Booking, FavouriteSpace
from hubro.bookings.tests.test_checkin import make_booking

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_favourite_and_book_again(page, kari, desk, meeting_room):
    last_week = timezone.localdate() - dt.timedelta(days=7)
    make_booking(meeting_room, kari, at(last_week, 10), at(last_week, 11, 30))
    sign_in(page, kari.email)

    page.goto(f"/huber/testlab/rom/{desk.pk}/book/")
    page.get_by_role("button", name="Legg til som favoritt").click()
    expect(page.get_by_text("Plass 1 er lagt til i favorittene dine.")).to_be_visible()
    expect(page.get_by_role("button", name="Favoritt")).to_have_attribute("aria-pressed", "true")
    assert FavouriteSpace.objects.filter(person=kari, space=desk).exists()

    page.goto("/mine-bookinger/")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Book Plass 1, Testlab").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Book Plass 1")

    page.goto("/mine-bookinger/")
    past = page.get_by_role("row").filter(has_text="Møterom Lister")
    past.get_by_role("link", name=re.compile("Book igjen")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Book Møterom Lister")
    expect(page.get_by_label("Fra")).to_have_value("10:00")
    expect(page.get_by_label("Til")).to_have_value("11:30")
    # The next same weekday that is still to come: today before 10:00, else next week.
    today = timezone.localdate()
    next_week = today if timezone.localtime().time() < dt.time(10) else today + dt.timedelta(7)
    expect(page.get_by_label("Dato", exact=False).first).to_have_value(next_week.isoformat())
    page.get_by_role("button", name="Book", exact=True).click()
    expect(page.get_by_text("Booket: Møterom Lister")).to_be_visible()
    again = Booking.objects.filter(person=kari, start=at(next_week, 10), end=at(next_week, 11, 30))
    assert again.exists()

    # Unmarking takes it off the list.
    page.goto(f"/huber/testlab/rom/{desk.pk}/book/")
    page.get_by_role("button", name="Favoritt").click()
    page.goto("/mine-bookinger/")
    expect(page.get_by_role("link", name="Book Plass 1, Testlab")).to_have_count(0)
