"""The event flow in Chromium: a host creates an event, a member signs up, a third
person lands on the waiting list, and the host marks attendance. axe-core finds nothing
grave on any of these pages."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conftest import axe_violations, sign_in
from hubro.events.models import Event, Registration

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_out(page):
    page.get_by_role("button", name="Logg ut").click()


def test_create_register_waitlist_and_mark_attendance(
    page, vera, kari, ola, meeting_room, tomorrow
):
    sign_in(page, vera.email)
    page.goto("/arrangementer/")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Nytt arrangement").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nytt arrangement")
    assert axe_violations(page) == []

    page.get_by_label("Type").select_option("lunch_talk")
    page.get_by_label("Tittel").fill("Faglunsj om kunstig intelligens")
    page.get_by_label("Dato (påkrevd)").fill(tomorrow.isoformat())
    page.get_by_label("Fra (påkrevd)").fill("11:00")
    page.get_by_label("Til (påkrevd)").fill("12:00")
    page.get_by_role("radio", name="På huben").check()
    page.get_by_label("Rom på huben").select_option(str(meeting_room.pk))
    page.get_by_label("Kapasitet").fill("1")
    page.get_by_role("radio", name="Åpent for alle").check()
    page.get_by_role("button", name="Opprett arrangement").click()

    expect(page).to_have_url(re.compile(r"/arrangementer/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Faglunsj om kunstig intelligens")
    assert axe_violations(page) == []
    event = Event.objects.get()
    assert event.booking.space == meeting_room
    sign_out(page)

    sign_in(page, kari.email)
    page.goto(f"/arrangementer/{event.pk}/")
    page.get_by_role("button", name="Meld meg på").click()
    expect(page.locator("#my-status")).to_have_text("Du er påmeldt.")
    assert axe_violations(page) == []
    sign_out(page)

    sign_in(page, ola.email)
    page.goto(f"/arrangementer/{event.pk}/")
    page.get_by_role("button", name="Sett meg på venteliste").click()
    expect(page.locator("#my-status")).to_contain_text("venteliste, som nummer 1")
    assert axe_violations(page) == []
    sign_out(page)
    assert Registration.objects.get(person=ola).status == "waitlisted"

    # The event is under way: from now on its organizer may mark who came.
    Event.objects.filter(pk=event.pk).update(start=timezone.now() - dt.timedelta(minutes=30))
    sign_in(page, vera.email)
    page.goto(f"/arrangementer/{event.pk}/")
    page.get_by_role("link", name="Deltakere, oppmøte og invitasjoner").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Deltakere")
    expect(page.get_by_role("listitem").filter(has_text="Ola Nordmann")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label("Møtte: Kari Nordmann").check()
    page.get_by_role("button", name="Lagre oppmøte").click()
    expect(page.get_by_text("Oppmøte lagret for 1 deltaker.")).to_be_visible()
    assert page.get_by_label("Møtte: Kari Nordmann").is_checked()
    assert axe_violations(page) == []
    assert Registration.objects.get(person=kari).attended is True


def test_a_guest_signs_up_without_an_account(page, make_event):
    event = make_event()
    page.goto(f"/arrangementer/{event.pk}/")
    page.get_by_role("link", name="meld deg på som gjest uten konto").click()
    page.get_by_role("button", name="Meld meg på").click()
    expect(page.get_by_role("alert")).to_contain_text("Navn")
    assert axe_violations(page) == []
    page.get_by_label("Navn").fill("Gunn Gjest")
    page.get_by_label("E-post").fill("gunn@example.org")
    page.get_by_label("Organisasjon").fill("Agder fylkeskommune")
    page.get_by_role("button", name="Meld meg på").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sjekk e-posten din")
    assert axe_violations(page) == []
    from .test_guests import confirm_link

    page.goto(confirm_link("gunn@example.org"))
    page.get_by_role("button", name="Bekreft påmeldingen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Påmeldingen er registrert")
    assert axe_violations(page) == []
