"""The lobby screen opens from a secret address without sign-in. Without the secret, or
after the host renews it, it shows nothing; it never shows the name of a person who did
not opt in, nor any other personal data."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import at
from hubro.bookings.models import Booking
from hubro.events.models import Event
from hubro.hosting.actions.hub import renew_lobby_secret, turn_off_lobby
from hubro.hosting.queries.lobby import lobby

pytestmark = pytest.mark.django_db


@pytest.fixture
def now():
    """Today 10:15, inside the test hub's opening hours (07–18 every day)."""
    return at(timezone.localdate(), 10, 15)


@pytest.fixture
def busy_day(hub, desk, meeting_room, kari, ola, lyngdal_kommune, now):
    kari.show_presence = True
    kari.save()
    day = now.date()
    for person, space, start, end in (
        (kari, desk, at(day, 8), at(day, 16)),
        (ola, meeting_room, at(day, 9), at(day, 11)),  # ola did not opt in
    ):
        Booking.objects.create(
            space=space,
            person=person,
            organization=person.memberships.get().organization,
            start=start,
            end=end,
            purpose="Personalsak Ola" if person == ola else "",
        )
    Event.objects.create(
        kind="lunch_talk",
        title="Faglunsj om KI",
        hub=hub,
        start=at(day, 11, 30),
        end=at(day, 12, 30),
    )
    Event.objects.create(
        kind="leaders_meeting",
        title="Lukket ledermøte",
        hub=hub,
        audience="invited",
        start=at(day, 13),
        end=at(day, 14),
    )
    return hub


def test_the_screen_shows_events_rooms_and_only_opted_in_names(busy_day, now):
    screen = lobby(busy_day, now=now)
    assert [e.title for e in screen.events] == ["Faglunsj om KI"]
    (room,) = screen.rooms
    assert (room.name, room.free, f"{room.until:%H:%M}") == ("Møterom Lister", False, "11:00")
    assert screen.people == ["Kari Nordmann"]
    later = lobby(busy_day, now=now + dt.timedelta(hours=1))
    assert later.rooms[0].free and f"{later.rooms[0].until:%H:%M}" == "18:00"


@pytest.fixture
def happening_now(busy_day, desk, kari):
    """The same people and events, but at the real time the page is read (the page has
    no clock to set): kari is here now and the lunch talk is on. The hub is open all
    day today, so that the screen shows its rooms and events at any hour of the run."""
    now = timezone.now()
    busy_day.opening_hours.update_or_create(
        weekday=timezone.localdate().weekday(),
        defaults={"opens": dt.time(0, 0), "closes": dt.time(23, 59, 59)},
    )
    Booking.objects.filter(person=kari).update(
        start=now - dt.timedelta(minutes=5), end=now + dt.timedelta(minutes=5)
    )
    Event.objects.filter(title="Faglunsj om KI").update(start=now, end=now + dt.timedelta(hours=1))
    return busy_day


def test_the_page_opens_with_the_secret_and_shows_no_other_personal_data(
    client, vera, happening_now
):
    busy_day = happening_now
    secret = renew_lobby_secret(busy_day, actor=vera)
    response = client.get(reverse("lobby", args=[secret]))  # not signed in
    assert response.status_code == 200
    page = response.content.decode()
    assert "Kari Nordmann" in page and "Faglunsj om KI" in page and "Møterom Lister" in page
    for private in (
        "Ola",
        "ola@",
        "kari@",
        "Lyngdal kommune",
        "Arbeids- og velferdsetaten",
        "Personalsak",
        "Lukket ledermøte",
    ):
        assert private not in page, private
    assert response["Cache-Control"] == "no-store"
    assert response["Referrer-Policy"] == "no-referrer"
    assert "<script src=" in page and "<script>" not in page and "http-equiv" not in page
    fragment = client.get(reverse("lobby", args=[secret]), {"del": "innhold"}).content.decode()
    assert fragment.lstrip().startswith('<main id="screen"') and "Kari Nordmann" in fragment


def test_it_shows_nothing_without_the_secret_or_after_renewal(client, vera, busy_day):
    assert client.get("/skjerm/").status_code == 404
    assert client.get(reverse("lobby", args=["gjettet"])).status_code == 404
    old = renew_lobby_secret(busy_day, actor=vera)
    new = renew_lobby_secret(busy_day, actor=vera)
    gone = client.get(reverse("lobby", args=[old]))
    assert gone.status_code == 404
    assert "Testlab" not in gone.content.decode() and "Kari" not in gone.content.decode()
    assert client.get(reverse("lobby", args=[new])).status_code == 200
    turn_off_lobby(busy_day, actor=vera)
    assert client.get(reverse("lobby", args=[new])).status_code == 404


def test_the_host_renews_the_address_from_the_settings_page(client, vera, hub):
    client.force_login(vera)
    url = reverse("hosting:lobby_settings", args=["testlab"])
    assert "Skjermen er slått av" in client.get(url).content.decode()
    client.post(reverse("hosting:lobby_renew", args=["testlab"]), {"renew": "1"})
    hub.refresh_from_db()
    first = hub.lobby_secret
    assert first and len(first) >= 40 and first in client.get(url).content.decode()
    client.post(reverse("hosting:lobby_renew", args=["testlab"]), {"renew": "1"})
    hub.refresh_from_db()
    assert hub.lobby_secret != first
    client.logout()
    assert client.get(reverse("lobby", args=[first])).status_code == 404
    assert client.get(reverse("lobby", args=[hub.lobby_secret])).status_code == 200
