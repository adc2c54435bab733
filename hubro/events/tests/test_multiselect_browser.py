"""The searchable multi-select for organizers, by keyboard alone, in Chromium: search,
arrow keys and Enter choose organizations, a Tab-reachable button drops one, the event
is saved with them, and axe finds nothing grave with the list open."""

import re

import pytest
from playwright.sync_api import expect

from conftest import axe_violations, sign_in
from hubro.events.models import Event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_choosing_organizers_by_keyboard_only(
    page, vera, nav, lyngdal_kommune, meeting_room, tomorrow
):
    sign_in(page, vera.email)
    page.goto("/arrangementer/nytt/")
    keys = page.keyboard
    title = page.get_by_label("Tittel")
    title.focus()
    keys.type("Faglunsj om deling")
    page.get_by_label("Dato (påkrevd)").fill(tomorrow.isoformat())
    page.get_by_label("Fra (påkrevd)").fill("11:00")
    page.get_by_label("Til (påkrevd)").fill("12:00")
    page.get_by_role("radio", name="På huben").check()
    page.get_by_label("Rom på huben").select_option(str(meeting_room.pk))

    combobox = page.get_by_role("combobox", name="Arrangører")
    combobox.focus()
    expect(combobox).to_have_attribute("aria-expanded", "true")
    keys.type("velferd")
    listbox = page.get_by_role("listbox")
    expect(listbox.get_by_role("option")).to_have_text(["Arbeids- og velferdsetaten"])
    keys.press("ArrowDown")
    keys.press("Enter")
    expect(listbox.get_by_role("option", name="Arbeids- og velferdsetaten")).to_have_attribute(
        "aria-selected", "true"
    )
    assert axe_violations(page) == []

    for _ in "velferd":
        keys.press("Backspace")
    keys.type("lyngdal")
    keys.press("ArrowDown")
    keys.press("Enter")
    keys.press("Escape")
    expect(combobox).to_have_attribute("aria-expanded", "false")
    chosen = page.get_by_role("list", name=re.compile("Valgt"))
    expect(chosen.get_by_role("button")).to_have_count(2)

    # Drop NAV again: Shift+Tab from the field goes back over the chosen items.
    combobox.focus()
    keys.press("Escape")
    keys.press("Shift+Tab")
    keys.press("Shift+Tab")
    expect(page.get_by_role("button", name="Fjern Arbeids- og velferdsetaten")).to_be_focused()
    keys.press("Enter")
    expect(chosen.get_by_role("button")).to_have_count(1)
    expect(combobox).to_be_focused()
    selected = page.locator("select[name=organizers]").evaluate(
        "select => Array.from(select.selectedOptions, o => o.value)"
    )
    assert selected == [str(lyngdal_kommune.pk)]

    keys.press("Escape")
    page.get_by_role("radio", name="Åpent for alle").check()
    page.get_by_role("button", name="Opprett arrangement").focus()
    keys.press("Enter")
    expect(page).to_have_url(re.compile(r"/arrangementer/\d+/$"))
    event = Event.objects.get()
    assert list(event.organizers.all()) == [lyngdal_kommune]
