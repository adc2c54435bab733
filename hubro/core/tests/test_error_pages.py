"""Bad addresses and methods get a page that explains, never an empty or raw answer."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_get_to_a_form_only_address_explains_itself(client):
    response = client.get("/sprak/")
    assert response.status_code == 405
    assert "Siden kan ikke åpnes direkte" in response.text
    assert "POST" in response["Allow"]


def test_a_get_to_sign_out_asks_before_signing_out(client, kari):
    client.force_login(kari)
    response = client.get("/logg-ut/")
    assert response.status_code == 200
    assert '<form method="post"' in response.text
    assert client.get("/mine-bookinger/").status_code == 200  # still signed in


def test_an_unknown_api_address_answers_json(api_as, kari):
    response = api_as(kari).get("/api/v1/finnes-ikke")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_the_api_docs_use_no_cdn(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    assert "cdn." not in response.text
    assert "/static/" in response.text


def test_the_audit_log_speaks_words_not_codes(desk, kari, vera, tomorrow, client):
    from conftest import at
    from hubro.bookings.actions import create_booking

    create_booking(
        space=desk, person=kari, start=at(tomorrow, 9), end=at(tomorrow, 10), actor=kari
    )
    client.force_login(vera)
    assert "Booking opprettet" in client.get("/huber/testlab/logg/").text
