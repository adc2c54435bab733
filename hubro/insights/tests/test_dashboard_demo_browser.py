"""The dashboard and the year report on the demo data, as the programme owner and the
administrator read them: accessible at desktop and phone widths, in bokmål, nynorsk and
English, and the printed year report fits on a few A4 pages."""

import re

import pytest
from playwright.sync_api import expect

from conftest import axe_violations

pytestmark = [pytest.mark.browser]

OWNER = "departement@demo.hubro.test"
ADMIN = "admin@demo.hubro.test"
YEAR = "scope=all&period=year"
MOST_PAGES = 6  # "a few A4 pages"


def pdf_pages(pdf: bytes) -> int:
    """The number of pages of a PDF Chromium printed: its page objects, checked against
    the page tree's own count."""
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))
    counts = [int(n) for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", pdf)]
    counts += [int(n) for n in re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", pdf)]
    assert pages and max(counts) == pages, (pages, counts)
    return pages


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("email", [OWNER, ADMIN])
def test_the_dashboard_and_the_report_pass_axe(demo_page, email, width):
    page = demo_page(email, width=width)
    page.goto(f"/innsikt/?{YEAR}")
    assert page.locator(".insights-card").count() == 5
    assert axe_violations(page) == []
    # Open every goal's details: the tables and charts inside must pass too.
    page.locator("details.insights-goal > summary").first.click()
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert axe_violations(page) == []
    # Nothing is wider than the screen: wide tables scroll in their own box.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.goto(f"/innsikt/rapport/?{YEAR}")
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_a_goal_card_leads_to_its_details(demo_page):
    page = demo_page(ADMIN)
    page.goto(f"/innsikt/?{YEAR}")
    details = page.locator("details#goal-3")
    assert details.get_attribute("open") is None
    page.get_by_role("link", name="Se detaljene").nth(2).click()
    expect(details).to_have_attribute("open", "")
    expect(page.get_by_role("heading", name="Nøkkeltall for mål 3")).to_be_visible()


def test_the_year_report_prints_on_a_few_a4_pages(demo_page):
    page = demo_page(ADMIN)
    page.goto(f"/innsikt/rapport/?{YEAR}")
    # Every goal's details are open in the report, so that paper shows them all.
    assert page.locator("details.insights-goal:not([open])").count() == 0
    page.emulate_media(media="print")
    assert not page.locator("form.insights-filter").is_visible()
    assert page.locator(".insights-card").first.is_visible()
    pages = pdf_pages(page.pdf(format="A4"))
    assert 1 < pages <= MOST_PAGES


@pytest.mark.parametrize(
    ("language", "glance", "goal5"),
    [
        ("nb", "De fem målene i korte trekk", "Programmets vurderinger av mål 5"),
        ("nn", "Dei fem måla i korte trekk", "Programmet sine vurderingar av mål 5"),
        ("en", "The five goals at a glance", "The programme's assessments of goal 5"),
    ],
)
def test_the_dashboard_speaks_the_chosen_language(demo_page, language, glance, goal5):
    page = demo_page(OWNER, language=language)
    page.goto(f"/innsikt/?{YEAR}")
    expect(page.get_by_role("heading", name=glance)).to_be_visible()
    page.locator("details#goal-5 > summary").click()
    expect(page.locator("details#goal-5")).to_have_attribute("open", "")
    expect(page.get_by_role("heading", name=goal5)).to_be_visible()
