"""The host books on a person's behalf, moves bookings (never into an overlap) and
cancels them with a reason e-mailed to the person in their language; every one of these
is audited, in the web and the API alike."""

import pytest
from django.core import mail
from django.urls import reverse

from conftest import at
from hubro.bookings.actions import create_booking
from hubro.bookings.models import Booking, BookingRule
from hubro.core.errors import Conflict, Invalid
from hubro.core.models import AuditEntry
from hubro.hosting.actions.bookings import book_on_behalf, cancel_with_reason, move

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_desk(hub):
    return hub.spaces.create(name="Plass 2", kind="desk")


def test_a_host_books_on_behalf_of_a_member_and_the_booking_is_theirs(
    client, vera, kari, desk, tomorrow, django_capture_on_commit_callbacks
):
    client.force_login(vera)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("hosting:book", args=["testlab"]),
            {
                "email": "KARI@nav.test",
                "space": desk.pk,
                "date": tomorrow.isoformat(),
                "start": "09:00",
                "end": "11:00",
            },
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    booking = Booking.objects.get(space=desk)
    assert booking.person == kari and booking.booked_by == vera
    assert booking.organization.name == "Arbeids- og velferdsetaten"
    entry = AuditEntry.objects.get(action="booking.create", object_id=str(booking.pk))
    assert entry.actor == vera and entry.changes["for"] == "kari@nav.test"
    (message,) = mail.outbox
    assert message.to == ["kari@nav.test"] and "Vera Vert har booket Plass 1" in message.body
    # Kari sees it among her own bookings.
    client.force_login(kari)
    assert "Plass 1" in client.get(reverse("bookings:mine")).content.decode()


def test_only_members_of_the_hubs_organizations_can_be_booked_for(
    vera, desk, tomorrow, outsider_org
):
    from conftest import make_person

    stranger = make_person("ny@brreg.test", outsider_org)
    with pytest.raises(Invalid) as refused:
        book_on_behalf(
            desk.hub,
            person=stranger,
            space=desk,
            start=at(tomorrow, 9),
            end=at(tomorrow, 10),
            actor=vera,
        )
    assert refused.value.code == "not_member"
    assert not Booking.objects.exists()


def test_the_hubs_rules_apply_to_a_booking_on_behalf_unless_the_host_overrides(
    vera, kari, desk, tomorrow
):
    BookingRule.objects.create(hub=desk.hub, space_kind="", max_minutes=60)
    slot = {"start": at(tomorrow, 9), "end": at(tomorrow, 11)}
    with pytest.raises(Invalid) as refused:
        book_on_behalf(desk.hub, person=kari, space=desk, actor=vera, **slot)
    assert refused.value.code == "too_long"
    booking = book_on_behalf(desk.hub, person=kari, space=desk, actor=vera, override=True, **slot)
    assert booking.overridden_rules == ["too_long"] and booking.override_by == vera


def test_a_host_moves_a_booking_to_another_space_and_time(
    client, vera, kari, desk, second_desk, tomorrow, django_capture_on_commit_callbacks
):
    booking = create_booking(
        space=desk, person=kari, start=at(tomorrow, 9), end=at(tomorrow, 10), actor=kari
    )
    client.force_login(vera)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("hosting:move", args=["testlab", booking.pk]),
            {
                "space": second_desk.pk,
                "date": tomorrow.isoformat(),
                "start": "13:00",
                "end": "14:30",
            },
        )
    assert response.status_code == 302
    booking.refresh_from_db()
    assert (booking.space, booking.start, booking.end) == (
        second_desk,
        at(tomorrow, 13),
        at(tomorrow, 14, 30),
    )
    entry = AuditEntry.objects.get(action="booking.move")
    assert entry.actor == vera and entry.changes["moved_from"]["space"] == "Plass 1"
    (message,) = mail.outbox
    assert message.to == ["kari@nav.test"] and "13:00–14:30" in message.body


def test_a_move_never_lands_on_another_booking(vera, kari, ola, desk, second_desk, tomorrow):
    booking = create_booking(
        space=desk, person=kari, start=at(tomorrow, 9), end=at(tomorrow, 10), actor=kari
    )
    create_booking(
        space=second_desk, person=ola, start=at(tomorrow, 9, 30), end=at(tomorrow, 11), actor=ola
    )
    with pytest.raises(Conflict):
        move(
            desk.hub,
            booking,
            space=second_desk,
            start=at(tomorrow, 9),
            end=at(tomorrow, 10),
            actor=vera,
        )
    with pytest.raises(Conflict):  # a host cannot override an overlap either
        move(
            desk.hub,
            booking,
            space=second_desk,
            start=at(tomorrow, 10, 45),
            end=at(tomorrow, 12),
            override=True,
            actor=vera,
        )
    booking.refresh_from_db()
    assert booking.space == desk and booking.start == at(tomorrow, 9)
    # Moving within its own time (extending it) does not clash with itself.
    moved = move(
        desk.hub, booking, space=desk, start=at(tomorrow, 8), end=at(tomorrow, 10), actor=vera
    )
    assert moved.start == at(tomorrow, 8)


def test_a_move_keeps_the_quota_as_it_was(vera, kari, desk, second_desk, tomorrow):
    """A quota of one: moving the one booking is not a second booking."""
    BookingRule.objects.create(hub=desk.hub, space_kind="", max_future_bookings=1)
    booking = create_booking(
        space=desk, person=kari, start=at(tomorrow, 9), end=at(tomorrow, 10), actor=kari
    )
    moved = move(
        desk.hub,
        booking,
        space=second_desk,
        start=at(tomorrow, 11),
        end=at(tomorrow, 12),
        actor=vera,
    )
    assert moved.space == second_desk and moved.overridden_rules == []


@pytest.mark.parametrize(
    ("language", "intro"),
    [
        ("nb", "Verten avbestilte bookingen og skrev dette:"),
        ("en", "The host cancelled the booking and wrote:"),
    ],
)
def test_a_host_cancels_with_a_reason_that_is_mailed_in_the_persons_language(
    client, vera, kari, desk, tomorrow, language, intro, django_capture_on_commit_callbacks
):
    kari.language = language
    kari.save()
    booking = create_booking(
        space=desk, person=kari, start=at(tomorrow, 9), end=at(tomorrow, 10), actor=kari
    )
    client.force_login(vera)
    url = reverse("hosting:cancel", args=["testlab", booking.pk])
    refused = client.post(url, {"reason": "  "})
    assert refused.status_code == 422
    assert Booking.objects.get(pk=booking.pk).status == Booking.Status.CONFIRMED
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reason": "Vannlekkasje i kontorfløyen."})
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED
    assert booking.cancel_reason == "Vannlekkasje i kontorfløyen."
    entry = AuditEntry.objects.get(action="booking.cancel")
    assert entry.actor == vera and entry.changes["reason"] == "Vannlekkasje i kontorfløyen."
    (message,) = mail.outbox
    assert message.to == ["kari@nav.test"]
    assert message.extra_headers["Content-Language"] == language
    assert intro in message.body and "Vannlekkasje i kontorfløyen." in message.body


def test_a_cancelled_booking_cannot_be_cancelled_again_with_a_reason(vera, kari, desk, tomorrow):
    booking = create_booking(
        space=desk, person=kari, start=at(tomorrow, 9), end=at(tomorrow, 10), actor=kari
    )
    cancel_with_reason(desk.hub, booking, reason="Stengt", actor=vera)
    with pytest.raises(Invalid) as refused:
        cancel_with_reason(desk.hub, booking, reason="Igjen", actor=vera)
    assert refused.value.code == "not_active"


def test_the_api_books_moves_and_cancels_through_the_same_actions(
    api_as, vera, kari, desk, second_desk, tomorrow
):
    api = api_as(vera)
    created = api.post(
        "/api/v1/host/hubs/testlab/bookings",
        {
            "email": "kari@nav.test",
            "space": desk.pk,
            "start": at(tomorrow, 9).isoformat(),
            "end": at(tomorrow, 10).isoformat(),
        },
    )
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]
    assert Booking.objects.get(pk=pk).booked_by == vera
    clash = api.post(
        f"/api/v1/host/hubs/testlab/bookings/{pk}/move",
        {
            "space": desk.pk,
            "start": at(tomorrow, 9).isoformat(),
            "end": at(tomorrow, 9, 30).isoformat(),
        },
    )
    assert clash.status_code == 200  # inside its own old time: no clash with itself
    create_booking(
        space=second_desk, person=kari, start=at(tomorrow, 12), end=at(tomorrow, 13), actor=kari
    )
    refused = api.post(
        f"/api/v1/host/hubs/testlab/bookings/{pk}/move",
        {
            "space": second_desk.pk,
            "start": at(tomorrow, 12).isoformat(),
            "end": at(tomorrow, 13).isoformat(),
        },
    )
    assert refused.status_code == 409 and refused.json()["code"] == "conflict"
    no_reason = api.post(f"/api/v1/host/hubs/testlab/bookings/{pk}/cancel", {"reason": ""})
    assert no_reason.status_code == 422 and no_reason.json()["code"] == "reason_required"
    done = api.post(f"/api/v1/host/hubs/testlab/bookings/{pk}/cancel", {"reason": "Stengt"})
    assert done.status_code == 200 and done.json()["status"] == "cancelled"
    actions = list(
        AuditEntry.objects.filter(object_type="bookings.booking", object_id=str(pk))
        .order_by("at", "id")
        .values_list("action", flat=True)
    )
    assert actions == ["booking.create", "booking.move", "booking.cancel"]


def test_a_moved_booking_replaces_the_event_in_the_persons_calendar(
    vera, kari, desk, second_desk, tomorrow, django_capture_on_commit_callbacks
):
    """Calendars replace an event only when its SEQUENCE grows (RFC 5545): each move
    raises it, and a later cancellation is higher still."""
    from icalendar import Calendar

    from hubro.bookings.ical import booking_ics

    booking = create_booking(
        space=desk, person=kari, start=at(tomorrow, 9), end=at(tomorrow, 10), actor=kari
    )
    mail.outbox.clear()
    sequences = []
    for hour in (11, 13):
        with django_capture_on_commit_callbacks(execute=True):
            move(
                desk.hub,
                booking,
                space=second_desk,
                start=at(tomorrow, hour),
                end=at(tomorrow, hour + 1),
                actor=vera,
            )
        booking.refresh_from_db()
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        (part,) = [p for p in message.message().walk() if p.get_content_type() == "text/calendar"]
        (event,) = Calendar.from_ical(part.get_payload(decode=True)).walk("VEVENT")
        assert str(event["UID"]) == f"booking-{booking.pk}@hubro"
        sequences.append(int(event["SEQUENCE"]))
    assert sequences == [1, 2]
    booking.refresh_from_db()
    (event,) = Calendar.from_ical(booking_ics(booking, cancelled=True)).walk("VEVENT")
    assert int(event["SEQUENCE"]) == 3
