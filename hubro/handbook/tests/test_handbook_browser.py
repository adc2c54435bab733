"""The handbook in Chromium: a host writes a lesson, saves a draft, publishes it and
finds it again by searching an inflected form; every page passes axe-core."""

import re

import pytest
from playwright.sync_api import expect

from conftest import axe_violations, sign_in
from hubro.handbook.models import Lesson

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_host_writes_publishes_and_finds_a_lesson(page, vera, hub):
    sign_in(page, vera.email)
    menu = page.get_by_role("navigation", name="Hovedmeny")
    menu.locator("summary", has_text="Fellesskap").click()  # the menu's group (issue 15)
    menu.get_by_role("link", name="Håndbok").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Håndbok")
    assert axe_violations(page) == []

    page.get_by_role("link", name="Skriv en erfaring").click()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Lagre utkast").click()
    expect(page.get_by_role("alert")).to_contain_text("Tittel")
    assert axe_violations(page) == []

    page.get_by_label("Tittel").fill("Felles finansiering av huben")
    page.get_by_label("Sammendrag").fill("Alle partnerne betaler sin del av driften.")
    page.get_by_label("Bakgrunn").fill("Prosjektmidlene tok slutt etter tre år.")
    page.get_by_label("Hva vi prøvde").fill("Vi lagde en fordelingsnøkkel for husleien.")
    page.get_by_label("Hva som skjedde").fill("Alle skrev under på finansiering ut 2027.")
    page.get_by_label("Råd").fill("Start samtalen om penger i forprosjektet.")
    page.get_by_label("Tema").select_option(label="Finansiering")
    page.get_by_label("Fase").select_option(label="Forlengelse")
    page.get_by_label("Hub", exact=True).select_option(label="Testlab")
    page.get_by_role("button", name="Lagre utkast").click()

    expect(page).to_have_url(re.compile(r"/handbok/\d+/$"))
    expect(page.get_by_text("Dette er et utkast. Bare du kan se det.")).to_be_visible()
    assert axe_violations(page) == []
    assert Lesson.objects.get().is_draft

    page.get_by_role("button", name="Publiser").click()
    expect(page.get_by_role("status")).to_contain_text("Erfaringen er publisert.")
    assert Lesson.objects.get().is_published
    assert axe_violations(page) == []

    page.get_by_role("link", name="Håndbok").first.click()
    page.get_by_label("Søk i håndboken").fill("finansieringen")
    page.get_by_role("button", name="Søk", exact=True).click()
    expect(page.get_by_role("heading", name="1 treff for «finansieringen»")).to_be_visible()
    expect(page.get_by_role("link", name="Felles finansiering av huben")).to_be_visible()
    assert axe_violations(page) == []

    page.get_by_role("link", name="Mine utkast (0)").click()
    expect(page.get_by_text("Du har ingen utkast.")).to_be_visible()
    assert axe_violations(page) == []


def test_the_new_hub_page_and_the_export_pass_axe(page, write, vera, kari, hub):
    write(vera, title="Forankre i IPR", theme=Lesson.Theme.ANCHORING, hub=hub)
    write(vera, title="Finansiering som varer", theme=Lesson.Theme.FINANCING)
    write(kari, title="Kladd som ingen ser", publish=False)
    sign_in(page, kari.email)
    page.goto("/handbok/ny-hub/")
    expect(page.get_by_role("link", name="Forankre i IPR")).to_be_visible()
    assert axe_violations(page) == []

    page.goto("/handbok/")
    page.get_by_role("link", name="Utskrift og deling").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Håndbok")
    expect(page.get_by_role("link", name="Finansiering som varer")).to_be_visible()
    expect(page.get_by_text("Kladd som ingen ser")).to_have_count(0)
    assert axe_violations(page) == []
    page.emulate_media(media="print")
    expect(page.get_by_role("link", name="Tilbake til håndboken")).to_be_hidden()


def test_searching_works_without_javascript(browser, live_server, write, vera, kari):
    write(vera, title="Alle betaler inn", advice="Sørg for finansiering fra alle.")
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    sign_in(page, kari.email)
    page.goto("/handbok/")
    page.get_by_label("Søk i håndboken").fill("finansieringen")
    page.get_by_label("Tema").select_option(label="Kontinuerlig læring")
    page.get_by_role("button", name="Søk", exact=True).click()
    expect(page.get_by_role("link", name="Alle betaler inn")).to_be_visible()
    context.close()
