"""Many threads race for one space. Exactly one booking may win each slot, on SQLite
(IMMEDIATE transactions) and on PostgreSQL (row lock + exclusion constraint)."""

import threading

import pytest
from django.db import connections

from conftest import at, make_person
from hubro.bookings.actions import create_booking
from hubro.bookings.models import Booking
from hubro.core.errors import Conflict

THREADS = 12


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("overlap", ["same_slot", "overlapping_slots"])
def test_exactly_one_booking_wins_a_contested_slot(desk, nav, tomorrow, overlap):
    people = [make_person(f"racer{i}@nav.test", nav) for i in range(THREADS)]
    barrier = threading.Barrier(THREADS)
    outcomes: list = [None] * THREADS

    def race(i):
        try:
            barrier.wait()
            start = at(tomorrow, 9) if overlap == "same_slot" else at(tomorrow, 9, (i % 4) * 15)
            end = at(tomorrow, 12)
            create_booking(space=desk, person=people[i], start=start, end=end, actor=people[i])
            outcomes[i] = "won"
        except Conflict as exc:
            outcomes[i] = exc.code
        except Exception as exc:  # anything else is a bug the test must show
            outcomes[i] = repr(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=race, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert outcomes.count("won") == 1, outcomes
    assert outcomes.count("conflict") == THREADS - 1, outcomes
    assert Booking.objects.confirmed().filter(space=desk).count() == 1


@pytest.mark.django_db(transaction=True)
def test_disjoint_slots_all_win_under_contention(desk, nav, tomorrow):
    people = [make_person(f"slot{i}@nav.test", nav) for i in range(8)]
    barrier = threading.Barrier(len(people))
    outcomes: list = [None] * len(people)

    def race(i):
        try:
            barrier.wait()
            create_booking(
                space=desk,
                person=people[i],
                start=at(tomorrow, 8 + i),
                end=at(tomorrow, 9 + i),
                actor=people[i],
            )
            outcomes[i] = "won"
        except Exception as exc:
            outcomes[i] = repr(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=race, args=(i,)) for i in range(len(people))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes == ["won"] * len(people)


@pytest.mark.django_db(transaction=True)
def test_the_database_itself_refuses_an_overlap_on_postgresql(desk, kari, tomorrow):
    from django.db import IntegrityError, connection

    if connection.vendor != "postgresql":
        pytest.skip("exclusion constraints exist on PostgreSQL only")
    Booking.objects.create(
        space=desk,
        person=kari,
        organization=kari.primary_membership.organization,
        start=at(tomorrow, 9),
        end=at(tomorrow, 12),
    )
    with pytest.raises(IntegrityError):
        Booking.objects.create(
            space=desk,
            person=kari,
            organization=kari.primary_membership.organization,
            start=at(tomorrow, 11),
            end=at(tomorrow, 13),
        )
