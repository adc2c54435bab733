"""The acceptance walk-through: the demo host runs RegionLab Lister from Hubro's own
pages and never opens /admin/. Every new page passes axe-core (no serious or critical
findings), at 1280 px and at 360 px, where nothing scrolls the page sideways.

The demo server is shared by the whole session: this test works on a space it adds, on
days far ahead that no other test uses, and puts the opening hours back."""

import datetime as dt
import re

import holidays
import pytest
from playwright.sync_api import expect

from conftest import axe_violations

pytestmark = pytest.mark.browser

HOST = "vert@demo.hubro.test"
HUB = "regionlab-lister"
SPACE = "Vertstest-kontor"
MEMBER = "ansatt@demo.hubro.test"


def _free_wednesday(weeks_ahead: int) -> dt.date:
    """A Wednesday some weeks ahead that is no Norwegian public holiday."""
    day = dt.date.today() + dt.timedelta(weeks=weeks_ahead)
    day += dt.timedelta(days=(2 - day.weekday()) % 7)
    norway = holidays.country_holidays("NO", years=[day.year, day.year + 1])
    while day in norway:
        day += dt.timedelta(weeks=1)
    return day


def _accessible(page, where):
    found = axe_violations(page)
    assert found == [], f"{where}: {found}"


def _fits(page, where):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"{where} is {width}px wide at 360px"


def test_the_host_runs_the_hub_without_the_admin(demo_page, demo_server):
    page = demo_page(HOST)
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    day = _free_wednesday(9)
    closed_day = day + dt.timedelta(days=7)

    # From the hub's page to the host's workspace: today's list.
    page.goto(f"/huber/{HUB}/")
    page.get_by_role("link", name="Administrer huben").click()
    expect(page).to_have_url(re.compile(f"/vert/{HUB}/$"))
    expect(page.get_by_role("heading", name="Dagen på RegionLab Lister")).to_be_visible()
    rows = page.locator(".hubro-scroll table tbody tr")
    if rows.count():
        first = rows.first.locator("td")
        assert first.nth(2).inner_text().strip()  # a name
        states = "Sjekket inn|Ikke møtt|Kan sjekke inn nå|Ikke startet"
        expect(first.nth(5)).to_have_text(re.compile(states))
    else:
        expect(page.get_by_text("Ingen bookinger.")).to_be_visible()
    _accessible(page, "today")

    # A space with a feature.
    page.get_by_role("link", name="Rom og plasser").click()
    _accessible(page, "spaces")
    page.get_by_role("link", name="Legg til rom eller plass").click()
    page.get_by_label("Navn").fill(SPACE)
    page.get_by_label("Type").select_option(label="Cellekontor")
    page.get_by_label("Kapasitet (personer)").fill("1")
    page.get_by_label("Hev-senk-pult").check()
    _accessible(page, "space form")
    page.get_by_role("button", name="Lagre").click()
    expect(page.get_by_text(f"{SPACE} er lagt til.")).to_be_visible()
    entry = page.locator("li", has_text=SPACE).last
    expect(entry).to_contain_text("Hev-senk-pult")

    # Book on behalf of a member.
    page.get_by_role("navigation", name="Vertssider").get_by_role(
        "link", name="Book for en person"
    ).click()
    page.get_by_label("Personens e-post").fill(MEMBER)
    page.get_by_label("Rom eller plass").select_option(label=f"{SPACE} – Cellekontor")
    page.get_by_label("Dato").fill(day.isoformat())
    page.get_by_label("Fra").fill("09:00")
    page.get_by_label("Til").fill("11:00")
    _accessible(page, "book on behalf")
    page.get_by_role("button", name="Book", exact=True).click()
    expect(page.get_by_text("Booket for Demo Ansatt")).to_be_visible()
    row = page.locator("tr", has_text=SPACE)
    expect(row).to_contain_text("Demo Ansatt")
    expect(row).to_contain_text("Skatteetaten")
    expect(row).to_contain_text("Ikke startet")
    expect(row).to_contain_text("09:00–11:00")

    # Move it.
    row.get_by_role("link", name=re.compile("^Flytt")).click()
    page.get_by_label("Fra").fill("12:00")
    page.get_by_label("Til").fill("14:00")
    _accessible(page, "move")
    page.get_by_role("button", name="Flytt", exact=True).click()
    expect(page.get_by_text("Flyttet: Demo Ansatt")).to_be_visible()
    expect(page.locator("tr", has_text=SPACE)).to_contain_text("12:00–14:00")
    moved = [m for m in demo_server.mail() if str(m["Subject"]).startswith("Flyttet:")]
    assert moved and moved[-1]["To"] == MEMBER

    # The week, and the cancel form (left without cancelling).
    page.get_by_role("link", name="Uke", exact=True).click()
    _accessible(page, "week")
    page.goto(f"/vert/{HUB}/?date={day.isoformat()}")
    page.locator("tr", has_text=SPACE).get_by_role("link", name=re.compile("^Avbestill")).click()
    expect(page.get_by_label("Begrunnelse")).to_be_visible()
    _accessible(page, "cancel")

    # Opening hours: Sunday closes half an hour earlier (put back at the end).
    page.get_by_role("link", name="Åpningstider").click()
    page.get_by_label("Søndag stenger").fill("14:30")
    page.get_by_role("button", name="Lagre åpningstidene").click()
    expect(page.get_by_text("Åpningstidene er lagret.")).to_be_visible()
    expect(page.get_by_label("Søndag stenger")).to_have_value("14:30")
    _accessible(page, "hours")

    # A closed day (removed again at the end).
    page.get_by_label("Dato").fill(closed_day.isoformat())
    page.get_by_label("Årsak").fill("Flytting av møbler")
    page.get_by_role("button", name="Legg til stengt dag").click()
    expect(page.get_by_text("Stengt dag lagt til")).to_be_visible()
    closed = page.locator("li", has_text="Flytting av møbler")
    expect(closed).to_be_visible()

    # Print the QR codes.
    page.get_by_role("link", name="QR-koder").click()
    expect(page.locator(".hubro-qr-card", has_text=SPACE)).to_be_visible()
    # (A string that evaluates to a function would be called by Playwright: end on 0.)
    page.evaluate("window.__printed = 0; window.print = () => { window.__printed += 1; }; 0")
    page.get_by_role("button", name="Skriv ut QR-kodene").click()
    assert page.evaluate("window.__printed") == 1
    _accessible(page, "qr")
    page.emulate_media(media="print")
    expect(page.locator(".hubro-hostnav")).to_be_hidden()
    expect(page.locator(".hubro-qr-card", has_text=SPACE)).to_be_visible()
    page.emulate_media(media="screen")

    # The other pages of the workspace, each checked with axe.
    for name in ("Huben", "Bookingregler", "Medlemmer og verter", "Innstillinger"):
        page.get_by_role("navigation", name="Vertssider").get_by_role("link", name=name).click()
        _accessible(page, name)
    page.get_by_role("link", name="Skjerm i resepsjonen").click()
    page.get_by_role("button", name=re.compile("^Lag (ny )?adresse$")).click()
    lobby = page.locator(".hubro-secret a").get_attribute("href")
    _accessible(page, "lobby settings")
    screen = demo_page(None, width=1920, height=1080)
    screen.goto(lobby)
    expect(screen.get_by_role("heading", name="RegionLab Lister")).to_be_visible()
    _accessible(screen, "lobby screen")

    # Put things back for the rest of the session.
    page.get_by_role("link", name="Åpningstider").click()
    page.get_by_label("Søndag stenger").fill("15:00")
    page.get_by_role("button", name="Lagre åpningstidene").click()
    expect(page.get_by_text("Åpningstidene er lagret.")).to_be_visible()
    page.locator("li", has_text="Flytting av møbler").get_by_role(
        "button", name=re.compile("^Fjern")
    ).click()
    expect(page.locator("li", has_text="Flytting av møbler")).to_have_count(0)

    assert not [url for url in requested if "/admin/" in url]


def test_every_new_page_is_accessible_and_fits_a_phone(demo_page, demo_server):
    phone = {"width": 360, "height": 780}
    page = demo_page(HOST, **phone)
    pages = [
        f"/vert/{HUB}/",
        f"/vert/{HUB}/uke/",
        f"/vert/{HUB}/book/",
        f"/vert/{HUB}/huben/",
        f"/vert/{HUB}/innstillinger/",
        f"/vert/{HUB}/rom/",
        f"/vert/{HUB}/rom/nytt/",
        f"/vert/{HUB}/apningstider/",
        f"/vert/{HUB}/regler/",
        f"/vert/{HUB}/medlemmer/?q=kommune",
        f"/vert/{HUB}/qr/",
        f"/vert/{HUB}/skjerm/",
        f"/huber/{HUB}/?utstyr=video",
    ]
    for path in pages:
        page.goto(path)
        _accessible(page, path)
        _fits(page, path)

    # The lobby screen on a phone-sized window.
    (secret,) = demo_server.sql("SELECT lobby_secret FROM spaces_hub WHERE slug = %s", (HUB,))[0]
    if secret:
        page.goto(f"/skjerm/{secret}/")
        _accessible(page, "lobby")
        _fits(page, "lobby")

    # Community editing, as an administrator (who manages every cluster and project).
    admin = demo_page("admin@demo.hubro.test", **phone)
    cluster = demo_server.sql("SELECT slug FROM community_cluster ORDER BY id LIMIT 1")[0][0]
    project, partner = demo_server.sql(
        "SELECT p.slug, pp.id FROM community_project p JOIN community_projectpartner pp"
        " ON pp.project_id = p.id ORDER BY p.id LIMIT 1"
    )[0]
    for path in (
        f"/klynger/{cluster}/endre/",
        f"/klynger/{cluster}/slett/",
        f"/prosjekter/{project}/endre/",
        f"/prosjekter/{project}/slett/",
        f"/prosjekter/{project}/partnere/{partner}/",
    ):
        admin.goto(path)
        _accessible(admin, path)
        _fits(admin, path)

    # The cost share, as the coordinator of Lyngdal kommune.
    (email,) = demo_server.sql(
        "SELECT p.email FROM core_person p JOIN core_membership m ON m.person_id = p.id"
        " JOIN core_organization o ON o.id = m.organization_id"
        " WHERE o.orgnr = %s AND m.role = 'coordinator' ORDER BY p.id LIMIT 1",
        ("922421498",),
    )[0]
    coordinator = demo_page(email, **phone)
    year = dt.date.today().year
    for path in (
        f"/okonomi/huber/{HUB}/{year}/fordeling/",
        f"/okonomi/huber/{HUB}/{year}/oppgjor/922421498/",
    ):
        coordinator.goto(path)
        expect(coordinator.locator("h1")).to_be_visible()
        _accessible(coordinator, path)
        _fits(coordinator, path)
