"""The v1 contract: every endpoint and every status code it promises."""

import pytest

from conftest import ApiClient, at
from hubro.bookings.models import Booking

pytestmark = pytest.mark.django_db


def iso(day, hour, minute=0):
    return at(day, hour, minute).isoformat()


@pytest.mark.parametrize("path", ["/api/v1/hubs", "/api/v1/organizations", "/api/v1/bookings"])
def test_it_answers_401_without_a_token(path):
    response = ApiClient().get(path)
    assert response.status_code == 401
    assert response.json()["code"] == "unauthorized"


def test_it_answers_401_for_a_bad_token(kari):
    response = ApiClient(token="hubro_not-a-real-token").get("/api/v1/hubs")
    assert response.status_code == 401


def test_a_revoked_token_is_refused(kari):
    from django.utils import timezone

    from hubro.core.models import ApiToken

    client = ApiClient(kari)
    ApiToken.objects.filter(person=kari).update(revoked_at=timezone.now())
    assert client.get("/api/v1/hubs").status_code == 401


def test_hubs_lists_place_region_and_space_count(kari, hub, desk, meeting_room):
    from hubro.core.models import Region

    hub.region = Region.objects.get(slug="lister")
    hub.save()
    response = ApiClient(kari).get("/api/v1/hubs")
    assert response.status_code == 200
    assert response.json() == [
        {
            "slug": "testlab",
            "name": "Testlab",
            "municipality": {"number": "4225", "name": "Lyngdal"},
            "region": {"slug": "lister", "name": hub.region.name},
            "spaces": 2,
        }
    ]


def test_organizations_search_by_name_and_number(kari, lyngdal_kommune):
    client = ApiClient(kari)
    by_name = client.get("/api/v1/organizations", q="lyngdal").json()
    assert by_name == [{"orgnr": "922421498", "name": "Lyngdal kommune", "sector": "municipal"}]
    by_number = client.get("/api/v1/organizations", q="889 640").json()
    assert [o["orgnr"] for o in by_number] == ["889640782"]
    assert {o["sector"] for o in client.get("/api/v1/organizations").json()} == {
        "state",
        "municipal",
    }


def test_spaces_of_a_hub(kari, desk, meeting_room):
    response = ApiClient(kari).get("/api/v1/hubs/testlab/spaces")
    assert response.status_code == 200
    assert sorted(response.json(), key=lambda s: s["id"]) == [
        {"id": desk.pk, "name": "Plass 1", "kind": "desk", "capacity": 1},
        {"id": meeting_room.pk, "name": "Møterom Lister", "kind": "meeting_room", "capacity": 10},
    ]


def test_spaces_of_an_unknown_hub_is_404(kari):
    response = ApiClient(kari).get("/api/v1/hubs/nowhere/spaces")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_availability_is_opening_hours_minus_bookings(kari, desk, meeting_room, tomorrow):
    client = ApiClient(kari)
    client.post(
        "/api/v1/bookings", {"space": desk.pk, "start": iso(tomorrow, 9), "end": iso(tomorrow, 12)}
    )
    response = client.get("/api/v1/hubs/testlab/availability", date=tomorrow.isoformat())
    assert response.status_code == 200
    free = {entry["space"]: entry["free"] for entry in response.json()}
    parse = lambda s: s  # noqa: E731
    assert [(parse(f["start"]), parse(f["end"])) for f in free[desk.pk]] == [
        (at(tomorrow, 7).isoformat(), at(tomorrow, 9).isoformat()),
        (at(tomorrow, 12).isoformat(), at(tomorrow, 18).isoformat()),
    ]
    assert free[meeting_room.pk] == [
        {"start": at(tomorrow, 7).isoformat(), "end": at(tomorrow, 18).isoformat()}
    ]


def test_availability_on_a_closed_day_is_empty(kari, desk, tomorrow):
    desk.hub.opening_hours.filter(weekday=tomorrow.weekday()).delete()
    response = ApiClient(kari).get("/api/v1/hubs/testlab/availability", date=tomorrow.isoformat())
    assert response.json() == [{"space": desk.pk, "free": []}]


def test_availability_with_a_bad_date_is_422(kari, desk):
    response = ApiClient(kari).get("/api/v1/hubs/testlab/availability", date="tomorrow")
    assert response.status_code == 422
    assert response.json()["code"] == "invalid"


def test_create_booking_201(kari, desk, tomorrow):
    response = ApiClient(kari).post(
        "/api/v1/bookings", {"space": desk.pk, "start": iso(tomorrow, 9), "end": iso(tomorrow, 15)}
    )
    assert response.status_code == 201
    body = response.json()
    assert body["space"] == desk.pk
    assert body["status"] == "confirmed"
    assert body["start"] == at(tomorrow, 9).isoformat()
    assert Booking.objects.get(pk=body["id"]).person == kari


def test_create_booking_accepts_utc_times(kari, desk, tomorrow):
    from datetime import UTC

    start = at(tomorrow, 9).astimezone(UTC).isoformat().replace("+00:00", "Z")
    end = at(tomorrow, 10).astimezone(UTC).isoformat()
    response = ApiClient(kari).post(
        "/api/v1/bookings", {"space": desk.pk, "start": start, "end": end}
    )
    assert response.status_code == 201


def test_create_booking_409_when_taken(kari, ola, desk, tomorrow):
    ApiClient(kari).post(
        "/api/v1/bookings", {"space": desk.pk, "start": iso(tomorrow, 9), "end": iso(tomorrow, 15)}
    )
    response = ApiClient(ola).post(
        "/api/v1/bookings",
        {"space": desk.pk, "start": iso(tomorrow, 14), "end": iso(tomorrow, 16)},
    )
    assert response.status_code == 409
    assert response.json()["code"] == "conflict"
    assert response.json()["detail"]


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"start": (10, 0), "end": (9, 0)}, "invalid_range"),
        ({"start": (5, 0), "end": (9, 0)}, "closed"),
        ({"space": 999999}, "unknown_space"),
    ],
)
def test_create_booking_422(kari, desk, tomorrow, body, code):
    payload = {
        "space": body.get("space", desk.pk),
        "start": iso(tomorrow, *body.get("start", (9, 0))),
        "end": iso(tomorrow, *body.get("end", (10, 0))),
    }
    response = ApiClient(kari).post("/api/v1/bookings", payload)
    assert response.status_code == 422
    assert response.json()["code"] == code
    assert response.json()["detail"]
    assert not Booking.objects.exists()


def test_create_booking_422_for_a_naive_time(kari, desk, tomorrow):
    response = ApiClient(kari).post(
        "/api/v1/bookings",
        {"space": desk.pk, "start": f"{tomorrow}T09:00:00", "end": f"{tomorrow}T10:00:00"},
    )
    assert response.status_code == 422
    assert response.json()["code"] == "naive_datetime"
    assert not Booking.objects.exists()


def test_create_booking_422_for_malformed_input(kari):
    response = ApiClient(kari).post("/api/v1/bookings", {"space": "x", "start": "soon"})
    assert response.status_code == 422
    assert response.json()["code"] == "invalid"


def test_list_bookings_shows_only_the_callers(kari, ola, desk, meeting_room, tomorrow):
    kari_client, ola_client = ApiClient(kari), ApiClient(ola)
    mine = kari_client.post(
        "/api/v1/bookings", {"space": desk.pk, "start": iso(tomorrow, 9), "end": iso(tomorrow, 10)}
    ).json()
    ola_client.post(
        "/api/v1/bookings",
        {"space": meeting_room.pk, "start": iso(tomorrow, 9), "end": iso(tomorrow, 10)},
    )
    response = kari_client.get("/api/v1/bookings")
    assert response.status_code == 200
    assert [b["id"] for b in response.json()] == [mine["id"]]


def test_delete_booking_204_then_gone(kari, desk, tomorrow):
    client = ApiClient(kari)
    booking = client.post(
        "/api/v1/bookings", {"space": desk.pk, "start": iso(tomorrow, 9), "end": iso(tomorrow, 10)}
    ).json()
    response = client.delete(f"/api/v1/bookings/{booking['id']}")
    assert response.status_code == 204
    assert Booking.objects.get(pk=booking["id"]).status == "cancelled"
    assert client.get("/api/v1/bookings").json() == []


def test_delete_someone_elses_booking_is_404(kari, ola, desk, tomorrow):
    booking = (
        ApiClient(kari)
        .post(
            "/api/v1/bookings",
            {"space": desk.pk, "start": iso(tomorrow, 9), "end": iso(tomorrow, 10)},
        )
        .json()
    )
    response = ApiClient(ola).delete(f"/api/v1/bookings/{booking['id']}")
    assert response.status_code == 404
    assert Booking.objects.get(pk=booking["id"]).status == "confirmed"


def test_openapi_schema_is_served_and_lists_the_contract(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in [
        "/api/v1/hubs",
        "/api/v1/organizations",
        "/api/v1/hubs/{slug}/spaces",
        "/api/v1/hubs/{slug}/availability",
        "/api/v1/bookings",
        "/api/v1/bookings/{booking_id}",
    ]:
        assert path in paths, path
