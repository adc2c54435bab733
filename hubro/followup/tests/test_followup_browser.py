"""The follow-up in Chromium on the shared demo: the Lister steering group makes a need
into a request, the ministry answers it; the open-requests list, the recommendation
follow-up and the continuation summary pass axe-core (no serious or critical findings),
at 1280 px and at 360 px with nothing in the content wider than the screen, in
bokmål, nynorsk and English.

The demo server is shared by the session: this test adds its own request (a subject no
other test uses) and changes no one else's data."""

import re

import pytest
from playwright.sync_api import expect

from conftest import axe_violations

pytestmark = pytest.mark.browser

HOST = "vert@demo.hubro.test"  # secretary of Lister's steering group
OWNER = "departement@demo.hubro.test"
EVALUATOR = "evaluator@demo.hubro.test"
SUBJECT = "Nettleserprøve: hjelp til måling"


def _too_wide(page) -> list[str]:
    """What in the page's main content sticks out to the right of the window (a wide
    table scrolls inside its own box). The header belongs to the base layout."""
    return page.evaluate(
        "[...document.querySelectorAll('main *')]"
        ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1"
        " && !e.closest('.hubro-table-box'))"
        ".slice(0, 5).map(e => e.tagName + '.' + e.className)"
    )


def test_a_need_becomes_a_request_and_is_answered_in_the_browser(demo_page):
    page = demo_page(HOST)
    page.goto("/program/pilot/lyngdal-lister/statusrapporter/")
    page.locator("main a[href*='/statusrapporter/']").filter(
        has_text=re.compile(r"\d")
    ).first.click()
    page.get_by_role("link", name="Gjør behovet til en forespørsel").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ny forespørsel")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Send forespørselen").click()  # no subject: refused
    expect(page.locator(".ds-validation-message").first).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label("Emne").fill(SUBJECT)
    page.get_by_role("button", name="Send forespørselen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Forespørsel: {SUBJECT}")
    expect(page.get_by_text("Ikke besvart ennå.")).to_be_visible()
    assert axe_violations(page) == []

    owner = demo_page(OWNER)
    owner.goto("/program/foresporsler/")
    expect(owner.get_by_role("link", name=SUBJECT)).to_be_visible()
    assert axe_violations(owner) == []
    owner.get_by_role("link", name=SUBJECT).click()
    owner.get_by_label("Svar").fill("Departementet svarer i neste kaffemøte.")
    owner.get_by_role("button", name="Send svaret").click()
    expect(owner.locator("p", has_text="Departementet svarer i neste kaffemøte.")).to_be_visible()
    expect(owner.locator(".ds-tag").first).to_have_text("Besvart")
    assert axe_violations(owner) == []


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_follow_up_pages_pass_axe_on_a_phone(demo_page, language):
    owner = demo_page(OWNER, language=language, width=360, height=740)
    for url in (
        "/program/foresporsler/",
        "/program/foresporsler/?status=all",
        "/program/statens-hus/anbefalinger/",
        "/program/statens-hus/videreforing/",
    ):
        owner.goto(url)
        expect(owner.locator("html")).to_have_attribute("lang", language)
        assert axe_violations(owner) == [], url
        assert _too_wide(owner) == [], url
    owner.goto("/program/statens-hus/anbefalinger/")
    owner.locator("main a[href*='/oppfolging/']").first.click()
    assert axe_violations(owner) == []
    assert _too_wide(owner) == []

    host = demo_page(HOST, language=language, width=360, height=740)
    host.goto("/program/statens-hus/anbefalinger/")
    host.locator("main a[href*='/oppfolging/']").first.click()
    host.locator("main a[href*='/program/anbefalinger/']").first.click()
    expect(host.locator("select[name=status]")).to_be_visible()
    assert axe_violations(host) == []
    assert _too_wide(host) == []


def test_the_evaluator_reads_continuation_and_the_host_does_not(demo_page):
    evaluator = demo_page(EVALUATOR)
    evaluator.goto("/program/statens-hus/videreforing/")
    expect(evaluator.get_by_role("heading", name=re.compile("RegionLab Lister"))).to_be_visible()
    expect(evaluator.get_by_text("Dekningsgrad i år").first).to_be_visible()
    host = demo_page(HOST)
    response = host.goto("/program/statens-hus/videreforing/")
    assert response.status == 404
