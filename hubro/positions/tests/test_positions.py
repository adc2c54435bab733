"""Positions that can be held from a hub: the agency's coordinator registers them, the
hub page lists the open ones, hires are counts, and goal 3 counts them."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from hubro.core.errors import Invalid
from hubro.insights import beside
from hubro.insights.indicators import resolve_scope
from hubro.positions.actions import record_hires, register_position
from hubro.positions.models import Hire, Position

pytestmark = pytest.mark.django_db


def _post_position(client, hub, nav, **extra):
    data = {
        "title": "Rådgiver, Nav Lister",
        "organization": nav.pk,
        "hubs": [hub.pk],
        "announcement_url": "https://arbeidsplassen.nav.no/stillinger/stilling/123",
        "announced_on": timezone.localdate().isoformat(),
        "deadline": (timezone.localdate() + dt.timedelta(days=20)).isoformat(),
        **extra,
    }
    return client.post("/stillinger/ny/", data)


def _goal_3_figures(viewer, hub):
    scope = resolve_scope(f"hub:{hub.slug}", viewer)
    today = timezone.localdate()
    (section,) = [
        s for s in beside.sections(scope, today.replace(day=1), today) if s.key == "positions"
    ]
    return {figure.key: figure for figure in section.figures}


def test_a_registered_position_is_on_the_hub_page_and_its_hire_counts_for_goal_3(
    hub, nav, nav_coordinator, vera, kari
):
    client = Client()
    client.force_login(nav_coordinator)
    created = _post_position(client, hub, nav)
    assert created.status_code == 302, created.content.decode()[:2000]
    position = Position.objects.get()
    assert list(position.hubs.all()) == [hub]

    reader = Client()
    reader.force_login(kari)
    page = reader.get(f"/huber/{hub.slug}/").content.decode()
    assert "Ledige stillinger med kontorsted her" in page
    assert "Rådgiver, Nav Lister" in page
    assert "https://arbeidsplassen.nav.no/stillinger/stilling/123" in page

    hired = client.post(f"/stillinger/{position.pk}/", {"hub": hub.pk, "count": 1})
    assert hired.status_code == 302
    assert Hire.objects.get().count == 1

    figures = _goal_3_figures(vera, hub)  # the host has person-level rights for the hub
    assert figures["positions_announced"].value == 1
    assert figures["positions_hired"].value == 1
    assert figures["positions_hired"].goal == 3

    dashboard = Client()
    dashboard.force_login(vera)
    html = dashboard.get(f"/innsikt/?scope=hub:{hub.slug}&period=month").content.decode()
    assert 'data-key="positions_hired"' in html
    assert "Ansatt i slike stillinger" in html


def test_hires_below_the_threshold_are_hidden_from_viewers_without_rights(
    hub, nav, nav_coordinator, kari
):
    today = timezone.localdate()
    position = register_position(
        actor=nav_coordinator,
        title="Jurist",
        organization=nav,
        hubs=[hub],
        announcement_url="https://example.org/jurist",
        deadline=today + dt.timedelta(days=5),
    )
    record_hires(position, actor=nav_coordinator, hub=hub, count=2)
    figures = _goal_3_figures(kari, hub)
    assert figures["positions_announced"].value == 1
    assert figures["positions_hired"].suppressed and figures["positions_hired"].value is None


def test_only_the_agencys_coordinators_register_and_record(hub, nav, kari, ola, nav_coordinator):
    today = timezone.localdate()
    with pytest.raises(Invalid):
        register_position(
            actor=kari,
            title="X",
            organization=nav,
            hubs=[hub],
            announcement_url="https://example.org/x",
            deadline=today,
        )
    position = register_position(
        actor=nav_coordinator,
        title="X",
        organization=nav,
        hubs=[hub],
        announcement_url="https://example.org/x",
        deadline=today,
    )
    with pytest.raises(Invalid):
        record_hires(position, actor=ola, hub=hub, count=1)
    client = Client()
    client.force_login(kari)
    assert client.get("/stillinger/ny/").status_code == 404
    assert (
        client.post(f"/stillinger/{position.pk}/", {"hub": hub.pk, "count": 1}).status_code == 404
    )
    assert not Hire.objects.exists()


@pytest.mark.parametrize(
    "extra, field",
    [
        ({"title": ""}, "id_title"),
        ({"hubs": []}, "id_hubs"),
        ({"announcement_url": "ikke en lenke"}, "id_announcement_url"),
        ({"deadline": "2020-01-01"}, "id_deadline"),
        ({"deadline": "not-a-date"}, "id_deadline"),
    ],
)
def test_bad_input_gets_a_field_error(hub, nav, nav_coordinator, extra, field):
    client = Client()
    client.force_login(nav_coordinator)
    response = _post_position(client, hub, nav, **extra)
    assert response.status_code == 422
    assert f'href="#{field}"' in response.content.decode()
    assert not Position.objects.exists()


def test_a_closed_position_leaves_the_hub_page(hub, nav, nav_coordinator, kari):
    today = timezone.localdate()
    register_position(
        actor=nav_coordinator,
        title="Gammel stilling",
        organization=nav,
        hubs=[hub],
        announcement_url="https://example.org/old",
        announced_on=today - dt.timedelta(days=30),
        deadline=today - dt.timedelta(days=1),
    )
    client = Client()
    client.force_login(kari)
    assert "Gammel stilling" not in client.get(f"/huber/{hub.slug}/").content.decode()
    assert "Gammel stilling" not in client.get("/stillinger/").content.decode()


def test_hire_count_must_be_positive_and_at_a_hub_of_the_position(hub, nav, nav_coordinator):
    position = register_position(
        actor=nav_coordinator,
        title="X",
        organization=nav,
        hubs=[hub],
        announcement_url="https://example.org/x",
        deadline=timezone.localdate(),
    )
    client = Client()
    client.force_login(nav_coordinator)
    for data in (
        {"hub": hub.pk, "count": 0},
        {"hub": hub.pk, "count": "mange"},
        {"hub": 99999, "count": 1},
    ):
        response = client.post(f"/stillinger/{position.pk}/", data)
        assert response.status_code == 422
    assert not Hire.objects.exists()


def test_the_coordinator_changes_a_position(hub, nav, nav_coordinator, kari):
    position = register_position(
        actor=nav_coordinator,
        title="Rådgiver",
        organization=nav,
        hubs=[hub],
        announcement_url="https://example.org/r",
        deadline=timezone.localdate() + dt.timedelta(days=3),
    )
    client = Client()
    client.force_login(nav_coordinator)
    later = (timezone.localdate() + dt.timedelta(days=30)).isoformat()
    changed = client.post(
        f"/stillinger/{position.pk}/endre/",
        {
            "title": "Seniorrådgiver",
            "hubs": [hub.pk],
            "announcement_url": "https://example.org/s",
            "announced_on": position.announced_on.isoformat(),
            "deadline": later,
        },
    )
    assert changed.status_code == 302
    position.refresh_from_db()
    assert (position.title, position.deadline.isoformat(), position.organization) == (
        "Seniorrådgiver",
        later,
        nav,
    )
    other = Client()
    other.force_login(kari)
    assert other.get(f"/stillinger/{position.pk}/endre/").status_code == 404
