"""Bokmål by default, nynorsk and English on request, remembered per person."""

import pytest

pytestmark = pytest.mark.django_db


def test_bokmal_is_the_default_even_for_an_english_browser(client):
    response = client.get("/logg-inn/", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert response.status_code == 200
    assert '<html lang="nb"' in response.text
    assert "Logg inn" in response.text


@pytest.mark.parametrize(
    ("language", "sign_in"), [("nn", "Logg inn"), ("en", "Sign in"), ("nb", "Logg inn")]
)
def test_the_switcher_changes_the_language(client, language, sign_in):
    response = client.post("/sprak/", {"language": language, "next": "/logg-inn/"}, follow=True)
    assert f'<html lang="{language}"' in response.text
    assert sign_in in response.text


def test_nynorsk_is_not_bokmal(client):
    client.post("/sprak/", {"language": "nn", "next": "/"})
    response = client.get("/finnes-ikkje/")
    assert response.status_code == 404
    assert "Hopp til hovudinnhald" in response.text


def test_a_persons_choice_is_saved_for_later_visits(client, kari):
    client.force_login(kari)
    client.post("/sprak/", {"language": "en", "next": "/"})
    kari.refresh_from_db()
    assert kari.language == "en"
    client.cookies.clear()
    client.force_login(kari)
    response = client.get("/mine-bookinger/")
    assert '<html lang="en"' in response.text
    assert "My bookings" in response.text


def test_api_errors_follow_accept_language(api_as, kari):
    response = api_as().get("/api/v1/hubs")
    assert response.json()["detail"] == "Mangler eller ugyldig API-nøkkel."
    english = api_as().client.get("/api/v1/hubs", headers={"Accept-Language": "en"})
    assert english.json()["detail"] != "Mangler eller ugyldig API-nøkkel."
