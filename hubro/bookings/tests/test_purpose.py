"""A meeting-room booking can carry a short purpose. The host sees it; the hub's day
view shows it only when the person allows it; desks take none."""

import pytest
from django.urls import reverse

from conftest import at
from hubro.bookings.actions import create_booking
from hubro.bookings.models import Booking
from hubro.core.errors import Invalid

pytestmark = pytest.mark.django_db


def test_the_day_view_shows_a_purpose_only_when_the_person_allows_it(
    client, vera, kari, ola, meeting_room, tomorrow
):
    create_booking(
        space=meeting_room,
        person=kari,
        start=at(tomorrow, 9),
        end=at(tomorrow, 11),
        purpose="Faglunsj om KI",
        show_purpose=True,
        actor=kari,
    )
    create_booking(
        space=meeting_room,
        person=ola,
        start=at(tomorrow, 13),
        end=at(tomorrow, 15),
        purpose="Medarbeidersamtale",
        actor=ola,
    )
    client.force_login(kari)
    day = client.get("/huber/testlab/", {"date": tomorrow.isoformat()}).content.decode()
    assert "Faglunsj om KI" in day and "Medarbeidersamtale" not in day
    client.force_login(vera)  # the host sees both on the host's list
    listing = client.get(
        reverse("hosting:today", args=["testlab"]), {"date": tomorrow.isoformat()}
    ).content.decode()
    assert "Faglunsj om KI" in listing and "Medarbeidersamtale" in listing


def test_the_booking_form_takes_a_purpose_for_meeting_rooms_only(
    client, kari, desk, meeting_room, tomorrow
):
    client.force_login(kari)
    room = reverse("bookings:book", args=["testlab", meeting_room.pk])
    assert 'name="purpose"' in client.get(room).content.decode()
    assert (
        'name="purpose"'
        not in client.get(reverse("bookings:book", args=["testlab", desk.pk])).content.decode()
    )
    response = client.post(
        room,
        {
            "date": tomorrow.isoformat(),
            "start": "10:00",
            "end": "11:00",
            "organization": kari.primary_membership.organization_id,
            "purpose": "  Styremøte   Lister IPR ",
            "show_purpose": "on",
        },
    )
    assert response.status_code == 302
    booking = Booking.objects.get()
    assert (booking.purpose, booking.show_purpose) == ("Styremøte Lister IPR", True)


def test_a_desk_refuses_a_purpose_and_a_purpose_has_a_length(kari, desk, meeting_room, tomorrow):
    with pytest.raises(Invalid) as refused:
        create_booking(
            space=desk,
            person=kari,
            start=at(tomorrow, 9),
            end=at(tomorrow, 10),
            purpose="Skrivearbeid",
            actor=kari,
        )
    assert refused.value.code == "purpose_not_allowed"
    with pytest.raises(Invalid) as refused:
        create_booking(
            space=meeting_room,
            person=kari,
            start=at(tomorrow, 9),
            end=at(tomorrow, 10),
            purpose="x" * 121,
            actor=kari,
        )
    assert refused.value.code == "purpose_too_long"
    assert not Booking.objects.exists()


def test_the_api_takes_and_returns_the_purpose(api_as, kari, meeting_room, tomorrow):
    response = api_as(kari).post(
        "/api/v1/bookings",
        {
            "space": meeting_room.pk,
            "start": at(tomorrow, 9).isoformat(),
            "end": at(tomorrow, 10).isoformat(),
            "purpose": "Prosjektmøte Stimulab",
        },
    )
    assert response.status_code == 201
    assert response.json()["purpose"] == "Prosjektmøte Stimulab"
    assert response.json()["show_purpose"] is False
