"""The new pages in Chromium, in bokmål and nynorsk: a host builds and sends a survey,
a recipient answers with the e-mailed link, the host approves free text and reads the
results; a coordinator registers a position and its hire, shown on the hub page and
beside the indicators. axe-core finds nothing serious or critical on any of them."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from conftest import axe_violations, make_person, sign_in
from hubro.core.models import Membership

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_out(page):
    page.get_by_role("button", name="Logg ut").click()


def test_survey_pages_in_the_browser(page, vera, users, hub):
    sign_in(page, vera.email)
    page.goto("/undersokelser/")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Ny undersøkelse").click()
    assert axe_violations(page) == []
    page.get_by_label("Type").select_option("running")
    page.get_by_label("Tittel").fill("Hva betyr huben?")
    page.get_by_label("Svarfrist").fill((timezone.localdate() + dt.timedelta(days=7)).isoformat())
    page.get_by_role("button", name="Lag undersøkelsen").click()
    expect(page).to_have_url(re.compile(r"/undersokelser/\d+/$"))
    assert axe_violations(page) == []
    mail.outbox.clear()
    page.get_by_label("Hubens brukere").check()
    page.get_by_role("button", name="Send", exact=True).click()
    expect(page.get_by_text("Undersøkelsen er sendt til 6 personer.")).to_be_visible()
    assert axe_violations(page) == []
    links = [
        re.search(r"https?://[^/\s]+(/undersokelser/svar/\S+/)", m.body).group(1)
        for m in mail.outbox
    ]
    assert len(links) == 6
    sign_out(page)

    for n, link in enumerate(links):
        page.goto(link)
        if n == 0:
            assert axe_violations(page) == []
        page.get_by_role("radio", name="4").first.check()
        page.get_by_label("Hva har huben betydd for deg?").fill(f"Kortere reisevei {n}")
        page.get_by_role("button", name="Send svarene").click()
        expect(page.get_by_text("Takk for svaret!")).to_be_visible()
        if n == 0:
            assert axe_violations(page) == []

    sign_in(page, vera.email)
    page.goto("/undersokelser/")
    page.get_by_role("link", name="Hva betyr huben?").click()
    page.get_by_role("link", name="Se resultatene").click()
    expect(page.get_by_text("Kortere reisevei 1")).to_be_hidden()
    page.get_by_text("Godkjenn fritekst").click()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Godkjenn").first.click()
    expect(page.get_by_text("Svaret vises nå med resultatene.")).to_be_visible()
    expect(page.locator("[data-approved]")).to_contain_text("Kortere reisevei")
    assert axe_violations(page) == []
    page.goto(f"/innsikt/?scope=hub:{hub.slug}&period=month")
    expect(page.locator('[data-key="survey_responses"]')).to_contain_text("6")
    assert axe_violations(page) == []


def test_position_pages_in_the_browser(page, hub, nav, kari):
    coordinator = make_person(
        "koordinator@nav.test", nav, name="Kora Koordinator", role=Membership.Role.COORDINATOR
    )
    sign_in(page, coordinator.email)
    page.goto("/stillinger/")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Registrer en stilling").click()
    assert axe_violations(page) == []
    page.get_by_label("Stillingstittel").fill("Rådgiver med kontorsted i Lister")
    page.get_by_label("Virksomhet").select_option(str(nav.pk))
    page.get_by_label(hub.name).check()
    page.get_by_label("Lenke til utlysningen").fill("https://arbeidsplassen.nav.no/stillinger/1")
    page.get_by_label("Søknadsfrist").fill(
        (timezone.localdate() + dt.timedelta(days=14)).isoformat()
    )
    page.get_by_role("button", name="Registrer stillingen").click()
    expect(page).to_have_url(re.compile(r"/stillinger/\d+/$"))
    assert axe_violations(page) == []
    page.get_by_label("Hub").select_option(str(hub.pk))
    page.get_by_label("Antall ansatte").fill("1")
    page.get_by_role("button", name="Registrer", exact=True).click()
    expect(page.get_by_text("Ansettelsen er registrert.")).to_be_visible()
    page.get_by_role("link", name="Endre stillingen").click()
    assert axe_violations(page) == []
    sign_out(page)

    kari.language = "nn"
    kari.save()
    sign_in(page, kari.email)
    page.goto(f"/huber/{hub.slug}/")
    expect(
        page.get_by_role("heading", name="Ledige stillingar med kontorstad her")
    ).to_be_visible()
    expect(page.get_by_role("link", name="Rådgiver med kontorsted i Lister")).to_be_visible()
    assert axe_violations(page) == []
    page.goto("/stillinger/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Stillingar")
    assert axe_violations(page) == []
