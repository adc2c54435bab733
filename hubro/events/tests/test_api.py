"""The events API: the fixed list shape, signing up (201 registered/waitlisted, 409,
422 closed) and off (204), all in the OpenAPI schema."""

import datetime as dt

import pytest
from django.utils import timezone

from conftest import at

pytestmark = pytest.mark.django_db


def test_the_list_has_the_fixed_shape(lunch, kari, api_as):
    (item,) = api_as(kari).get("/api/v1/events", hub="testlab").json()
    assert set(item) == {
        "id",
        "title",
        "kind",
        "start",
        "end",
        "hub",
        "capacity",
        "free",
        "audience",
    }
    assert item["id"] == lunch.pk
    assert (item["hub"], item["capacity"], item["free"], item["audience"]) == (
        "testlab",
        2,
        2,
        "open",
    )
    assert dt.datetime.fromisoformat(item["start"]) == lunch.start


def test_the_list_filters_by_hub_and_window(make_event, kari, api_as, tomorrow):
    make_event()
    api = api_as(kari)
    assert api.get("/api/v1/events", hub="elsewhere").json() == []
    day_after = (tomorrow + dt.timedelta(days=1)).isoformat()
    assert api.get("/api/v1/events", **{"from": day_after}).json() == []
    inside = api.get(
        "/api/v1/events",
        **{"from": at(tomorrow, 0).isoformat(), "to": at(tomorrow, 23).isoformat()},
    )
    assert len(inside.json()) == 1


def test_sign_up_answers_registered_then_waitlisted_then_conflict(lunch, kari, ola, trond, api_as):
    assert (
        api_as(kari).post(f"/api/v1/events/{lunch.pk}/registrations", {}).json()["status"]
        == "registered"
    )
    api_as(ola).post(f"/api/v1/events/{lunch.pk}/registrations", {})
    third = api_as(trond).post(f"/api/v1/events/{lunch.pk}/registrations", {})
    assert third.status_code == 201
    assert third.json()["status"] == "waitlisted"
    again = api_as(kari).post(f"/api/v1/events/{lunch.pk}/registrations", {})
    assert again.status_code == 409
    assert again.json()["code"] == "already_registered"
    assert api_as(kari).get(f"/api/v1/events/{lunch.pk}").json()["free"] == 0


def test_sign_up_after_the_deadline_is_422_closed(make_event, kari, api_as):
    event = make_event(registration_deadline=timezone.now() - dt.timedelta(minutes=5))
    response = api_as(kari).post(f"/api/v1/events/{event.pk}/registrations", {})
    assert response.status_code == 422
    assert response.json()["code"] == "closed"


def test_delete_me_cancels_and_promotes(lunch, kari, ola, trond, api_as):
    for person in (kari, ola, trond):
        api_as(person).post(f"/api/v1/events/{lunch.pk}/registrations", {})
    response = api_as(kari).delete(f"/api/v1/events/{lunch.pk}/registrations/me")
    assert response.status_code == 204
    detail = api_as(trond).get(f"/api/v1/events/{lunch.pk}").json()
    assert detail["my_status"] == "registered"
    again = api_as(kari).delete(f"/api/v1/events/{lunch.pk}/registrations/me")
    assert again.status_code == 404


def test_the_detail_shows_the_waiting_list_position(lunch, kari, ola, trond, api_as):
    for person in (kari, ola, trond):
        api_as(person).post(f"/api/v1/events/{lunch.pk}/registrations", {})
    detail = api_as(trond).get(f"/api/v1/events/{lunch.pk}").json()
    assert (detail["my_status"], detail["waitlist_position"]) == ("waitlisted", 1)


def test_the_endpoints_are_in_the_openapi_schema(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "get" in paths["/api/v1/events"]
    assert "get" in paths["/api/v1/events/{event_id}"]
    assert "post" in paths["/api/v1/events/{event_id}/registrations"]
    assert "delete" in paths["/api/v1/events/{event_id}/registrations/me"]


def test_the_api_needs_a_token(client):
    assert client.get("/api/v1/events").status_code == 401
