"""An invitation e-mails the invitee in their language, with the event as .ics; a
guest's place, once confirmed, is confirmed by e-mail (test_guests.py signs up)."""

import pytest
from django.core import mail
from icalendar import Calendar

from conftest import make_person
from hubro.events.actions import invite
from hubro.events.models import Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def leaders_meeting(make_event):
    return make_event(
        title="Ledermøte", kind=Event.Kind.LEADERS_MEETING, audience=Event.Audience.INVITED
    )


def _ics(message) -> Calendar:
    (attachment,) = message.attachments
    name, content, mimetype = attachment
    assert name.endswith(".ics") and mimetype.startswith("text/calendar")
    return Calendar.from_ical(content)


def test_an_invitation_arrives_in_nynorsk_with_the_event_attached(
    leaders_meeting, vera, nav, django_capture_on_commit_callbacks
):
    nynorsk = make_person("nils@nav.test", nav, name="Nils Nynorsk", language="nn")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert invite(leaders_meeting, actor=vera, people=[nynorsk]) == 1
    (message,) = mail.outbox
    assert message.to == ["nils@nav.test"]
    assert message.extra_headers["Content-Language"] == "nn"
    assert message.subject == "Invitasjon: Ledermøte"
    assert "Du er invitert til eit arrangement" in message.body
    assert "Hei Nils" in message.body
    (vevent,) = _ics(message).walk("VEVENT")
    assert str(vevent["summary"]) == "Ledermøte"
    assert vevent.decoded("dtstart") == leaders_meeting.start


def test_an_address_without_account_gets_bokmal_and_nobody_gets_it_twice(
    leaders_meeting, vera, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        invite(leaders_meeting, actor=vera, emails=["leder@statsforvalteren.test"])
        invite(leaders_meeting, actor=vera, emails=["leder@statsforvalteren.test"])
    (message,) = mail.outbox
    assert message.extra_headers["Content-Language"] == "nb"
    assert "Du er invitert til et arrangement" in message.body
    _ics(message)


def test_an_english_invitee_reads_english(
    leaders_meeting, vera, nav, django_capture_on_commit_callbacks
):
    english = make_person("emma@nav.test", nav, name="Emma English", language="en")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        invite(leaders_meeting, actor=vera, organizations=[nav])
    (message,) = [m for m in mail.outbox if m.to == [english.email]]
    assert message.subject.startswith("Invitation")
