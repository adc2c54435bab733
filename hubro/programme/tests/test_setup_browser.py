"""The acceptance walk-through of issue 17, parts 1 and 2: the demo's programme owner
sets up a programme and a pilot (a phase, a local goal, a steering group) in Hubro's own
pages, records a steering group meeting whose decision grants money to a sub-project,
and the pilot's budget page shows the grant. Every new page passes axe-core (no serious
or critical findings).

The demo server is shared by the session: this test works on a programme and pilot of
its own (slugs that nothing else uses)."""

import re

import pytest
from playwright.sync_api import expect

from conftest import axe_violations

pytestmark = pytest.mark.browser

OWNER = "departement@demo.hubro.test"
SECRETARY = "vert@demo.hubro.test"


def _accessible(page, where):
    found = axe_violations(page)
    assert found == [], f"{where}: {found}"


def _field(page, label):
    """A form field by its label, required or not (a required label ends in a hidden
    "(påkrevd)")."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \(påkrevd\))?$"))


def _save(page, name="Lagre"):
    page.get_by_role("button", name=name).click()


def test_the_owner_sets_up_a_programme_and_the_budget_shows_a_grant(demo_page):
    page = demo_page(OWNER)
    page.goto("/program/")
    page.get_by_role("link", name="Nytt program").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nytt program")
    _accessible(page, "new programme")

    _field(page, "Navn").fill("Distriktskontor 2026")
    _field(page, "Kortnavn").fill("distriktskontor-17a")
    _field(page, "Programeier").select_option(index=1)
    _field(page, "Start").fill("2026-01-01")
    _field(page, "Slutt").fill("2028-12-31")
    _field(page, "Budsjett (kr)").fill("3000000")
    _save(page, "Opprett programmet")
    expect(page).to_have_url(re.compile(r"/program/distriktskontor-17a/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Distriktskontor 2026")
    expect(page.get_by_text("3\u00a0000\u00a0000\u00a0kr")).to_be_visible()
    _accessible(page, "programme page")

    page.get_by_role("link", name="Roller").click()
    _accessible(page, "roles")
    page.go_back()

    page.get_by_role("link", name="Ny pilot").click()
    _accessible(page, "new pilot")
    _field(page, "Navn").fill("Lyngdal 2026")
    _field(page, "Kortnavn").fill("lyngdal-17a")
    _field(page, "Vertskommune").select_option(label="Lyngdal (4225)")
    _save(page, "Opprett piloten")
    expect(page).to_have_url(re.compile(r"/program/pilot/lyngdal-17a/$"))
    _accessible(page, "pilot page")

    page.get_by_role("link", name="Ny fase").click()
    _accessible(page, "new phase")
    _field(page, "Fase").select_option("pre_project")
    _field(page, "Fra").fill("2026-01-15")
    _field(page, "Til").fill("2026-03-31")
    _save(page)
    expect(page.get_by_role("row").filter(has_text="Forprosjekt")).to_be_visible()

    page.get_by_role("link", name="Nytt lokalt mål").click()
    _accessible(page, "new local goal")
    _field(page, "Mål").fill("Tre etater deler kontor i Lyngdal")
    page.get_by_label(re.compile(r"^1\. ")).check()
    _save(page)
    expect(page.get_by_text("Tre etater deler kontor i Lyngdal", exact=True)).to_be_visible()

    page.get_by_role("link", name="Endre styringsgruppen og andre grupper").click()
    _accessible(page, "groups")
    page.get_by_role("link", name="Legg til person i styringsgruppen").click()
    _accessible(page, "new steering member")
    _field(page, "Personens e-postadresse").fill(SECRETARY)
    _field(page, "Rolle").select_option("secretary")
    _save(page)
    expect(page.get_by_role("cell", name="Sekretær")).to_be_visible()
    page.get_by_role("link", name="Ny referanse- eller arbeidsgruppe").click()
    _accessible(page, "new group")
    page.go_back()

    page.get_by_role("link", name="Koble et delprosjekt").click()
    _accessible(page, "link sub-project")
    project = _field(page, "Prosjekt")
    project.select_option(index=1)
    title = project.locator("option:checked").inner_text().strip()
    _save(page)
    expect(page.get_by_role("link", name=title)).to_be_visible()

    page.get_by_role("link", name="Møter og vedtak").first.click()
    _accessible(page, "meetings")
    page.get_by_role("link", name="Registrer møte").click()
    _accessible(page, "new meeting")
    _field(page, "Dato").fill("2026-02-10")
    _field(page, "Saksliste").fill("1. Oppstart\n2. Midler til delprosjekt")
    _field(page, "Referat").fill("Styringsgruppen ble enige om oppstart.")
    _save(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Møte i styringsgruppen")
    _accessible(page, "meeting")

    page.get_by_role("link", name="Registrer vedtak").click()
    _accessible(page, "new decision")
    _field(page, "Vedtak").fill("Delprosjektet får 400 000 kr til oppstart.")
    _field(page, "Bevilget beløp (kr)").fill("400000")
    _field(page, "Bevilges til").select_option(label=title)
    _save(page)
    expect(
        page.get_by_role("cell", name=re.compile(r"400\s000 kr til delprosjektet"))
    ).to_be_visible()

    page.goto("/program/pilot/lyngdal-17a/budsjett/")
    expect(page.get_by_test_id("granted")).to_have_text(re.compile(r"^400\s000 kr$"))
    expect(page.get_by_test_id("left")).to_have_text(re.compile(r"^400\s000 kr$"))
    line = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=title))
    expect(line).to_contain_text(re.compile(r"400\s000"))
    _accessible(page, "budget")

    page.get_by_role("link", name="Registrer utgift").click()
    _accessible(page, "new expense")
    _field(page, "Beløp (kr)").fill("150000")
    _field(page, "Hva pengene gikk til").fill("Innleid prosessleder")
    _field(page, "Føres på").select_option(label=title)
    _save(page)
    expect(page.get_by_test_id("spent")).to_have_text(re.compile(r"^150\s000 kr$"))
    expect(page.get_by_test_id("left")).to_have_text(re.compile(r"^250\s000 kr$"))

    # A pilot with meetings and spending keeps its history: deleting it is refused.
    page.goto("/program/pilot/lyngdal-17a/slett/")
    _accessible(page, "delete pilot")
    page.get_by_role("button", name="Slett").click()
    expect(page.get_by_role("alert")).to_contain_text("kan ikke slettes")
    _accessible(page, "delete refused")
