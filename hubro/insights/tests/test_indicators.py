"""Every indicator on a hand-built world whose answers are counted by hand.

The world (tests/conftest.py, week of Monday 3 March 2025) at Testlab, whose region
holds Lyngdal, and Sjekklab, which uses check-in:
- Monday: Kari (NAV) desk 08–12 and a meeting 10–11; Ola (Lyngdal kommune) desk 08–16;
  Per, who works for both NAV and Lyngdal kommune, a meeting for the municipality.
- Tuesday: Per for NAV; Siri (Agder fylkeskommune, based in Kristiansand); Ola's
  meeting is cancelled.
- Wednesday: Siri books 20:00 to 02:00 (counts on Wednesday).
- Sjekklab: Ola checked in on Monday; Kari did not check in on Tuesday.
"""

import datetime as dt

import pytest

from hubro.community.models import Cluster, ClusterOrganization, FundingLine, Project
from hubro.events.models import Event, Registration
from hubro.insights.indicators import compute, previous_period
from hubro.insights.queries import person_days_by_organization

from .conftest import MONDAY, SUNDAY, at

pytestmark = pytest.mark.django_db


def values(figures):
    return {figure.key: figure.value for figure in figures}


@pytest.fixture
def community(world, hub, kari, ola, nav, lyngdal_kommune):
    held = Event.objects.create(
        kind="lunch_talk", title="Faglunsj", hub=hub, start=at(MONDAY, 11), end=at(MONDAY, 12)
    )
    Registration.objects.create(event=held, person=kari, organization=nav, status="registered")
    Registration.objects.create(
        event=held, person=ola, organization=lyngdal_kommune, status="registered"
    )
    cluster = Cluster.objects.create(
        name="Landbruk", slug="landbruk", started_on=dt.date(2024, 1, 1)
    )
    cluster.home_hubs.add(hub)
    ClusterOrganization.objects.create(cluster=cluster, organization=nav)
    ClusterOrganization.objects.create(cluster=cluster, organization=lyngdal_kommune)
    ended = Cluster.objects.create(
        name="Gammel",
        slug="gammel",
        started_on=dt.date(2023, 1, 1),
        ended_on=dt.date(2024, 12, 31),
    )
    ended.home_hubs.add(hub)
    meeting = Event.objects.create(
        kind="network_meeting",
        title="Klyngemøte",
        hub=hub,
        cluster=cluster,
        start=at(MONDAY, 14),
        end=at(MONDAY, 15),
    )
    Registration.objects.create(
        event=meeting, person=ola, organization=lyngdal_kommune, status="registered"
    )
    Event.objects.create(
        kind="course",
        title="Avlyst",
        hub=hub,
        start=at(MONDAY, 9),
        end=at(MONDAY, 10),
        cancelled_at=at(MONDAY, 8),
    )
    project = Project.objects.create(
        title="Veterinærvakt", slug="vetvakt", cluster=cluster, starts_on=dt.date(2024, 6, 1)
    )
    FundingLine.objects.create(
        project=project, source="Fylket", amount=100000, year=2025, status="granted"
    )
    FundingLine.objects.create(project=project, source="Søknad", amount=50000, year=2025)
    FundingLine.objects.create(
        project=project, source="I fjor", amount=20000, year=2024, status="granted"
    )
    return cluster


EXPECTED_TESTLAB = {
    "person_days": 6,
    "unique_users": 4,
    "active_organizations": 3,
    "active_organizations.state": 1,
    "active_organizations.municipal": 1,
    "active_organizations.county": 1,
    "active_organizations.other": 0,
    "users.state": 2,
    "users.municipal": 2,
    "users.county": 1,
    "person_days.state": 2,
    "person_days.municipal": 2,
    "person_days.county": 2,
    "cross_sector_days_2": 2,
    "cross_sector_days_3": 0,
    "organization_pairs": 2,
    "remote_person_days": 4,
    "remote_state_agencies": 1,
    "state_share": 0.3333,
    "returning_users": 1,
    "weekday.1": 3,
    "weekday.2": 2,
    "weekday.3": 1,
    "weekday.4": 0,
    "hour.08": 2,
    "hour.09": 2,
    "hour.10": None,  # Kari's meeting at 10 was not her first booking that day
    "hour.13": 1,
    "hour.20": 1,
    "month_person_days.2025-03": 6,
    "month_state_share.2025-03": 0.3333,
    "occupancy_booked.desk": round(30 / 154, 4),
    "occupancy_booked.meeting_room": round(2 / 77, 4),
    "occupancy_checked_in.desk": 0.0,
    "open_hours.desk": 154.0,
    "events_held": 2,
    "cross_sector_events": 1,
    "cluster_meetings": 1,
    "active_clusters": 1,
    "cross_sector_clusters": 1,
    "cluster_members.state": 1,
    "cluster_members.municipal": 1,
    "cluster_projects": 1,
    "cluster_funding": 100000,
}


def test_every_indicator_of_a_hub_matches_the_hand_count(community, admin_person):
    got = values(compute("hub:testlab", MONDAY, SUNDAY, viewer=admin_person))
    assert {key: got.get(key) for key in EXPECTED_TESTLAB} == EXPECTED_TESTLAB
    assert "no_show_rate" not in got  # Testlab does not use check-in


def test_the_programme_counts_check_in_where_the_hub_uses_it(community, admin_person):
    got = values(compute("all", MONDAY, SUNDAY, viewer=admin_person))
    # Ola checked in at Sjekklab on Monday: one more person-day; Kari's unchecked
    # booking on Tuesday is not presence but a no-show.
    assert got["person_days"] == 7
    assert got["unique_users"] == 4
    assert got["hub_person_days.sjekklab"] == 1
    assert got["hub_person_days.testlab"] == 6
    assert got["hub_users.sjekklab"] == 1
    assert got["no_show_rate"] == 0.5
    assert got["occupancy_checked_in.desk"] == round(4 / (154 + 77), 4)
    assert got["hub_month.testlab.2025-03"] == 6


def test_an_organization_sees_where_its_people_work(world, admin_person, nav):
    got = values(compute(f"org:{nav.orgnr}", MONDAY, SUNDAY, viewer=admin_person))
    # Kari Monday and Per Tuesday at Testlab; Kari's Tuesday at Sjekklab was no presence.
    assert got["person_days"] == 2
    assert got["unique_users"] == 2
    assert got["hub_person_days.testlab"] == 2
    assert "hub_person_days.sjekklab" not in got
    assert got["active_organizations"] == 1


def test_the_previous_period_is_compared(world, admin_person):
    figures = {f.key: f for f in compute("hub:testlab", MONDAY, SUNDAY, viewer=admin_person)}
    assert figures["person_days"].previous == 0
    march = compute("hub:testlab", dt.date(2025, 3, 1), dt.date(2025, 3, 31), viewer=admin_person)
    by_key = {f.key: f for f in march}
    assert by_key["person_days"].previous == 2  # February: Ola and Kari once each
    assert by_key["unique_users"].previous == 2


def test_previous_period_follows_months_quarters_years_and_custom_days():
    assert previous_period(dt.date(2025, 3, 1), dt.date(2025, 3, 31)) == (
        dt.date(2025, 2, 1),
        dt.date(2025, 2, 28),
    )
    assert previous_period(dt.date(2025, 4, 1), dt.date(2025, 6, 30)) == (
        dt.date(2025, 1, 1),
        dt.date(2025, 3, 31),
    )
    assert previous_period(dt.date(2025, 1, 1), dt.date(2025, 12, 31)) == (
        dt.date(2024, 1, 1),
        dt.date(2024, 12, 31),
    )
    assert previous_period(MONDAY, SUNDAY) == (dt.date(2025, 2, 24), dt.date(2025, 3, 2))


def test_person_days_by_organization_counts_each_org_once_per_person_and_day(
    world, hub, nav, lyngdal_kommune, agder
):
    assert person_days_by_organization(hub, MONDAY, SUNDAY) == {
        nav.pk: 2,
        lyngdal_kommune.pk: 2,
        agder.pk: 2,
    }
