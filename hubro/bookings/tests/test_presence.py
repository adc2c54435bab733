"""«Hvem er her»: organizations and counts for a hub and a day, and names only of the
people who opted in, through the API, the web page and the profile's opt-in."""

import datetime as dt
import re

import pytest
from django.test import Client
from playwright.sync_api import expect

from conftest import PASSWORD, ApiClient, at, axe_violations, make_person, sign_in
from hubro.bookings.models import Booking
from hubro.bookings.presence import presence
from hubro.core.models import AuditEntry, Municipality, Organization
from hubro.spaces.models import Hub, OpeningHours, Space

db = pytest.mark.django_db

HIDDEN = ["Ola Nordmann", "Vera Vert", "Hemmelig Hanne", "Avlyst Arne", "Annen Dag", "Borte Bodil"]


def book(space, person, start, end, *, organization=None, status="confirmed", **extra):
    if status == "cancelled":
        extra["cancelled_at"] = start
    return Booking.objects.create(
        space=space,
        person=person,
        organization=organization or person.primary_membership.organization,
        start=start,
        end=end,
        status=status,
        **extra,
    )


def organization(name, orgnr, sector):
    return Organization.objects.create(
        orgnr=orgnr, name=name, sector=sector, municipality=Municipality.objects.get(number="4225")
    )


@pytest.fixture
def busy_day(hub, desk, meeting_room, kari, ola, vera, tomorrow):
    """Tomorrow at Testlab: Kari (Nav, shows her name) twice, Ola and Vera (Lyngdal
    kommune, hidden), Fride (shows) and Hanne (hidden) from the county. Around them:
    a cancelled booking, a booking the next day and one at another hub, all by people
    who show their names, none of whom may appear."""
    county = organization("Agder fylkeskommune", "921707134", "county")
    state_office = organization("Statsforvalteren i Agder", "974762994", "state")
    fride = make_person("fride@agder.test", county, name="Fylkes Fride", show_presence=True)
    hanne = make_person("hanne@agder.test", county, name="Hemmelig Hanne")
    arne = make_person("arne@sf.test", state_office, name="Avlyst Arne", show_presence=True)
    dag = make_person("dag@sf.test", state_office, name="Annen Dag", show_presence=True)
    bodil = make_person("bodil@sf.test", state_office, name="Borte Bodil", show_presence=True)
    kari.show_presence = True
    kari.save()
    rooms = [
        Space.objects.create(hub=hub, name=f"Kontor {n}", kind=Space.Kind.OFFICE)
        for n in (1, 2, 3)
    ]
    book(desk, kari, at(tomorrow, 8), at(tomorrow, 11))
    book(desk, kari, at(tomorrow, 13), at(tomorrow, 15))
    book(meeting_room, ola, at(tomorrow, 9), at(tomorrow, 10))
    book(desk, vera, at(tomorrow, 11), at(tomorrow, 12))
    book(rooms[0], fride, at(tomorrow, 9), at(tomorrow, 16))
    book(rooms[1], hanne, at(tomorrow, 9), at(tomorrow, 16))
    book(rooms[2], arne, at(tomorrow, 9), at(tomorrow, 16), status="cancelled")
    after = tomorrow + dt.timedelta(days=1)
    book(rooms[2], dag, at(after, 0), at(after, 2))
    elsewhere = Hub.objects.create(
        name="Andre hub", slug="andre", municipality=hub.municipality, host_organization=county
    )
    OpeningHours.objects.create(hub=elsewhere, weekday=0, opens=dt.time(7), closes=dt.time(18))
    other_space = Space.objects.create(hub=elsewhere, name="Plass A", kind=Space.Kind.DESK)
    book(other_space, bodil, at(tomorrow, 9), at(tomorrow, 10))
    return tomorrow


EXPECTED_ORGANIZATIONS = [
    {"name": "Agder fylkeskommune", "sector": "county", "people": 2, "suppressed": False},
    {"name": "Lyngdal kommune", "sector": "municipal", "people": 2, "suppressed": False},
    {"name": "Arbeids- og velferdsetaten", "sector": "state", "people": 1, "suppressed": False},
]
# A member has no person-level rights: counts below the threshold (5) are hidden, and
# their order says nothing (by name).
MEMBER_ORGANIZATIONS = [
    {"name": name, "sector": sector, "people": None, "suppressed": True}
    for name, sector in [
        ("Agder fylkeskommune", "county"),
        ("Arbeids- og velferdsetaten", "state"),
        ("Lyngdal kommune", "municipal"),
    ]
]
EXPECTED_PEOPLE = [
    {"name": "Fylkes Fride", "organization": "Agder fylkeskommune"},
    {"name": "Kari Nordmann", "organization": "Arbeids- og velferdsetaten"},
]


@db
def test_the_api_counts_people_per_organization_and_names_only_those_who_opted_in(
    busy_day, ola, vera
):
    exact = ApiClient(vera).get("/api/v1/hubs/testlab/presence", date=busy_day.isoformat())
    assert exact.json()["organizations"] == EXPECTED_ORGANIZATIONS  # the host's own hub
    assert exact.json()["exact"] is True
    response = ApiClient(ola).get("/api/v1/hubs/testlab/presence", date=busy_day.isoformat())
    assert response.status_code == 200
    body = response.json()
    assert body["organizations"] == MEMBER_ORGANIZATIONS
    assert body["exact"] is False
    assert body["people"] == EXPECTED_PEOPLE
    assert body["sectors"] == 3
    text = response.content.decode()
    for hidden in [*HIDDEN, "ola@", "vera@", "hanne@", "kari@", "fride@"]:
        assert hidden not in text, hidden
    # Cancelled, next-day and other-hub bookings bring no organization either.
    assert "Statsforvalteren" not in text


@db
def test_the_web_page_never_shows_a_name_that_did_not_opt_in(busy_day, ola):
    client = Client()
    client.login(email=ola.email, password=PASSWORD)
    response = client.get(f"/huber/testlab/hvem-er-her/?date={busy_day.isoformat()}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Fylkes Fride" in html and "Kari Nordmann" in html
    # Ola's own name is in the header, since he is signed in; nobody else's hidden name.
    for hidden in [name for name in HIDDEN if name != "Ola Nordmann"]:
        assert hidden not in html, hidden
    assert html.count("Ola Nordmann") == 1
    assert "Statsforvalteren" not in html
    assert "navnet ditt vises ikke for andre" in html


@db
def test_a_day_with_nobody_is_empty(busy_day, kari):
    day = busy_day + dt.timedelta(days=10)
    body = ApiClient(kari).get("/api/v1/hubs/testlab/presence", date=day.isoformat())
    assert body.status_code == 422 and body.json()["code"] == "date_out_of_range"
    day = busy_day - dt.timedelta(days=1)  # today
    body = ApiClient(kari).get("/api/v1/hubs/testlab/presence", date=day.isoformat()).json()
    assert (body["sectors"], body["organizations"], body["people"]) == (0, [], [])


@db
def test_where_the_hub_releases_no_shows_a_started_booking_counts_once_checked_in(
    hub, desk, meeting_room, kari, ola, vera, tomorrow
):
    hub.release_no_shows = True
    hub.save()
    for person in (kari, ola, vera):
        person.show_presence = True
        person.save()
    book(desk, kari, at(tomorrow, 8), at(tomorrow, 10), checked_in_at=at(tomorrow, 8))
    book(meeting_room, ola, at(tomorrow, 8), at(tomorrow, 10))  # started, not checked in
    book(desk, vera, at(tomorrow, 14), at(tomorrow, 15))  # later that day: expected
    result = presence(hub, tomorrow, viewer=kari, now=at(tomorrow, 9))
    assert [p.name for p in result.people] == ["Kari Nordmann", "Vera Vert"]
    assert [(o.name, o.people_display) for o in result.organizations] == [
        ("Arbeids- og velferdsetaten", "<5"),
        ("Lyngdal kommune", "<5"),
    ]


@db
def test_presence_answers_errors_as_the_api_does(kari, hub):
    client = ApiClient(kari)
    assert client.get("/api/v1/hubs/finnes-ikke/presence").status_code == 404
    bad = client.get("/api/v1/hubs/testlab/presence", date="i-morgen")
    assert bad.status_code == 422 and bad.json()["code"] == "invalid"
    assert client.get("/api/v1/hubs/testlab/presence").status_code == 200  # today
    assert ApiClient().get("/api/v1/hubs/testlab/presence").status_code == 401


@db
def test_the_presence_page_needs_a_login_and_explains_a_bad_date(hub, kari):
    assert Client().get("/huber/testlab/hvem-er-her/").status_code == 302
    client = Client()
    client.login(email=kari.email, password=PASSWORD)
    assert client.get("/huber/finnes-ikke/hvem-er-her/").status_code == 404
    response = client.get("/huber/testlab/hvem-er-her/?date=ikke-en-dato")
    assert response.status_code == 200
    assert "er ikke en dato" in response.content.decode()


@db
def test_the_profile_page_turns_the_opt_in_on_and_off(busy_day, ola):
    client = Client()
    client.login(email=ola.email, password=PASSWORD)
    page = client.get("/min-profil/")
    assert 'name="show_presence"' in page.content.decode()
    assert "checked" not in page.content.decode().split('name="show_presence"')[1].split(">")[0]

    client.post("/min-profil/", {"show_presence": "on", "language": "nb"})
    ola.refresh_from_db()
    assert ola.show_presence is True
    names = ApiClient(ola).get("/api/v1/hubs/testlab/presence", date=busy_day.isoformat())
    assert {"name": "Ola Nordmann", "organization": "Lyngdal kommune"} in names.json()["people"]

    client.post("/min-profil/", {"language": "nb"})
    ola.refresh_from_db()
    assert ola.show_presence is False
    names = ApiClient(ola).get("/api/v1/hubs/testlab/presence", date=busy_day.isoformat())
    assert "Ola Nordmann" not in names.content.decode()
    changes = list(
        AuditEntry.objects.filter(action="person.presence_visibility", object_id=str(ola.pk))
        .order_by("at", "id")
        .values_list("changes", flat=True)
    )
    assert changes == [{"visible": True}, {"visible": False}]


@db
def test_the_profile_page_saves_the_language_and_refuses_an_unknown_one(kari):
    client = Client()
    client.login(email=kari.email, password=PASSWORD)
    response = client.post("/min-profil/", {"language": "en"})
    assert response.status_code == 302
    kari.refresh_from_db()
    assert kari.language == "en"
    assert client.get("/min-profil/").content.decode().count('lang="en"') >= 1
    bad = client.post("/min-profil/", {"language": "xx"})
    assert bad.status_code == 422
    kari.refresh_from_db()
    assert kari.language == "en"


# --- In the browser --------------------------------------------------------------------
@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_profile_page_is_accessible_and_issues_an_address(page, kari):
    sign_in(page, kari.email)
    page.goto("/min-profil/")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Lag kalenderadresse").click()
    field = page.get_by_label("Din private kalenderadresse")
    expect(field).to_have_value(re.compile(r"^http://.+/kalender/[A-Za-z0-9_-]{43}\.ics$"))
    assert axe_violations(page) == []
    page.get_by_label("Vis navnet mitt i «hvem er her»").check()
    page.get_by_role("button", name="Lagre").click()
    expect(page.get_by_text("Innstillingene er lagret.")).to_be_visible()
    kari.refresh_from_db()
    assert kari.show_presence is True


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_presence_page_is_accessible(page, busy_day, kari):
    sign_in(page, kari.email)
    page.goto(f"/huber/testlab/hvem-er-her/?date={busy_day.isoformat()}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Testlab")
    expect(page.get_by_role("table")).to_contain_text("Agder fylkeskommune")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Forrige dag").click()
    expect(page.get_by_text("Ingen har booket plass her denne dagen.")).to_be_visible()
    assert axe_violations(page) == []
