"""Queueing mail from actions: muted for the demo, never failing the action."""

import pytest
from django.core import mail

from conftest import at
from hubro.bookings.actions import create_booking
from hubro.core import notify


class Recorder:
    name = "recorder"

    def __init__(self, fail=False):
        self.calls = []
        self.fail = fail

    def enqueue(self, *args):
        if self.fail:
            raise RuntimeError("queue is down")
        self.calls.append(args)


def test_enqueue_queues_unless_muted():
    task = Recorder()
    notify.enqueue(task, 1, "created")
    with notify.muted():
        notify.enqueue(task, 2, "created")
        assert notify.is_muted()
    notify.enqueue(task, 3, "created")
    assert task.calls == [(1, "created"), (3, "created")]
    assert not notify.is_muted()


def test_a_queue_failure_is_logged_not_raised(caplog):
    notify.enqueue(Recorder(fail=True), 7)
    assert "Could not queue recorder(7,)" in caplog.text


@pytest.mark.django_db
def test_a_booking_made_while_muted_sends_no_mail(
    desk, kari, tomorrow, django_capture_on_commit_callbacks
):
    with notify.muted(), django_capture_on_commit_callbacks(execute=True):
        create_booking(
            space=desk, person=kari, start=at(tomorrow, 9), end=at(tomorrow, 10), actor=kari
        )
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        create_booking(
            space=desk, person=kari, start=at(tomorrow, 11), end=at(tomorrow, 12), actor=kari
        )
    assert len(mail.outbox) == 1
