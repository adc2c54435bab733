"""The event form shows only the place fields that fit the kind of place, and a digital
event without a hub gets an error that says what to do."""

import pytest
from playwright.sync_api import expect

from conftest import axe_violations, sign_in
from hubro.events.models import Event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_place_fields_follow_the_kind_of_place(page, vera, meeting_room, tomorrow):
    sign_in(page, vera.email)
    page.goto("/arrangementer/nytt/")
    room, hub = page.get_by_label("Rom på huben"), page.get_by_label("Hub som står bak")
    address, link = page.locator("#id_location"), page.locator("#id_online_url")

    page.get_by_role("radio", name="På huben").check()
    expect(room).to_be_visible()
    for field in (hub, address, link):
        expect(field).to_be_hidden()

    page.get_by_role("radio", name="Digitalt").check()
    expect(room).to_be_hidden()
    expect(address).to_be_hidden()
    expect(hub).to_be_visible()
    expect(link).to_be_visible()

    page.get_by_role("radio", name="Annet sted").check()
    expect(address).to_be_visible()
    expect(link).to_be_hidden()
    assert axe_violations(page) == []

    # A digital event with no hub: the error says what to do.
    page.get_by_label("Type").select_option("lunch_talk")
    page.get_by_label("Tittel").fill("Digital faglunsj")
    page.get_by_label("Dato (påkrevd)").fill(tomorrow.isoformat())
    page.get_by_label("Fra (påkrevd)").fill("11:00")
    page.get_by_label("Til (påkrevd)").fill("12:00")
    page.get_by_role("radio", name="Digitalt").check()
    link.fill("https://video.example.no/faglunsj")
    page.get_by_role("radio", name="Åpent for alle").check()
    page.get_by_role("button", name="Opprett arrangement").click()
    expect(page.locator("#id_hub-error")).to_contain_text("Velg en hub du er vert for")
    expect(hub).to_be_visible()
    assert Event.objects.count() == 0
    assert axe_violations(page) == []

    hub.select_option(str(meeting_room.hub.pk))
    page.get_by_role("button", name="Opprett arrangement").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Digital faglunsj")
    assert Event.objects.get().place == "online"
