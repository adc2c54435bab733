"""Registrations in the personal feed; a hub's public feed of open events."""

import icalendar
import pytest
from django.test import Client

from hubro.core.profile_actions import ensure_calendar_token
from hubro.events.actions import cancel_registration, register
from hubro.events.models import Event

pytestmark = pytest.mark.django_db


def _feed(person):
    ensure_calendar_token(person, actor=person)
    person.refresh_from_db()
    response = Client().get(f"/kalender/{person.calendar_token}.ics")
    assert response.status_code == 200
    return icalendar.Calendar.from_ical(response.content)


def _summaries(calendar):
    return [str(c["summary"]) for c in calendar.walk("VEVENT")]


def test_a_registration_is_in_the_persons_feed(lunch, kari):
    register(lunch, kari, actor=kari)
    (vevent,) = [
        c for c in _feed(kari).walk("VEVENT") if str(c["uid"]) == f"event-{lunch.pk}@hubro"
    ]
    assert vevent["summary"] == lunch.title
    assert vevent.decoded("dtstart") == lunch.start
    assert "Møterom Lister" in str(vevent["location"])


def test_a_waitlisted_place_is_tentative_and_a_cancelled_one_is_gone(make_event, kari, ola):
    event = make_event(capacity=1)
    register(event, ola, actor=ola)
    mine = register(event, kari, actor=kari)
    (vevent,) = [c for c in _feed(kari).walk("VEVENT") if str(c["uid"]).startswith("event-")]
    assert str(vevent["status"]) == "TENTATIVE"
    cancel_registration(mine, actor=kari)
    assert not [c for c in _feed(kari).walk("VEVENT") if str(c["uid"]).startswith("event-")]


def test_the_hub_feed_lists_open_events_with_their_room(make_event, hub):
    make_event(title="Åpen")
    make_event(title="Lukket", audience=Event.Audience.INVITED, place=Event.Place.ONLINE)
    calendar = icalendar.Calendar.from_ical(
        Client().get(f"/huber/{hub.slug}/arrangementer.ics").content
    )
    assert _summaries(calendar) == ["Åpen"]


def test_an_unknown_hub_has_no_feed(db):
    assert Client().get("/huber/finnes-ikke/arrangementer.ics").status_code == 404
