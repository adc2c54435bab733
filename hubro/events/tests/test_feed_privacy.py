"""Finding 6: the hub's public calendar feed never gives away the meeting link of an
online event; only a participant with a place gets it, in their own feed, as on the
event's page."""

import icalendar
import pytest
from django.test import Client

from hubro.core.profile_actions import ensure_calendar_token
from hubro.events.actions import register
from hubro.events.models import Event

pytestmark = pytest.mark.django_db
LINK = "https://meet.example.test/hemmelig-rom"


def locations(content: bytes) -> list[str]:
    calendar = icalendar.Calendar.from_ical(content)
    return [str(c.get("location", "")) for c in calendar.walk("VEVENT")]


def test_the_public_hub_feed_has_no_meeting_link(make_event, hub):
    make_event(place=Event.Place.ONLINE, space=None, online_url=LINK)
    response = Client().get(f"/huber/{hub.slug}/arrangementer.ics")
    assert response.status_code == 200
    assert LINK.encode() not in response.content
    assert locations(response.content) == ["Digitalt"]


def test_a_participant_with_a_place_gets_the_link_in_their_own_feed(make_event, kari, ola):
    event = make_event(place=Event.Place.ONLINE, space=None, online_url=LINK, capacity=1)
    register(event, kari, actor=kari)
    register(event, ola, actor=ola)  # waiting list: no link yet, as on the page
    for person, expected in ((kari, True), (ola, False)):
        ensure_calendar_token(person, actor=person)
        person.refresh_from_db()
        content = Client().get(f"/kalender/{person.calendar_token}.ics").content
        assert (LINK.encode() in content) is expected, person.email
