"""Who sees which event. Invited-only events do not leak: not in lists, not by id in
the pages or the API, not in the hub's public feed."""

import pytest
from django.test import Client

from hubro.events.actions import invite, register
from hubro.events.models import Event
from hubro.events.queries import visible_events

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(make_event, tomorrow):
    from conftest import at

    return {
        "open": make_event(title="Åpen faglunsj"),
        "members": make_event(
            title="Medlemsmøte",
            audience=Event.Audience.MEMBERS,
            start=at(tomorrow, 13),
            end=at(tomorrow, 14),
        ),
        "invited": make_event(
            title="Ledermøte hemmelig",
            kind=Event.Kind.LEADERS_MEETING,
            audience=Event.Audience.INVITED,
            start=at(tomorrow, 15),
            end=at(tomorrow, 16),
        ),
    }


def titles(person):
    return set(visible_events(person).values_list("title", flat=True))


def test_anonymous_people_see_open_events_only(events):
    from django.contrib.auth.models import AnonymousUser

    assert titles(AnonymousUser()) == {"Åpen faglunsj"}
    assert titles(None) == {"Åpen faglunsj"}


def test_members_of_the_hub_see_members_events_but_not_invited_ones(events, kari):
    assert titles(kari) == {"Åpen faglunsj", "Medlemsmøte"}


def test_outsiders_see_open_events_only(events, outsider):
    assert titles(outsider) == {"Åpen faglunsj"}


def test_invitees_see_the_invited_event(events, vera, outsider):
    invite(events["invited"], actor=vera, people=[outsider])
    assert "Ledermøte hemmelig" in titles(outsider)


def test_an_invitation_by_email_makes_the_event_visible_to_that_account(events, vera, kari):
    invite(events["invited"], actor=vera, emails=["KARI@nav.test"])
    assert "Ledermøte hemmelig" in titles(kari)


def test_hosts_and_admins_see_everything(events, vera, admin_person):
    everything = {"Åpen faglunsj", "Medlemsmøte", "Ledermøte hemmelig"}
    assert titles(vera) == everything
    assert titles(admin_person) == everything


def test_the_coordinator_of_an_organizer_sees_its_invited_events(events, lyngdal_kommune):
    from conftest import make_person
    from hubro.core.models import Membership

    boss = make_person("sjef@lyngdal.test", lyngdal_kommune, role=Membership.Role.COORDINATOR)
    assert "Ledermøte hemmelig" in titles(boss)


def test_invited_events_are_not_in_the_list_page_or_reachable_by_id(events, kari):
    client = Client()
    client.force_login(kari)
    listing = client.get("/arrangementer/")
    assert listing.status_code == 200
    assert "Ledermøte hemmelig" not in listing.content.decode()
    assert "Medlemsmøte" in listing.content.decode()
    secret = events["invited"].pk
    for path in (
        f"/arrangementer/{secret}/",
        f"/arrangementer/{secret}/gjest/",
        f"/arrangementer/{secret}/deltakere/",
        f"/arrangementer/{secret}/deltakere.xlsx",
    ):
        assert client.get(path).status_code == 404, path
    assert client.post(f"/arrangementer/{secret}/meld-pa/").status_code == 404


def test_invited_events_are_404_in_the_api(events, kari, api_as):
    api = api_as(kari)
    secret = events["invited"].pk
    listed = {e["title"] for e in api.get("/api/v1/events").json()}
    assert listed == {"Åpen faglunsj", "Medlemsmøte"}
    assert api.get(f"/api/v1/events/{secret}").status_code == 404
    assert api.post(f"/api/v1/events/{secret}/registrations", {}).status_code == 404
    assert api.delete(f"/api/v1/events/{secret}/registrations/me").status_code == 404


def test_only_open_events_are_in_the_hubs_public_feed(events, hub):
    feed = Client().get(f"/huber/{hub.slug}/arrangementer.ics")
    assert feed.status_code == 200
    body = feed.content.decode()
    assert "Åpen faglunsj" in body
    assert "Medlemsmøte" not in body
    assert "hemmelig" not in body


def test_anonymous_visitors_get_404_for_members_events(events):
    client = Client()
    assert client.get(f"/arrangementer/{events['members'].pk}/").status_code == 404
    assert client.get(f"/arrangementer/{events['open'].pk}/").status_code == 200


def test_a_registered_person_keeps_seeing_the_invited_event(events, vera, outsider):
    invite(events["invited"], actor=vera, people=[outsider])
    register(events["invited"], outsider, actor=outsider)
    events["invited"].invitations.all().delete()
    assert "Ledermøte hemmelig" in titles(outsider)
