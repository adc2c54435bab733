"""The shared demo server serves the demo to the browser tests, signed in or not."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_the_demo_server_serves_the_demo_signed_in_and_in_other_languages(demo_page, demo_server):
    page = demo_page("ansatt@demo.hubro.test")
    page.goto("/")
    expect(page.get_by_role("link", name="RegionLab Lister")).to_be_visible()
    # The CSS is served with the demo (hashed names, no CDN).
    css = page.evaluate("[...document.styleSheets].map(s => s.href).filter(Boolean)")
    assert any("/static/" in href for href in css)

    again = demo_page("ansatt@demo.hubro.test", language="en")
    again.goto("/mine-bookinger/")
    expect(again.locator("html")).to_have_attribute("lang", "en")

    count = demo_server.sql("SELECT COUNT(*) FROM spaces_hub")[0][0]
    assert count == 4
