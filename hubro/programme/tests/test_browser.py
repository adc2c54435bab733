"""The programme in Chromium: a steering group member files a status report, and the
programme page, pilot page, history and self-assessment pass axe-core."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from conftest import axe_violations, sign_in
from hubro.programme import actions
from hubro.programme.models import StatusReport

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_steering_member_files_a_status_report(page, siri, lister, stimulab):
    sign_in(page, siri.email)
    page.locator("summary", has_text="Innsikt").click()  # the menu's group (issue 15)
    page.get_by_role("link", name="Program", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Statens hus")
    assert axe_violations(page) == []

    page.get_by_role("link", name="Lyngdal/Lister").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lyngdal/Lister")
    assert axe_violations(page) == []

    page.get_by_role("link", name="Lever statusrapport").click()
    assert axe_violations(page) == []
    page.get_by_label("Periode fra").fill("2024-05-01")
    page.get_by_label("Periode til").fill("2024-05-31")
    page.get_by_label("Kort status").fill("Kaffemøte: labben er full på tirsdager")
    page.get_by_label("Framdrift: Stimulab").fill("Arealkartet er testet i to kommuner")
    page.get_by_label("Risikoer").fill("Usikker finansiering etter 2026")
    page.get_by_label("Behov fra departementet").fill("Hjelp til å måle effekt")
    page.get_by_role("button", name="Lever rapporten").click()

    expect(page).to_have_url(re.compile(r"/statusrapporter/\d+/$"))
    expect(page.get_by_role("cell", name="Arealkartet er testet i to kommuner")).to_be_visible()
    assert axe_violations(page) == []

    page.get_by_role("link", name="Alle statusrapporter").click()
    expect(page.get_by_role("row").filter(has_text="Kaffemøte: labben er full")).to_be_visible()
    assert axe_violations(page) == []
    report = StatusReport.objects.get()
    assert (report.filed_by, report.period_end) == (siri, dt.date(2024, 5, 31))


def test_a_refused_report_shows_the_error_accessibly(page, siri, lister):
    sign_in(page, siri.email)
    page.goto("/program/pilot/lister/statusrapporter/ny/")
    page.get_by_label("Periode fra").fill("2024-05-31")
    page.get_by_label("Periode til").fill("2024-05-01")
    page.get_by_role("button", name="Lever rapporten").click()
    expect(page.get_by_role("alert")).to_contain_text("Perioden kan ikke slutte")
    assert axe_violations(page) == []


def test_programme_pages_pass_axe(page, dina, eirik, lister, ai_project, vera, coordinator):
    actions.record_assessment(
        lister,
        milestone="midway",
        assessed_on=dt.date(2023, 3, 1),
        goal_scores={1: (3, "Lovende")},
        success_factors={"leadership": ""},
        barriers={"measuring": ""},
        recommendations="Færre delprosjekter",
        actor=eirik,
    )
    sign_in(page, dina.email)
    for url in (
        "/program/statens-hus/",
        "/program/pilot/lister/",
        f"/program/pilot/lister/delprosjekter/{ai_project.slug}/",
        "/program/pilot/lister/statusrapporter/",
    ):
        page.goto(url)
        assert axe_violations(page) == [], url
    page.goto("/program/statens-hus/")
    expect(page.get_by_role("cell", name="Lovende")).to_be_visible()
    page.get_by_role("link", name=re.compile("Siste vurdering")).click()
    expect(page.get_by_text("Færre delprosjekter")).to_be_visible()
    assert axe_violations(page) == []


def test_self_assessment_pages_pass_axe(page, vera, hub):
    sign_in(page, vera.email)
    page.goto("/program/egenvurdering/testlab/")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Ny runde").click()
    page.get_by_label("Tittel").fill("Vår 2025")
    page.get_by_role("button", name="Opprett runden").click()
    page.get_by_role("link", name="Gi eller endre dine karakterer").click()
    assert axe_violations(page) == []
    for group in page.locator("fieldset").all():
        radio = group.get_by_role("radio", name="4")
        if radio.count():
            radio.check()
    page.get_by_role("button", name="Lagre karakterene").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Vår 2025")
    assert axe_violations(page) == []
