"""A host of hub A gets 404 for every page and action of hub B, in the web and the API;
people who host nothing get 404 for every host page."""

import pytest
from django.urls import reverse

from conftest import at
from hubro.bookings.actions import create_booking
from hubro.bookings.models import Booking, BookingRule
from hubro.spaces.models import ClosedDay, Space

pytestmark = pytest.mark.django_db

PAGES = [
    "today",
    "week",
    "book",
    "details",
    "settings",
    "qr",
    "lobby_settings",
    "spaces",
    "space_new",
    "hours",
    "rules",
    "members",
]
ACTIONS = ["lobby_renew", "member_change", "cohost_remove"]


@pytest.fixture
def hub_b(other_hub, bodil, other_desk, kari, tomorrow):
    """Everything hub B has that a URL can name: a booking, a space, a closed day, a
    rule."""
    booking = create_booking(
        space=other_desk, person=kari, start=at(tomorrow, 9), end=at(tomorrow, 10), actor=kari
    )
    closed = ClosedDay.objects.create(hub=other_hub, date=tomorrow.replace(year=tomorrow.year + 1))
    rule = BookingRule.objects.create(hub=other_hub, space_kind="")
    return {
        "hub": other_hub,
        "booking": booking,
        "space": other_desk,
        "closed": closed,
        "rule": rule,
    }


def _urls(hub, booking, space, closed, rule):
    slug = hub.slug
    urls = [reverse(f"hosting:{name}", args=[slug]) for name in PAGES + ACTIONS]
    urls += [
        reverse("hosting:export", args=[slug, "dag", "csv"]),
        reverse("hosting:export", args=[slug, "uke", "xlsx"]),
        reverse("hosting:move", args=[slug, booking.pk]),
        reverse("hosting:cancel", args=[slug, booking.pk]),
        reverse("hosting:space_edit", args=[slug, space.pk]),
        reverse("hosting:space_action", args=[slug, space.pk]),
        reverse("hosting:closed_day_delete", args=[slug, closed.pk]),
        reverse("hosting:rule_delete", args=[slug, rule.pk]),
    ]
    return urls


def test_a_host_of_hub_a_gets_404_for_every_page_and_action_of_hub_b(client, vera, hub_b):
    client.force_login(vera)
    for url in _urls(**hub_b):
        assert client.get(url).status_code == 404, url
        assert (
            client.post(url, {"action": "deactivate", "reason": "x", "off": "1"}).status_code
            == 404
        ), url
    # Nothing of hub B changed.
    assert Booking.objects.get(pk=hub_b["booking"].pk).status == Booking.Status.CONFIRMED
    assert Space.objects.get(pk=hub_b["space"].pk).is_active
    assert ClosedDay.objects.filter(pk=hub_b["closed"].pk).exists()
    assert BookingRule.objects.filter(pk=hub_b["rule"].pk).exists()
    hub_b["hub"].refresh_from_db()
    assert hub_b["hub"].lobby_secret is None


def test_hub_b_ids_under_hub_a_are_not_found_either(client, vera, hub, hub_b):
    """Ids of hub B's objects in hub A's addresses: the fetch is scoped to the hub."""
    client.force_login(vera)
    for url in _urls(hub, hub_b["booking"], hub_b["space"], hub_b["closed"], hub_b["rule"])[-6:]:
        assert client.get(url).status_code in (404, 405), url
        assert client.post(url, {"action": "deactivate", "reason": "x"}).status_code == 404, url
    assert Booking.objects.get(pk=hub_b["booking"].pk).status == Booking.Status.CONFIRMED
    assert Space.objects.get(pk=hub_b["space"].pk).is_active


def test_the_host_of_hub_b_reaches_the_same_pages(client, bodil, hub_b):
    client.force_login(bodil)
    for name in PAGES:
        assert client.get(reverse(f"hosting:{name}", args=["annen"])).status_code == 200, name


def test_a_member_who_hosts_nothing_gets_404_for_every_host_page(client, kari, hub):
    client.force_login(kari)
    for name in PAGES:
        assert client.get(reverse(f"hosting:{name}", args=[hub.slug])).status_code == 404, name


def test_signed_out_visitors_are_sent_to_sign_in(client, hub):
    response = client.get(reverse("hosting:today", args=[hub.slug]))
    assert response.status_code == 302 and "/logg-inn/" in response["Location"]


def test_the_api_answers_404_for_every_host_endpoint_of_another_hub(api_as, vera, hub_b, tomorrow):
    api = api_as(vera)
    booking, space = hub_b["booking"], hub_b["space"]
    slot = {"start": at(tomorrow, 11).isoformat(), "end": at(tomorrow, 12).isoformat()}
    assert api.get("/api/v1/host/hubs/annen/days").status_code == 404
    created = api.post(
        "/api/v1/host/hubs/annen/bookings", {"email": "kari@nav.test", "space": space.pk, **slot}
    )
    assert created.status_code == 404
    moved = api.post(
        f"/api/v1/host/hubs/annen/bookings/{booking.pk}/move", {"space": space.pk, **slot}
    )
    assert moved.status_code == 404
    cancelled = api.post(f"/api/v1/host/hubs/annen/bookings/{booking.pk}/cancel", {"reason": "x"})
    assert cancelled.status_code == 404
    assert cancelled.json()["code"] == "not_found"
    # Hub B's booking through hub A's address: not found either.
    assert (
        api.post(
            f"/api/v1/host/hubs/testlab/bookings/{booking.pk}/cancel", {"reason": "x"}
        ).status_code
        == 404
    )
    assert Booking.objects.get(pk=booking.pk).status == Booking.Status.CONFIRMED
    assert Booking.objects.filter(space=space).count() == 1


def test_the_api_serves_the_hosts_own_hub(api_as, bodil, hub_b, tomorrow):
    response = api_as(bodil).get("/api/v1/host/hubs/annen/days", date=tomorrow.isoformat())
    assert response.status_code == 200
    (row,) = response.json()["bookings"]
    assert row["person"] == "Kari Nordmann" and row["organization"] == "Arbeids- og velferdsetaten"
    assert row["state"] == "upcoming"
