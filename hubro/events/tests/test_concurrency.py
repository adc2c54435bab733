"""Many people at once: sign-ups never over-fill an event, and two cancellations at the
same moment move up two different people from the waiting list, each emailed once. On
SQLite (IMMEDIATE transactions) and PostgreSQL (the event's row locked)."""

import threading

import pytest
from django.core import mail
from django.db import connections

from conftest import make_person
from hubro.events.actions import cancel_registration, register
from hubro.events.models import Registration


def _race(count, work):
    barrier = threading.Barrier(count)
    outcomes: list = [None] * count

    def run(i):
        try:
            barrier.wait()
            outcomes[i] = work(i)
        except Exception as exc:  # anything unexpected is a bug the test must show
            outcomes[i] = repr(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_simultaneous_sign_ups_never_overfill_an_event(make_event, nav):
    event = make_event(capacity=3)
    people = [make_person(f"rush{i}@nav.test", nav) for i in range(10)]
    outcomes = _race(len(people), lambda i: register(event, people[i], actor=people[i]).status)
    assert sorted(outcomes) == ["registered"] * 3 + ["waitlisted"] * 7, outcomes
    assert event.registrations.filter(status="registered").count() == 3


@pytest.mark.django_db(transaction=True)
def test_two_cancellations_at_once_promote_two_distinct_people(make_event, nav):
    event = make_event(capacity=2)
    people = [make_person(f"p{i}@nav.test", nav, name=f"Person {i}") for i in range(5)]
    registrations = [register(event, p, actor=p) for p in people]
    assert [r.status for r in registrations] == ["registered"] * 2 + ["waitlisted"] * 3
    mail.outbox.clear()

    def leave(i):
        cancel_registration(registrations[i], actor=people[i])
        return "cancelled"

    outcomes = _race(2, leave)
    assert outcomes == ["cancelled", "cancelled"]
    registered = set(
        event.registrations.filter(status=Registration.Status.REGISTERED).values_list(
            "person__email", flat=True
        )
    )
    assert registered == {"p2@nav.test", "p3@nav.test"}
    assert event.registrations.filter(status="waitlisted").get().person == people[4]
    promoted_mail = sorted(m.to[0] for m in mail.outbox if "fått plass" in m.subject)
    assert promoted_mail == ["p2@nav.test", "p3@nav.test"]
