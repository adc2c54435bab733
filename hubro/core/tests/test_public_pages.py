"""Issue 15: visitors who are not signed in see the hubs (free and busy, no names), the
about page and the accessibility statement; the menu comes in groups."""

from django.test import Client

from conftest import at
from hubro.bookings.actions import create_booking
from hubro.core.navigation import navigation


def test_a_visitor_sees_a_hub_free_and_busy_without_names_or_purposes(
    kari, meeting_room, tomorrow
):
    create_booking(
        space=meeting_room,
        person=kari,
        start=at(tomorrow, 9),
        end=at(tomorrow, 11),
        actor=kari,
        purpose="Samtale med Kari om permisjon",
        show_purpose=True,
    )
    visitor = Client()
    listing = visitor.get("/huber/")
    assert listing.status_code == 200 and "Testlab" in listing.text
    page = visitor.get(f"/huber/testlab/?date={tomorrow:%Y-%m-%d}")
    assert page.status_code == 200
    assert "Møterom Lister" in page.text and "Opptatt" in page.text
    assert "Åpningstider" in page.text and "07:00–18:00" in page.text
    assert "Kari" not in page.text and "kari@nav.test" not in page.text
    # Pages for members only are not linked for visitors, and stay closed.
    assert "/hvem-er-her/" not in page.text
    assert visitor.get("/huber/testlab/logg/").status_code == 302

    # Members still see the purpose the booker chose to show.
    member = Client()
    member.force_login(kari)
    assert "Samtale med Kari" in member.get(f"/huber/testlab/?date={tomorrow:%Y-%m-%d}").text


def test_the_about_page_and_the_accessibility_statement_are_open(db, settings):
    settings.HUBRO_CONTACT_EMAIL = "hubro@example.test"
    visitor = Client()
    about = visitor.get("/om/")
    assert about.status_code == 200
    assert "Hvem kan bli med" in about.text and "/logg-inn/" in about.text
    statement = visitor.get("/tilgjengelighet/")
    assert statement.status_code == 200
    assert "WCAG 2.1" in statement.text and "mailto:hubro@example.test" in statement.text
    login = visitor.get("/logg-inn/")
    assert "/om/" in login.text and "Uten å logge inn" in login.text


def test_the_menu_groups_entries_and_a_visitor_gets_the_public_ones(rf, kari, admin_person):
    from django.contrib.auth.models import AnonymousUser

    request = rf.get("/")
    request.user = AnonymousUser()
    visitor = navigation(request)
    labels = [item["label"] for item in visitor["nav_items"]]
    assert labels == ["Huber", "Arrangementer", "Statlige arbeidsplasser", "Håndbok", "Om Hubro"]
    assert not any(group["folded"] for group in visitor["nav_groups"])

    request.user = admin_person
    groups = {group["key"]: group for group in navigation(request)["nav_groups"]}
    assert not groups["book"]["folded"]
    assert groups["community"]["folded"]
    assert [i["label"] for i in groups["administration"]["items"]][-1] == "Systemadministrasjon"
