"""Findings 5, 11 and 12: every API error comes as ``{code, detail}`` with the status
docs/api.md promises, whatever its cause: out-of-range dates (422), NUL bytes (422,
never a 500 on PostgreSQL), bodies that are too large (413), not JSON or not UTF-8
(422 invalid), an unexpected failure (500) and a database that is down or busy (503).
Pages answer the same inputs with a clear page, never a 500."""

import json

import pytest
from django.db import connection
from django.test import Client

pytestmark = pytest.mark.django_db


def assert_error(response, status, code=None):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) >= {"code", "detail"}
    assert body["detail"]
    if code:
        assert body["code"] == code
    return body


def token_client(person):
    from hubro.core.actions import issue_api_token

    return Client(headers={"Authorization": f"Bearer {issue_api_token(person)}"})


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/hubs/testlab/presence?date={day}",
        "/api/v1/indicators?scope=hub:testlab&from={day}&to={day}",
        "/api/v1/hubs/testlab/availability?date={day}",
        "/api/v1/availability?date={day}",
    ],
)
def test_out_of_range_dates_answer_422_in_the_api(hub, kari, path, day):
    assert_error(token_client(kari).get(path.format(day=day)), 422, "out_of_range")


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
@pytest.mark.parametrize(
    "path",
    [
        "/huber/testlab/hvem-er-her/?date={day}",
        "/huber/testlab/?date={day}",
        "/innsikt/?scope=hub:testlab&from={day}&to={day}",
    ],
)
def test_out_of_range_dates_get_a_clear_page(hub, vera, path, day):
    client = Client()
    client.force_login(vera)
    response = client.get(path.format(day=day))
    assert response.status_code < 500
    if path.startswith("/innsikt/"):
        return  # the indicators page falls back to its default period (issue 12's page)
    # The page says which dates it takes, or that it shows today instead.
    assert ("1900-01-01" in response.text and "2199-12-31" in response.text) or (
        "Viser i dag" in response.text
    ), response.text[:2000]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/organizations?q=%00",
        "/api/v1/indicators?scope=hub:%00&from=2026-01-01&to=2026-01-31",
        "/api/v1/hubs/%00/spaces",
        "/api/v1/hubs/testlab/presence?date=%00",
        "/api/v1/events?hub=%00",
        "/api/v1/registry/changes?municipality=%00",
    ],
)
def test_a_nul_byte_in_the_address_is_never_a_500(hub, kari, path):
    """PostgreSQL cannot take NUL: an answer, or an error in the API's shape (422)."""
    client = token_client(kari)
    client.raise_request_exception = False
    response = client.get(path)
    assert response.status_code in (200, 404, 422), response.content[:300]
    if response.status_code != 200:
        assert_error(response, response.status_code)


@pytest.mark.parametrize(
    "path", ["/arrangementer/?q=%00", "/prosjekter/?hub=%00", "/innsikt/?scope=hub:%00"]
)
def test_a_nul_byte_in_a_page_address_is_never_a_500(hub, vera, path):
    client = Client(raise_request_exception=False)
    client.force_login(vera)
    assert client.get(path).status_code < 500


def test_a_body_over_ten_megabytes_is_413_in_json(kari):
    body = json.dumps({"space": 1, "note": "x" * (10 * 1024 * 1024)})
    response = token_client(kari).post("/api/v1/bookings", body, content_type="application/json")
    assert_error(response, 413, "too_large")


@pytest.mark.parametrize(
    "body",
    [b"this is not json", b'{"space": 1,', b'{"space": "\xff\xfe"}', b'{"space": "a\\u0000b"}'],
    ids=["text", "truncated", "bad-utf8", "nul"],
)
def test_bad_bodies_are_422_invalid(desk, kari, body):
    response = token_client(kari).post("/api/v1/bookings", body, content_type="application/json")
    assert_error(response, 422, "invalid")


def test_an_unexpected_failure_is_a_500_in_json(hub, kari, monkeypatch):
    from hubro.api import hubs

    def broken(*args, **kwargs):
        raise RuntimeError("a bug of ours")

    monkeypatch.setattr(hubs, "hubs_for_list", broken)
    client = token_client(kari)
    client.raise_request_exception = False
    body = assert_error(client.get("/api/v1/hubs"), 500, "server_error")
    assert "a bug of ours" not in body["detail"]


@pytest.mark.django_db(transaction=True)
def test_a_database_that_is_down_answers_503_in_json(kari, places):
    client = token_client(kari)
    client.raise_request_exception = False
    db = connection.settings_dict
    saved = dict(db), dict(db.get("OPTIONS", {}))
    connection.close()
    if connection.vendor == "postgresql":
        if "pool" in db.get("OPTIONS", {}):
            connection.close_pool()
            db["OPTIONS"] = {**db["OPTIONS"], "pool": {**db["OPTIONS"]["pool"], "timeout": 2}}
        db["PORT"] = "1"  # nothing listens there
    else:
        db["NAME"] = "/nonexistent-directory/hubro.sqlite3"
    try:
        response = client.get("/api/v1/hubs")
    finally:
        connection.close()
        if connection.vendor == "postgresql" and "pool" in db.get("OPTIONS", {}):
            connection.close_pool()
        db.clear()
        db.update(saved[0])
        db["OPTIONS"] = saved[1]
    assert_error(response, 503, "unavailable")
    assert response["Retry-After"]


def test_the_openapi_schema_lists_every_status_an_operation_can_answer(client):
    schema = client.get("/api/v1/openapi.json").json()
    operations = {
        (method.upper(), path): operation
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
    }
    delete_booking = operations["DELETE", "/api/v1/bookings/{booking_id}"]["responses"]
    assert {"422", "404"} <= set(delete_booking)
    status_report = operations["POST", "/api/v1/pilots/{slug}/status-reports"]["responses"]
    assert {"413", "422"} <= set(status_report)
    for key, operation in operations.items():
        assert {"401", "404", "422", "429", "500", "503"} <= set(operation["responses"]), key
        error = operation["responses"]["503"]["content"]["application/json"]["schema"]
        assert error == {"$ref": "#/components/schemas/Error"}
