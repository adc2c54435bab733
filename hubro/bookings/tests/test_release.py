"""Release of no-shows: bookings not checked in when the window closes are released in
hubs that ask for it, the space is free again, and no-shows are counted."""

import datetime as dt
import threading
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connections
from django.tasks import TaskResultStatus
from django.utils import timezone

from conftest import at
from hubro.bookings.actions import create_booking
from hubro.bookings.checkin import check_in, no_show_count, release_no_shows
from hubro.bookings.models import Booking
from hubro.bookings.tasks import release_no_shows_task
from hubro.core.errors import Conflict
from hubro.core.models import AuditEntry
from hubro.spaces.models import Hub, Space

pytestmark = pytest.mark.django_db


def make_booking(space, person, start, end, **fields):
    return Booking.objects.create(
        space=space,
        person=person,
        organization=person.memberships.get().organization,
        start=start,
        end=end,
        **fields,
    )


@pytest.fixture
def releasing(hub):
    # No holiday may make tomorrow unbookable: these tests are about release.
    hub.release_no_shows = True
    hub.observe_public_holidays = False
    hub.save()
    return hub


@pytest.fixture
def no_show(releasing, meeting_room, kari, tomorrow):
    return make_booking(meeting_room, kari, at(tomorrow, 9), at(tomorrow, 11))


def test_release_is_off_by_default(hub, meeting_room, kari, tomorrow):
    assert Hub._meta.get_field("release_no_shows").default is False
    assert Hub.objects.get(pk=hub.pk).release_no_shows is False
    booking = make_booking(meeting_room, kari, at(tomorrow, 9), at(tomorrow, 11))
    assert release_no_shows(now=at(tomorrow, 10)) == []
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED


def test_a_no_show_is_released_by_the_task_and_someone_else_can_book_the_space(
    releasing, meeting_room, kari, ola, tomorrow, django_capture_on_commit_callbacks
):
    booking = create_booking(
        space=meeting_room, person=kari, start=at(tomorrow, 9), end=at(tomorrow, 11), actor=kari
    )
    with pytest.raises(Conflict):
        create_booking(
            space=meeting_room, person=ola, start=at(tomorrow, 9, 30), end=at(tomorrow, 11),
            actor=ola,
        )  # fmt: skip

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        result = release_no_shows_task.enqueue(now=at(tomorrow, 9, 30).isoformat())
    assert result.status == TaskResultStatus.SUCCESSFUL, result.errors
    assert result.return_value == [booking.pk]

    booking.refresh_from_db()
    assert booking.status == Booking.Status.RELEASED
    assert booking.released_at == at(tomorrow, 9, 30)
    entry = AuditEntry.objects.get(action="booking.release")
    assert (entry.object_id, entry.actor_label, entry.hub_id) == (
        str(booking.pk),
        "system",
        releasing.pk,
    )
    # The person is told why.
    assert [message.to for message in mail.outbox] == [[kari.email]]
    assert "sjekket ikke inn" in mail.outbox[0].body

    # On PostgreSQL the exclusion constraint would refuse this if the booking still held.
    taken = create_booking(
        space=meeting_room, person=ola, start=at(tomorrow, 9, 30), end=at(tomorrow, 11), actor=ola
    )
    assert taken.status == Booking.Status.CONFIRMED


def test_the_task_uses_the_time_now_when_given_none(releasing, meeting_room, kari):
    now = timezone.now()
    booking = make_booking(meeting_room, kari, now - dt.timedelta(hours=1), now + dt.timedelta(1))
    upcoming = make_booking(
        meeting_room, kari, now + dt.timedelta(days=2), now + dt.timedelta(days=2, hours=1)
    )
    result = release_no_shows_task.enqueue()
    assert result.return_value == [booking.pk]
    booking.refresh_from_db()
    upcoming.refresh_from_db()
    assert (booking.status, upcoming.status) == ("released", "confirmed")


def test_nothing_is_released_while_the_window_is_open(no_show, tomorrow):
    assert release_no_shows(now=at(tomorrow, 9, 29) + dt.timedelta(seconds=59)) == []
    no_show.refresh_from_db()
    assert no_show.status == Booking.Status.CONFIRMED


def test_a_checked_in_booking_is_not_released(no_show, kari, tomorrow):
    check_in(no_show, actor=kari, now=at(tomorrow, 9, 10))
    assert release_no_shows(now=at(tomorrow, 10)) == []
    no_show.refresh_from_db()
    assert no_show.status == Booking.Status.CONFIRMED


def test_a_cancelled_booking_is_not_released(no_show, tomorrow):
    Booking.objects.filter(pk=no_show.pk).update(status="cancelled", cancelled_at=timezone.now())
    assert release_no_shows(now=at(tomorrow, 10)) == []
    no_show.refresh_from_db()
    assert (no_show.status, no_show.released_at) == ("cancelled", None)


def test_the_release_follows_the_hubs_window(no_show, releasing, tomorrow):
    releasing.checkin_closes_after = 10
    releasing.save()
    assert release_no_shows(now=at(tomorrow, 9, 9)) == []
    assert release_no_shows(now=at(tomorrow, 9, 10)) == [no_show.pk]


def test_other_hubs_keep_their_bookings(no_show, kari, tomorrow, lyngdal, lyngdal_kommune):
    other_hub = Hub.objects.create(
        name="Annen", slug="annen", municipality=lyngdal, host_organization=lyngdal_kommune
    )
    other = make_booking(
        Space.objects.create(hub=other_hub, name="Rom", kind="meeting_room"),
        kari,
        at(tomorrow, 9),
        at(tomorrow, 11),
    )
    assert release_no_shows(now=at(tomorrow, 10)) == [no_show.pk]
    other.refresh_from_db()
    assert other.status == Booking.Status.CONFIRMED


def test_bookings_from_before_the_lookback_are_left_alone(releasing, meeting_room, kari):
    now = timezone.now()
    old = make_booking(
        meeting_room, kari, now - dt.timedelta(days=3), now - dt.timedelta(days=3, hours=-1)
    )
    assert release_no_shows(now=now) == []
    old.refresh_from_db()
    assert old.status == Booking.Status.CONFIRMED


def test_releasing_twice_releases_once(no_show, tomorrow, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert release_no_shows(now=at(tomorrow, 9, 45)) == [no_show.pk]
    with django_capture_on_commit_callbacks(execute=True):
        assert release_no_shows(now=at(tomorrow, 10)) == []
    no_show.refresh_from_db()
    assert no_show.released_at == at(tomorrow, 9, 45)
    assert AuditEntry.objects.filter(action="booking.release").count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_releases_release_each_booking_once(releasing, meeting_room, desk, kari, ola):
    now = timezone.now()
    bookings = [
        make_booking(space, person, now - dt.timedelta(hours=1), now + dt.timedelta(hours=1))
        for space, person in ((meeting_room, kari), (desk, ola))
    ]
    workers = 6
    barrier = threading.Barrier(workers)
    results: list = [None] * workers

    def run(i):
        try:
            barrier.wait()
            results[i] = release_no_shows(now=now)
        except Exception as exc:  # anything else is a bug the test must show
            results[i] = repr(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert all(isinstance(result, list) for result in results), results
    released = sorted(pk for result in results for pk in result)
    assert released == sorted(b.pk for b in bookings)
    assert AuditEntry.objects.filter(action="booking.release").count() == 2
    assert Booking.objects.filter(status="released").count() == 2


def test_no_shows_are_counted_for_the_hubs_statistics(
    releasing, meeting_room, desk, kari, ola, tomorrow
):
    day = tomorrow
    released = make_booking(meeting_room, kari, at(day, 9), at(day, 10))
    release_no_shows(now=at(day, 9, 30))
    make_booking(meeting_room, ola, at(day, 10), at(day, 11))  # not checked in, window closed
    checked = make_booking(meeting_room, kari, at(day, 11), at(day, 12))
    check_in(checked, actor=kari, now=at(day, 11))
    make_booking(
        meeting_room, ola, at(day, 12), at(day, 13), status="cancelled", cancelled_at=at(day, 8)
    )
    make_booking(desk, kari, at(day, 16), at(day, 17))  # window still open at 16:10
    make_booking(desk, ola, at(day + dt.timedelta(days=1), 9), at(day + dt.timedelta(days=1), 10))

    start, end = at(day, 0), at(day + dt.timedelta(days=1), 0)
    now = at(day, 16, 10)
    released.refresh_from_db()
    assert released.status == "released"
    assert no_show_count(releasing, start, end, now=now) == 2
    assert no_show_count(releasing, start, end, now=at(day, 18)) == 3
    assert no_show_count(releasing, at(day, 10), end, now=now) == 1


# --- The periodic command and the worker ------------------------------------------------
def test_bookingjobs_releases_and_reports(releasing, meeting_room, kari):
    now = timezone.now()
    booking = make_booking(meeting_room, kari, now - dt.timedelta(hours=1), now + dt.timedelta(1))
    out = StringIO()
    call_command("bookingjobs", stdout=out)
    assert f"release no-shows: 1 booking(s) (#{booking.pk})" in out.getvalue()
    assert "reminders: 0 booking(s)" in out.getvalue()
    booking.refresh_from_db()
    assert booking.status == Booking.Status.RELEASED


@pytest.mark.django_db(transaction=True)
def test_with_the_database_backend_the_worker_runs_what_bookingjobs_queued(
    settings, releasing, meeting_room, kari
):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    now = timezone.now()
    booking = make_booking(meeting_room, kari, now - dt.timedelta(hours=1), now + dt.timedelta(1))
    mail.outbox.clear()
    out = StringIO()
    call_command("bookingjobs", stdout=out)
    assert out.getvalue().count("queued as task") == 2
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED  # nothing ran yet

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    booking.refresh_from_db()
    assert booking.status == Booking.Status.RELEASED
    # The release queued the email, and the same batch sent it.
    assert [message.to for message in mail.outbox] == [[kari.email]]


def test_a_released_booking_is_listed_with_the_past_ones(client, kari, desk, tomorrow):
    from django.utils import timezone

    from conftest import at
    from hubro.bookings.models import Booking
    from hubro.bookings.queries import past_bookings_of, upcoming_bookings_of

    booking = Booking.objects.create(
        space=desk,
        person=kari,
        organization=kari.primary_membership.organization,
        start=at(tomorrow, 9),
        end=at(tomorrow, 10),
        status=Booking.Status.RELEASED,
        released_at=timezone.now(),
    )
    assert booking in list(past_bookings_of(kari))
    assert booking not in list(upcoming_bookings_of(kari))
