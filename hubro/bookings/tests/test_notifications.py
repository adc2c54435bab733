"""Booking emails: sent as background tasks in the recipient's language, plain text and
HTML, with an .ics that calendar programs (here: icalendar) read; a broken mail server
never breaks a booking."""

import datetime as dt
import logging

import icalendar
import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone, translation
from django.utils.formats import date_format

from conftest import at
from hubro.bookings.models import Booking
from hubro.bookings.notifications import mark_reminders_due, notify
from hubro.bookings.tasks import send_booking_email, send_reminders_task

pytestmark = pytest.mark.django_db

# Django's own catalogues name the weekday in each language, so these words prove the
# email was rendered in the recipient's language whatever our catalogues hold.
TUESDAY = {"nb": "tirsdag", "nn": "tysdag", "en": "tuesday"}
EVENTS = ["created", "cancelled", "released", "reminder", "moved"]


class BrokenBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("the mail server is down")


@pytest.fixture
def tuesday():
    """A Tuesday at least two days ahead."""
    day = timezone.localdate() + dt.timedelta(days=2)
    return day + dt.timedelta(days=(1 - day.weekday()) % 7)


@pytest.fixture
def open_hub(hub):
    hub.observe_public_holidays = False  # a holiday must not make the test day unbookable
    hub.release_no_shows = True
    hub.save()
    return hub


def make_booking(space, person, start, end, **fields):
    return Booking.objects.create(
        space=space,
        person=person,
        organization=person.memberships.get().organization,
        start=start,
        end=end,
        **fields,
    )


def status_for(event, now):
    if event == "cancelled":
        return {"status": "cancelled", "cancelled_at": now}
    if event == "released":
        return {"status": "released", "released_at": now}
    return {}


def ics_of(message):
    """The text/calendar part of a sent message: (its METHOD parameter, the calendar)."""
    parts = [p for p in message.message().walk() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1
    part = parts[0]
    assert part.get_content_disposition() == "attachment"
    assert part.get_filename().endswith(".ics")
    return part.get_param("method"), icalendar.Calendar.from_ical(part.get_content())


def html_of(message):
    (html,) = [content for content, mimetype in message.alternatives if mimetype == "text/html"]
    return html


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
@pytest.mark.parametrize("event", EVENTS)
def test_each_email_is_in_the_recipients_language_with_a_valid_ics(
    open_hub, meeting_room, kari, tuesday, language, event
):
    kari.language = language
    kari.save()
    booking = make_booking(
        meeting_room,
        kari,
        at(tuesday, 9),
        at(tuesday, 10, 30),
        **status_for(event, at(tuesday, 8)),
    )
    mail.outbox.clear()

    result = send_booking_email.enqueue(booking.pk, event)

    assert result.return_value is True, result.errors
    (message,) = mail.outbox
    assert message.to == [kari.email]
    assert message.subject and "\n" not in message.subject
    assert message.extra_headers["Content-Language"] == language
    assert TUESDAY[language] in message.body.lower()
    assert "09:00–10:30" in message.body
    assert "Møterom Lister" in message.body and "Testlab" in message.body
    html = html_of(message)
    assert f'<html lang="{language}">' in html
    assert TUESDAY[language] in html.lower()

    method, calendar = ics_of(message)
    cancelling = event in ("cancelled", "released")
    assert method == ("CANCEL" if cancelling else "PUBLISH")
    assert calendar["METHOD"] == method
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["UID"]) == f"booking-{booking.pk}@hubro"
    assert vevent["STATUS"] == ("CANCELLED" if cancelling else "CONFIRMED")
    assert vevent.decoded("DTSTART") == at(tuesday, 9)
    assert vevent.decoded("DTEND") == at(tuesday, 10, 30)
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Oslo"


def _catalogue_has_the_email_strings(language):
    with translation.override(language):
        return translation.gettext("Bookingen er bekreftet") != "Bookingen er bekreftet"


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_the_email_text_itself_is_translated(open_hub, meeting_room, kari, tuesday, language):
    if language != "nb" and not _catalogue_has_the_email_strings(language):
        pytest.skip(f"the {language} catalogue lacks the email strings yet (make messages)")
    kari.language = language
    kari.save()
    booking = make_booking(meeting_room, kari, at(tuesday, 9), at(tuesday, 10))
    mail.outbox.clear()
    send_booking_email.enqueue(booking.pk, "created")
    with translation.override(language):
        heading = translation.gettext("Bookingen er bekreftet")
    html = html_of(mail.outbox[0])
    assert f">{heading}</h1>" in html
    if language != "nb":
        assert "Bookingen er bekreftet" not in html
        assert "Du har booket" not in mail.outbox[0].body


def test_the_release_email_says_why_and_offers_to_book_again(
    open_hub, meeting_room, kari, tuesday
):
    released = status_for("released", at(tuesday, 9, 30))
    booking = make_booking(meeting_room, kari, at(tuesday, 9), at(tuesday, 11), **released)
    mail.outbox.clear()
    send_booking_email.enqueue(booking.pk, "released")
    (message,) = mail.outbox
    assert "Frigitt" in message.subject
    assert "sjekket ikke inn" in message.body and "09:30" in message.body
    assert f"/huber/testlab/rom/{meeting_room.pk}/book/?date={tuesday.isoformat()}" in message.body


def test_the_booking_email_tells_when_to_check_in_where_no_shows_are_released(
    open_hub, meeting_room, kari, tuesday, settings
):
    settings.HUBRO_BASE_URL = "https://hubro.example.no"
    booking = make_booking(meeting_room, kari, at(tuesday, 9), at(tuesday, 11))
    mail.outbox.clear()
    send_booking_email.enqueue(booking.pk, "created")
    body = mail.outbox[0].body
    assert "mellom kl. 08:45 og 09:30" in body
    assert f"https://hubro.example.no/rom/{meeting_room.pk}/sjekk-inn/" in body


def test_an_email_for_a_booking_that_is_gone_is_skipped(kari):
    mail.outbox.clear()
    assert send_booking_email.enqueue(987654, "created").return_value is False
    assert mail.outbox == []


# --- Through the booking actions and the API --------------------------------------------
def test_booking_and_cancelling_through_the_api_sends_both_emails(
    open_hub, meeting_room, kari, tuesday, api_as, django_capture_on_commit_callbacks
):
    kari.language = "en"
    kari.save()
    client = api_as(kari)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/api/v1/bookings",
            {
                "space": meeting_room.pk,
                "start": at(tuesday, 9).isoformat(),
                "end": at(tuesday, 10).isoformat(),
            },
        )
    assert response.status_code == 201, response.content
    booking_id = response.json().get("id") or Booking.objects.get().pk
    assert len(mail.outbox) == 1
    assert ics_of(mail.outbox[0])[0] == "PUBLISH"
    assert "Tuesday" in mail.outbox[0].body

    with django_capture_on_commit_callbacks(execute=True):
        assert client.delete(f"/api/v1/bookings/{booking_id}").status_code == 204
    assert len(mail.outbox) == 2
    assert ics_of(mail.outbox[1])[0] == "CANCEL"


def test_a_broken_mail_server_does_not_fail_the_booking(
    open_hub, meeting_room, kari, tuesday, api_as, settings, django_capture_on_commit_callbacks
):
    settings.MAILERS = {
        "default": {"BACKEND": "hubro.bookings.tests.test_notifications.BrokenBackend"}
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = api_as(kari).post(
            "/api/v1/bookings",
            {
                "space": meeting_room.pk,
                "start": at(tuesday, 9).isoformat(),
                "end": at(tuesday, 10).isoformat(),
            },
        )
    assert response.status_code == 201, response.content
    assert Booking.objects.confirmed().filter(person=kari).count() == 1


def test_a_failure_to_queue_is_logged_and_swallowed(kari, monkeypatch, caplog):
    def refuse(*args, **kwargs):
        raise RuntimeError("the task queue is down")

    class DownQueue:
        enqueue = staticmethod(refuse)

    monkeypatch.setattr("hubro.bookings.tasks.send_booking_email", DownQueue())
    with caplog.at_level(logging.ERROR, logger="hubro.bookings.notifications"):
        notify("created", [1, 2])
        notify("no-such-event", [1])
    assert "the task queue is down" in caplog.text
    assert "no-such-event" in caplog.text


# --- Reminders ---------------------------------------------------------------------------
def test_reminders_go_once_to_bookings_that_start_tomorrow(
    open_hub, meeting_room, desk, kari, ola, tomorrow, django_capture_on_commit_callbacks
):
    ola.language = "nn"
    ola.save()
    today = tomorrow - dt.timedelta(days=1)
    due = make_booking(meeting_room, kari, at(tomorrow, 9), at(tomorrow, 10))
    late_evening = make_booking(desk, ola, at(tomorrow, 17), at(tomorrow, 18))
    make_booking(desk, kari, at(today, 17), at(today, 18))  # today: too late to remind
    day_after = tomorrow + dt.timedelta(days=1)
    make_booking(desk, kari, at(day_after, 9), at(day_after, 10))  # the day after: not yet
    make_booking(
        meeting_room, ola, at(tomorrow, 12), at(tomorrow, 13), status="cancelled",
        cancelled_at=timezone.now(),
    )  # fmt: skip
    now = at(today, 8)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        result = send_reminders_task.enqueue(now=now.isoformat())
    assert sorted(result.return_value) == sorted([due.pk, late_evening.pk])
    assert sorted(m.to[0] for m in mail.outbox) == sorted([kari.email, ola.email])
    nynorsk = next(m for m in mail.outbox if m.to == [ola.email])
    with translation.override("nn"):
        weekday = date_format(tomorrow, "l")
    assert weekday.lower() in nynorsk.body.lower()
    assert ics_of(nynorsk)[0] == "PUBLISH"
    due.refresh_from_db()
    assert due.reminder_sent_at == now

    with django_capture_on_commit_callbacks(execute=True):
        assert mark_reminders_due(now=at(today, 9)) == []
    assert len(mail.outbox) == 2
