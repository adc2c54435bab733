"""Signing up and off: places, the waiting list that moves up with an email, the
deadline, invited-only events and attendance."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.formats import date_format

from conftest import at, make_person
from hubro.core.errors import Conflict, Invalid
from hubro.events.actions import cancel_registration, invite, mark_attendance, register
from hubro.events.models import Event, Registration
from hubro.events.queries import waitlist_position

pytestmark = pytest.mark.django_db


def test_with_capacity_two_the_third_sign_up_is_waitlisted(lunch, kari, ola, trond):
    statuses = [register(lunch, p, actor=p).status for p in (kari, ola, trond)]
    assert statuses == ["registered", "registered", "waitlisted"]
    third = Registration.objects.get(person=trond)
    assert waitlist_position(third) == 1


def test_a_cancellation_moves_the_first_waiting_up_and_emails_them(
    lunch, kari, ola, trond, django_capture_on_commit_callbacks
):
    first = register(lunch, kari, actor=kari)
    register(lunch, ola, actor=ola)
    register(lunch, trond, actor=trond)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cancel_registration(first, actor=kari)
    promoted = Registration.objects.get(person=trond)
    assert promoted.status == Registration.Status.REGISTERED
    assert promoted.promoted_at is not None
    assert [m.to for m in mail.outbox] == [["trond@nav.test"]]
    assert lunch.title in mail.outbox[0].subject
    assert f"/arrangementer/{lunch.pk}/" in mail.outbox[0].body


def test_the_promotion_email_is_in_the_persons_language(
    lunch, kari, ola, nav, django_capture_on_commit_callbacks
):
    english = make_person("eve@nav.test", nav, name="Eve English", language="en")
    first = register(lunch, kari, actor=kari)
    register(lunch, ola, actor=ola)
    register(lunch, english, actor=english)
    with django_capture_on_commit_callbacks(execute=True):
        cancel_registration(first, actor=kari)
    (message,) = mail.outbox
    assert message.extra_headers["Content-Language"] == "en"
    with translation.override("en"):
        weekday = date_format(timezone.localtime(lunch.start), "l")
    assert weekday.lower() in message.body.lower()


def test_cancelling_from_the_waiting_list_promotes_nobody(lunch, kari, ola, trond):
    register(lunch, kari, actor=kari)
    register(lunch, ola, actor=ola)
    waiting = register(lunch, trond, actor=trond)
    cancel_registration(waiting, actor=trond)
    assert lunch.registrations.filter(status="registered").count() == 2
    assert not lunch.registrations.filter(status="waitlisted").exists()


def test_signing_up_twice_is_a_conflict(lunch, kari):
    register(lunch, kari, actor=kari)
    with pytest.raises(Conflict) as twice:
        register(lunch, kari, actor=kari)
    assert twice.value.code == "already_registered"


def test_one_may_sign_up_again_after_cancelling(lunch, kari):
    cancel_registration(register(lunch, kari, actor=kari), actor=kari)
    assert register(lunch, kari, actor=kari).status == "registered"


def test_sign_up_is_closed_after_the_deadline(make_event, kari):
    event = make_event(registration_deadline=timezone.now() - dt.timedelta(minutes=1))
    with pytest.raises(Invalid) as closed:
        register(event, kari, actor=kari)
    assert closed.value.code == "closed"


def test_raising_the_capacity_moves_people_up(lunch, vera, kari, ola, trond):
    from hubro.events.actions import update_event

    for person in (kari, ola, trond):
        register(lunch, person, actor=person)
    update_event(lunch, actor=vera, capacity=3)
    assert not lunch.registrations.filter(status="waitlisted").exists()


def test_invited_only_events_take_invitees_only(make_event, vera, kari, ola):
    event = make_event(audience=Event.Audience.INVITED)
    with pytest.raises(Invalid) as refused:
        register(event, kari, actor=kari)
    assert refused.value.code == "not_invited"
    invite(event, actor=vera, people=[kari])
    assert register(event, kari, actor=kari).status == "registered"


def test_the_host_marks_attendance_once_the_event_has_started(
    make_event, vera, kari, ola, tomorrow
):
    event = make_event()
    came = register(event, kari, actor=kari)
    absent = register(event, ola, actor=ola)
    with pytest.raises(Invalid) as early:
        mark_attendance(event, {came.pk: True}, actor=vera)
    assert early.value.code == "too_early"
    later = at(tomorrow, 12, 30)
    assert mark_attendance(event, {came.pk: True, absent.pk: False}, actor=vera, now=later) == 2
    came.refresh_from_db()
    absent.refresh_from_db()
    assert (came.attended, absent.attended) == (True, False)


def test_a_participant_may_not_mark_attendance(make_event, kari, tomorrow):
    event = make_event()
    mine = register(event, kari, actor=kari)
    with pytest.raises(Invalid) as refused:
        mark_attendance(event, {mine.pk: True}, actor=kari, now=at(tomorrow, 13))
    assert refused.value.code == "not_allowed"


def test_cancelling_the_event_emails_everyone_registered_or_waiting(
    lunch, vera, kari, ola, trond, django_capture_on_commit_callbacks
):
    from hubro.events.actions import cancel_event

    for person in (kari, ola, trond):
        register(lunch, person, actor=person)
    with django_capture_on_commit_callbacks(execute=True):
        cancel_event(lunch, actor=vera)
    assert sorted(m.to[0] for m in mail.outbox if "Avlyst" in m.subject) == [
        "kari@nav.test",
        "ola@lyngdal.test",
        "trond@nav.test",
    ]
    late = make_person("sen@nav.test", kari.primary_membership.organization)
    with pytest.raises(Invalid) as closed:
        register(lunch, late, actor=late)
    assert closed.value.code == "closed"
