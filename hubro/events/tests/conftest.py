"""Fixtures of the event tests: a lunch talk in the test hub's meeting room, made by its
host with the event action, and a few more people to fill it."""

import pytest

from conftest import at, make_person
from hubro.core.models import Organization
from hubro.events.actions import create_event
from hubro.events.models import Event


@pytest.fixture
def outsider(places):
    """Someone whose organization has nothing to do with the test hub."""
    from hubro.core.models import Municipality

    org = Organization.objects.create(
        orgnr="974760673",
        name="Brønnøysundregistrene",
        sector="state",
        municipality=Municipality.objects.get(number="1813"),
    )
    return make_person("olga@brreg.test", org, name="Olga Utenfor")


@pytest.fixture
def trond(nav):
    return make_person("trond@nav.test", nav, name="Trond Tredje")


@pytest.fixture
def make_event(vera, meeting_room, tomorrow, lyngdal_kommune):
    """Make an event as the host (``vera``); by default an open lunch talk in the
    meeting room tomorrow 11–12."""

    def make(**fields):
        actor = fields.pop("actor", vera)
        organizers = fields.pop("organizers", [lyngdal_kommune])
        defaults = {
            "kind": Event.Kind.LUNCH_TALK,
            "title": "Faglunsj: kunstig intelligens",
            "start": at(tomorrow, 11),
            "end": at(tomorrow, 12),
            "place": Event.Place.HUB,
            "space": meeting_room,
            "audience": Event.Audience.OPEN,
        }
        if fields.get("place") in (Event.Place.ONLINE, Event.Place.ELSEWHERE):
            defaults.pop("space")
            defaults["hub"] = meeting_room.hub
        return create_event(actor=actor, organizers=organizers, **{**defaults, **fields})

    return make


@pytest.fixture
def lunch(make_event):
    return make_event(capacity=2)
