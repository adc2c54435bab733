"""The region (IPR) page: exactly its municipalities, hubs and visible upcoming events."""

import datetime as dt

import pytest
from django.test import Client

from hubro.community.actions import create_project
from hubro.community.queries import region_overview
from hubro.events.models import Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(world, other_hub, make_event, invite, now, ola, cluster):
    make_event(world, title="Faglunsj om KI", start=now + dt.timedelta(days=2))
    make_event(world, title="Klyngemøte", start=now + dt.timedelta(days=5), cluster=cluster)
    make_event(world, title="Før i tid", start=now - dt.timedelta(days=5))
    make_event(world, title="Avlyst samling", start=now + dt.timedelta(days=3), cancelled_at=now)
    secret = make_event(
        world,
        title="Ledermøte for inviterte",
        start=now + dt.timedelta(days=4),
        audience=Event.Audience.INVITED,
    )
    invite(secret, ola)
    make_event(other_hub, title="Narvik-samling", start=now + dt.timedelta(days=1))


def test_the_region_lists_exactly_its_municipalities_and_hubs(lister, world, other_hub, kari):
    overview = region_overview(lister, kari)
    assert [m.name for m in overview.municipalities] == [
        "Farsund",
        "Flekkefjord",
        "Hægebostad",
        "Kvinesdal",
        "Lyngdal",
        "Sirdal",
    ]
    assert [h.slug for h in overview.hubs] == ["testlab"]


def test_upcoming_events_are_those_the_viewer_may_see(lister, events, kari, ola):
    assert [e.title for e in region_overview(lister, kari).upcoming_events] == [
        "Faglunsj om KI",
        "Klyngemøte",
    ]
    assert [e.title for e in region_overview(lister, ola).upcoming_events] == [
        "Faglunsj om KI",
        "Ledermøte for inviterte",
        "Klyngemøte",
    ]


def test_the_region_shows_the_clusters_and_projects_of_its_hubs(
    lister, cluster, world, other_hub, kari
):
    create_project(title="Lister-prosjekt", hub=world, actor=None)
    create_project(title="Klyngeprosjekt", cluster=cluster, actor=None)
    create_project(title="Narvik-prosjekt", hub=other_hub, actor=None)
    overview = region_overview(lister, kari)
    assert [c.slug for c in overview.clusters] == [cluster.slug]
    assert [p.title for p in overview.projects] == ["Klyngeprosjekt", "Lister-prosjekt"]


def test_the_region_page_does_not_leak_an_invited_only_event(lister, events, kari):
    client = Client()
    client.force_login(kari)
    response = client.get("/regioner/lister/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Faglunsj om KI" in html and "Klyngemøte" in html
    assert "Ledermøte for inviterte" not in html
    assert "Narvik-samling" not in html and "Avlyst samling" not in html
    assert "Før i tid" not in html
    assert "Sirdal" in html and "Testlab" in html


def test_the_region_list_and_an_unknown_region(kari, places):
    client = Client()
    client.force_login(kari)
    html = client.get("/regioner/").content.decode()
    assert "/regioner/lister/" in html and "/regioner/ofoten/" in html
    assert client.get("/regioner/finnes-ikke/").status_code == 404
    client.logout()
    assert client.get("/regioner/lister/").status_code == 302


def test_the_menu_has_one_community_entry_for_signed_in_people(kari, places):
    client = Client()
    client.force_login(kari)
    html = client.get("/regioner/").content.decode()
    assert 'href="/fellesskap/"' in html
