"""The cluster page, the project portfolio and the region page in Chromium, axe-clean."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from conftest import axe_violations, sign_in
from hubro.community.actions import add_funding_line, add_project_partner, create_project
from hubro.events.models import Event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def filled(cluster, world, nav, agder_fk, make_event, invite, now, ola):
    a = create_project(
        title="Felles veterinærvakt",
        cluster=cluster,
        status="ongoing",
        starts_on=dt.date(2024, 3, 1),
        actor=None,
    )
    add_project_partner(a, organization=nav, role="owner", actor=None)
    add_funding_line(a, source="Fylket", amount="250000", year=2024, status="granted", actor=None)
    b = create_project(title="Arealprosjekt", hub=world, actor=None)
    add_project_partner(b, organization=agder_fk, role="partner", actor=None)
    make_event(
        world, title="Klyngemøte i fjor", start=now - dt.timedelta(days=300), cluster=cluster
    )
    make_event(world, title="Neste klyngemøte", start=now + dt.timedelta(days=7), cluster=cluster)
    secret = make_event(
        world,
        title="Lukket ledermøte",
        start=now + dt.timedelta(days=3),
        audience=Event.Audience.INVITED,
    )
    invite(secret, ola)
    return cluster


def test_the_cluster_page_shows_members_by_sector_and_level_and_activity(page, filled, kari):
    sign_in(page, kari.email)
    page.goto("/fellesskap/")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Klynger", exact=True).first.click()
    page.get_by_role("link", name="Landbruk").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Landbruk")
    sectors = page.get_by_role("table", name="Medlemmer etter sektor")
    expect(sectors.get_by_role("row", name="Kommunal (inkl. interkommunal)")).to_contain_text("2")
    levels = page.get_by_role("table", name="Medlemmer etter nivå")
    expect(levels.get_by_role("row").filter(has_text="Regional")).to_contain_text("2")
    expect(page.get_by_role("table", name="Aktivitet per år")).to_be_visible()
    expect(page.get_by_text("Neste klyngemøte")).to_be_visible()
    assert axe_violations(page) == []


def test_the_portfolio_filters_without_javascript(browser, live_server, filled, kari):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    sign_in(page, kari.email)
    page.goto("/huber/testlab/prosjekter/")
    table = page.get_by_role("table", name="Prosjekter i utvalget")
    expect(table.get_by_role("row")).to_have_count(3)
    page.get_by_label("Partnersektor").select_option("county")
    page.get_by_role("button", name="Filtrer").click()
    expect(page).to_have_url(re.compile(r"sector=county"))
    expect(table.get_by_role("row")).to_have_count(2)
    expect(table).to_contain_text("Arealprosjekt")
    url = page.url
    context.close()
    # axe needs JavaScript: check the same filtered page in an ordinary browser tab.
    checked = browser.new_context(base_url=live_server.url)
    page = checked.new_page()
    sign_in(page, kari.email)
    page.goto(url)
    expect(page.get_by_label("Partnersektor")).to_have_value("county")
    assert axe_violations(page) == []
    checked.close()


def test_the_portfolio_filters_in_place_with_htmx(page, filled, kari):
    sign_in(page, kari.email)
    page.goto("/huber/testlab/prosjekter/")
    page.get_by_label("Status").select_option("ongoing")
    expect(page).to_have_url(re.compile(r"status=ongoing"))
    table = page.get_by_role("table", name="Prosjekter i utvalget")
    expect(table.get_by_role("row")).to_have_count(2)
    expect(table).to_contain_text("Felles veterinærvakt")
    assert page.locator("header.hubro-header").count() == 1
    assert axe_violations(page) == []
    page.get_by_role("link", name="Felles veterinærvakt").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Felles veterinærvakt")
    expect(page.get_by_role("row").filter(has_text="Arbeids- og velferdsetaten")).to_contain_text(
        "Nasjonal"
    )
    assert axe_violations(page) == []


def test_the_region_page_lists_municipalities_hubs_and_visible_events(page, filled, kari):
    sign_in(page, kari.email)
    page.goto("/regioner/")
    page.get_by_role("link", name=re.compile("Lister")).click()
    expect(page.locator("#region-municipalities li")).to_have_count(6)
    expect(page.locator("#region-hubs")).to_contain_text("Testlab")
    expect(page.locator("#region-events")).to_contain_text("Neste klyngemøte")
    expect(page.locator("#region-events")).not_to_contain_text("Lukket ledermøte")
    expect(page.locator("#region-clusters")).to_contain_text("Landbruk")
    assert axe_violations(page) == []
