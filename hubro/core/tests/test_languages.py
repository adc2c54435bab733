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


def catalogue_gaps(text: str) -> list[str]:
    """The msgids of a .po text with no translation, or with one msgmerge only guessed
    (fuzzy). The header entry (empty msgid) is skipped."""
    gaps = []
    for block in text.split("\n\n"):
        entry: dict[str, str] = {}
        key = None
        fuzzy = False
        for line in block.strip().splitlines():
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            elif line.startswith(("msgid", "msgstr")):
                key, _, value = line.partition(" ")
                entry[key] = value.strip('"')
            elif line.startswith('"') and key:
                entry[key] += line.strip('"')
        if not entry.get("msgid"):
            continue  # the header, or an obsolete (#~) entry
        translations = [value for name, value in entry.items() if name.startswith("msgstr")]
        if fuzzy or not translations or not all(translations):
            gaps.append(entry["msgid"])
    return gaps


def test_catalogue_gaps_finds_empty_and_fuzzy_entries():
    text = (
        'msgid ""\nmsgstr "Language: nn\\n"\n\n'
        'msgid "Hei"\nmsgstr "Hei"\n\n'
        'msgid "Tom"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Gjettet"\nmsgstr "Feil"\n\n'
        'msgid "Lang"\nmsgstr ""\n"fortsetter"\n'
    )
    assert catalogue_gaps(text) == ["Tom", "Gjettet"]


@pytest.mark.parametrize("language", ["nn", "en"])
def test_every_string_is_translated(language):
    """Self-service in both written standards (and English) means no bokmål left over."""
    from pathlib import Path

    po = Path(__file__).resolve().parents[2] / "locale" / language / "LC_MESSAGES" / "django.po"
    assert catalogue_gaps(po.read_text(encoding="utf-8")) == []
