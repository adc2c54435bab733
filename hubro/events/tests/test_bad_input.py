"""Input a user can give that once broke a page: a time in the hour that does not exist
when clocks go forward, a NUL character in a filter. Also the small things a reviewer
saw: bokmål placeholders in the event's select boxes, the participant list in order,
and the API's deadline in local time like the event's start and end."""

import csv
import datetime as dt
import io

import pytest
from django.test import Client
from django.utils import timezone

from conftest import at
from hubro.core.errors import Invalid
from hubro.core.timeutil import local_datetime
from hubro.events.actions import create_event, register
from hubro.events.models import Event

pytestmark = pytest.mark.django_db


def _spring_forward_day() -> dt.date:
    """The next last Sunday of March (Europe/Oslo moves from 02:00 to 03:00)."""
    year = timezone.localdate().year + 1
    day = dt.date(year, 3, 31)
    return day - dt.timedelta(days=(day.weekday() - 6) % 7)


def test_an_event_in_the_missing_hour_is_refused_by_the_action(vera, hub, lyngdal_kommune):
    day = _spring_forward_day()
    with pytest.raises(Invalid) as refused:
        create_event(
            actor=vera,
            organizers=[lyngdal_kommune],
            kind=Event.Kind.LUNCH_TALK,
            title="Mellom to klokkeslett",
            start=local_datetime(day, dt.time(2, 30)),
            end=local_datetime(day, dt.time(3, 30)),
            place=Event.Place.ONLINE,
            hub=hub,
            audience=Event.Audience.OPEN,
        )
    assert refused.value.code == "invalid_range"
    assert not Event.objects.exists()


def test_an_event_in_the_missing_hour_is_a_field_error_in_the_form_not_a_500(vera, hub):
    client = Client()
    client.force_login(vera)
    response = client.post(
        "/arrangementer/nytt/",
        {
            "kind": "lunch_talk",
            "title": "Mellom to klokkeslett",
            "date": _spring_forward_day().isoformat(),
            "start": "02:30",
            "end": "03:30",
            "place": "online",
            "hub": str(hub.pk),
            "audience": "open",
        },
    )
    assert response.status_code == 422
    assert 'id="id_end-error"' in response.content.decode()
    assert not Event.objects.exists()


def test_event_times_are_stored_as_the_same_instants(make_event, tomorrow):
    event = make_event(start=at(tomorrow, 11), end=at(tomorrow, 12))
    event.refresh_from_db()
    assert (event.start, event.end) == (at(tomorrow, 11), at(tomorrow, 12))


def test_a_nul_character_in_the_list_filter_is_no_500(kari, make_event):
    make_event()
    client = Client(raise_request_exception=False)
    client.force_login(kari)
    response = client.get("/arrangementer/?hub=%00&type=%00")
    assert response.status_code == 200
    assert "Faglunsj: kunstig intelligens" not in response.content.decode()


def test_a_nul_character_in_the_api_filter_is_no_500(kari, make_event, api_as):
    make_event()
    api = api_as(kari)
    api.client.raise_request_exception = False
    assert api.get("/api/v1/events", hub="\x00").status_code in (200, 422)


def test_the_select_boxes_have_a_bokmal_placeholder(vera, make_event):
    event = make_event()
    client = Client()
    client.force_login(vera)
    for path in ("/arrangementer/nytt/", f"/arrangementer/{event.pk}/deltakere/"):
        body = client.get(path).content.decode()
        assert "Select an option" not in body, path
    assert "Velg et rom på huben." in client.get("/arrangementer/nytt/").content.decode()


def test_the_participant_list_has_the_registered_first_then_the_waiting_list(
    lunch, kari, ola, trond, vera
):
    register(lunch, trond, actor=trond)
    register(lunch, kari, actor=kari)
    register(lunch, ola, actor=ola)  # capacity 2: waiting
    client = Client()
    client.force_login(vera)
    text = client.get(f"/arrangementer/{lunch.pk}/deltakere.csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert [(row[0], row[4]) for row in rows[1:]] == [
        ("Trond Tredje", "Påmeldt"),
        ("Kari Nordmann", "Påmeldt"),
        ("Ola Nordmann", "På venteliste"),
    ]


def test_the_api_gives_the_deadline_in_local_time_like_start_and_end(make_event, kari, api_as):
    deadline = (timezone.now() + dt.timedelta(hours=2)).replace(microsecond=0)
    event = make_event(registration_deadline=deadline)
    body = api_as(kari).get(f"/api/v1/events/{event.pk}").json()
    given = dt.datetime.fromisoformat(body["registration_deadline"])
    start = dt.datetime.fromisoformat(body["start"])
    assert given == deadline
    assert given.utcoffset() == timezone.localtime(deadline).utcoffset()
    assert start.utcoffset() == timezone.localtime(event.start).utcoffset()


TOO_BIG = "99999999999999999999999"


def test_an_organizer_id_past_64_bits_is_a_field_error(vera, meeting_room, tomorrow):
    client = Client(raise_request_exception=False)
    client.force_login(vera)
    response = client.post(
        "/arrangementer/nytt/",
        {
            "kind": "lunch_talk",
            "title": "Stor id",
            "date": tomorrow.isoformat(),
            "start": "11:00",
            "end": "12:00",
            "place": "hub",
            "space": str(meeting_room.pk),
            "audience": "open",
            "organizers": TOO_BIG,
        },
    )
    assert response.status_code == 422
    assert 'id="id_organizers-error"' in response.content.decode()
    assert not Event.objects.exists()


def test_an_id_past_64_bits_in_the_invitations_or_attendance_is_no_500(make_event, vera, kari):
    event = make_event()
    registration = register(event, kari, actor=kari)
    Event.objects.filter(pk=event.pk).update(start=timezone.now() - dt.timedelta(minutes=5))
    client = Client(raise_request_exception=False)
    client.force_login(vera)
    invited = client.post(f"/arrangementer/{event.pk}/inviter/", {"organizations": TOO_BIG})
    assert invited.status_code == 302
    assert not event.invitations.exists()
    marked = client.post(
        f"/arrangementer/{event.pk}/deltakere/",
        {"shown": [TOO_BIG, str(registration.pk)], "attended": [TOO_BIG, str(registration.pk)]},
    )
    assert marked.status_code == 302
    registration.refresh_from_db()
    assert registration.attended is True
