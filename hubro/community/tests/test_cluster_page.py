"""The cluster page: members by sector group and level, meetings and activity."""

import datetime as dt

import pytest
from django.test import Client

from conftest import make_person
from hubro.community.actions import create_project
from hubro.community.queries import cluster_overview
from hubro.events.models import Event

pytestmark = pytest.mark.django_db


def _rows(breakdown):
    return {row.key: (row.organizations, row.people) for row in breakdown}


def test_members_are_counted_by_sector_with_inter_municipal_as_municipal(cluster, kari):
    overview = cluster_overview(cluster, kari)
    assert _rows(overview.by_sector) == {
        "state": (1, 1),  # Nav; kari
        "municipal": (2, 1),  # Lyngdal kommune and the IPR; ola
        "county": (1, 0),
        "other": (0, 0),
    }


def test_members_are_counted_by_level(cluster, kari):
    overview = cluster_overview(cluster, kari)
    assert _rows(overview.by_level) == {
        "local": (1, 1),  # Lyngdal kommune; ola
        "regional": (2, 0),  # the IPR and the county
        "national": (1, 1),  # Nav; kari
    }


def test_an_organization_that_left_is_not_counted(cluster, kari, agder_fk):
    cluster.organizations.filter(organization=agder_fk).update(left_on=dt.date(2024, 1, 1))
    overview = cluster_overview(cluster, kari)
    assert _rows(overview.by_sector)["county"] == (0, 0)


def test_a_person_counts_for_the_organization_they_take_part_for(cluster, kari, lyngdal_kommune):
    cluster.people.filter(person=kari).update(organization=lyngdal_kommune)
    overview = cluster_overview(cluster, kari)
    assert _rows(overview.by_sector)["municipal"] == (2, 2)
    assert _rows(overview.by_sector)["state"] == (1, 0)


def test_activity_counts_meetings_held_and_projects_started_per_year(
    cluster, kari, world, make_event, now
):
    make_event(
        world, title="Møte 2023", start=dt.datetime(2023, 5, 2, 10, tzinfo=dt.UTC), cluster=cluster
    )
    make_event(
        world,
        title="Møte 2025 a",
        start=dt.datetime(2025, 3, 2, 10, tzinfo=dt.UTC),
        cluster=cluster,
    )
    make_event(
        world,
        title="Møte 2025 b",
        start=dt.datetime(2025, 9, 2, 10, tzinfo=dt.UTC),
        cluster=cluster,
    )
    make_event(
        world,
        title="Avlyst",
        start=dt.datetime(2025, 10, 2, 10, tzinfo=dt.UTC),
        cluster=cluster,
        cancelled_at=now,
    )
    make_event(world, title="Kommer", start=now + dt.timedelta(days=3), cluster=cluster)
    create_project(title="P", cluster=cluster, starts_on=dt.date(2024, 2, 1), actor=None)
    overview = cluster_overview(cluster, kari, now=now)
    assert [(r.year, r.meetings, r.projects) for r in overview.activity] == [
        (2023, 1, 0),
        (2024, 0, 1),
        (2025, 2, 0),
    ]
    assert [e.title for e in overview.upcoming_meetings] == ["Kommer"]


def test_two_meetings_at_the_same_time_count_twice(cluster, kari, world, make_event):
    start = dt.datetime(2025, 5, 2, 10, tzinfo=dt.UTC)
    make_event(world, title="Spor 1", start=start, cluster=cluster)
    make_event(world, title="Spor 2", start=start, cluster=cluster)
    assert [(r.year, r.meetings) for r in cluster_overview(cluster, kari).activity] == [(2025, 2)]


def test_an_invited_only_meeting_is_neither_listed_nor_counted_for_others(
    cluster, kari, ola, world, make_event, invite
):
    secret = make_event(
        world,
        title="Hemmelig møte",
        start=dt.datetime(2025, 3, 2, 10, tzinfo=dt.UTC),
        cluster=cluster,
        audience=Event.Audience.INVITED,
    )
    invite(secret, ola)
    assert cluster_overview(cluster, kari).activity == []
    assert cluster_overview(cluster, kari).past_meetings == []
    assert [e.title for e in cluster_overview(cluster, ola).past_meetings] == ["Hemmelig møte"]


def test_the_page_shows_the_tables_and_the_contact(cluster, kari, world, make_event):
    make_event(
        world,
        title="Fagsamling",
        start=dt.datetime(2025, 3, 2, 10, tzinfo=dt.UTC),
        cluster=cluster,
    )
    client = Client()
    client.force_login(kari)
    response = client.get(f"/klynger/{cluster.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Medlemmer etter sektor" in html and "Medlemmer etter nivå" in html
    assert (
        '<tr data-key="municipal"><th scope="row">Kommunal (inkl. interkommunal)</th>'
        '<td class="hubro-num">2</td>' in html
    )
    assert "Ola Nordmann" in html and "Kontaktperson" in html
    assert "Aktivitet per år" in html and "<svg" in html
    assert "Fagsamling" in html


def test_a_missing_cluster_is_404_and_signed_out_people_are_sent_to_sign_in(cluster, kari):
    client = Client()
    assert client.get(f"/klynger/{cluster.slug}/").status_code == 302
    client.force_login(kari)
    assert client.get("/klynger/finnes-ikke/").status_code == 404


def test_only_hosts_of_a_home_hub_get_the_member_page(cluster, kari, vera, places):
    client = Client()
    client.force_login(kari)
    assert client.get(f"/klynger/{cluster.slug}/medlemmer/").status_code == 404
    client.force_login(vera)
    assert client.get(f"/klynger/{cluster.slug}/medlemmer/").status_code == 200


def test_a_host_adds_a_member_person_by_email_and_makes_them_contact(cluster, vera, nav):
    newcomer = make_person("nina@nav.test", nav, name="Nina Ny")
    client = Client()
    client.force_login(vera)
    response = client.post(
        f"/klynger/{cluster.slug}/medlemmer/",
        {"person-email": "nina@nav.test", "person-is_contact": "on", "add_person": "1"},
    )
    assert response.status_code == 302
    cluster.refresh_from_db()
    assert cluster.contact_person == newcomer
    assert list(
        cluster.people.filter(is_contact=True).values_list("person__email", flat=True)
    ) == ["nina@nav.test"]


def test_adding_an_unknown_organization_shows_a_field_error(cluster, vera):
    client = Client()
    client.force_login(vera)
    response = client.post(
        f"/klynger/{cluster.slug}/medlemmer/",
        {"org-organization": "999999999", "add_organization": "1"},
    )
    assert response.status_code == 422
    assert "Fant ingen organisasjon" in response.content.decode()


def test_a_host_creates_a_cluster_for_their_hub(world, vera, other_hub):
    client = Client()
    client.force_login(vera)
    form = client.get("/klynger/ny/").content.decode()
    assert "Narvikhub" not in form  # only hubs the host runs are offered
    response = client.post(
        "/klynger/ny/", {"name": "Bærekraftig fiske", "home_hubs": [world.pk], "topic": "Fisk"}
    )
    assert response.status_code == 302
    assert response.url == "/klynger/baerekraftig-fiske/"
    bad = client.post(
        "/klynger/ny/",
        {
            "name": "X",
            "home_hubs": [world.pk],
            "started_on": "2025-05-01",
            "ended_on": "2025-01-01",
        },
    )
    assert bad.status_code == 422
    assert "Slutt kan ikke være før start" in bad.content.decode()
