"""An event in a hub's room holds a booking made with the booking action: it blocks the
room for bookings, a booking blocks it, and moving or cancelling it moves or frees the
room. Run on SQLite and PostgreSQL alike."""

import pytest

from conftest import at
from hubro.bookings.actions import cancel_booking, create_booking
from hubro.bookings.models import Booking
from hubro.core.errors import Conflict, Invalid
from hubro.events.actions import cancel_event, update_event
from hubro.events.models import Event

pytestmark = pytest.mark.django_db


def test_an_event_in_a_meeting_room_blocks_the_room_for_bookings(
    make_event, meeting_room, kari, tomorrow
):
    event = make_event()
    assert event.booking is not None
    assert event.booking.space == meeting_room
    assert (event.booking.start, event.booking.end) == (event.start, event.end)
    with pytest.raises(Conflict):
        create_booking(
            space=meeting_room,
            person=kari,
            start=at(tomorrow, 11, 30),
            end=at(tomorrow, 13),
            actor=kari,
        )


def test_a_booking_blocks_an_event_in_the_same_room(make_event, meeting_room, kari, tomorrow):
    create_booking(
        space=meeting_room,
        person=kari,
        start=at(tomorrow, 10),
        end=at(tomorrow, 11, 30),
        actor=kari,
    )
    with pytest.raises(Conflict):
        make_event()
    assert not Event.objects.exists()


def test_the_host_may_override_opening_hours_but_never_an_overlap(make_event, tomorrow):
    with pytest.raises(Invalid) as refused:
        make_event(start=at(tomorrow, 18), end=at(tomorrow, 21))
    assert refused.value.code == "closed"
    evening = make_event(start=at(tomorrow, 18), end=at(tomorrow, 21), override=True)
    assert evening.booking.overridden_rules
    with pytest.raises(Conflict):
        make_event(start=at(tomorrow, 20), end=at(tomorrow, 22), override=True)


def test_someone_who_is_not_a_host_may_not_create_an_event_at_the_hub(make_event, kari):
    with pytest.raises(Invalid) as refused:
        make_event(actor=kari, organizers=[])
    assert refused.value.code == "not_allowed"


def test_moving_an_event_moves_its_booking(make_event, vera, tomorrow):
    event = make_event()
    old = event.booking
    moved = update_event(event, actor=vera, start=at(tomorrow, 13), end=at(tomorrow, 14))
    old.refresh_from_db()
    assert old.status == Booking.Status.CANCELLED
    assert moved.booking.status == Booking.Status.CONFIRMED
    assert moved.booking.start == at(tomorrow, 13)


def test_a_move_onto_a_taken_time_changes_nothing(make_event, vera, kari, meeting_room, tomorrow):
    event = make_event()
    create_booking(
        space=meeting_room, person=kari, start=at(tomorrow, 14), end=at(tomorrow, 15), actor=kari
    )
    with pytest.raises(Conflict):
        update_event(event, actor=vera, start=at(tomorrow, 14), end=at(tomorrow, 15))
    event.refresh_from_db()
    assert event.start == at(tomorrow, 11)
    assert event.booking.status == Booking.Status.CONFIRMED


def test_cancelling_an_event_frees_the_room(make_event, vera, kari, meeting_room, tomorrow):
    event = make_event()
    cancel_event(event, actor=vera)
    event.refresh_from_db()
    assert event.cancelled_at is not None
    assert event.booking.status == Booking.Status.CANCELLED
    create_booking(
        space=meeting_room, person=kari, start=at(tomorrow, 11), end=at(tomorrow, 12), actor=kari
    )


def test_an_online_event_books_no_room(make_event):
    event = make_event(place=Event.Place.ONLINE, online_url="https://meet.example/abc")
    assert event.booking is None and event.space is None


def test_the_booking_an_event_holds_cannot_be_cancelled_on_its_own(make_event, vera, api_as):
    event = make_event()
    booking = event.booking
    with pytest.raises(Invalid) as refused:
        cancel_booking(booking, actor=vera)
    assert refused.value.code == "held_by_event"
    response = api_as(vera).delete(f"/api/v1/bookings/{booking.pk}")
    assert response.status_code == 422
    assert response.json()["code"] == "held_by_event"
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED
    cancel_event(event, actor=vera)
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED
