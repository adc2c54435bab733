"""The search across hubs, in Chromium and in the API: free for the whole time asked,
of a kind, for N people, with features, in a region; the person's own region first."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from conftest import ApiClient, at, axe_violations, sign_in
from hubro.bookings.tests.test_checkin import make_booking
from hubro.core.models import Municipality
from hubro.spaces.models import Hub, OpeningHours, Space, SpaceFeature


@pytest.fixture
def byhub(hub, nav):
    """A hub in Oslo (no region), named to sort before Testlab."""
    other = Hub.objects.create(
        name="Byhuben",
        slug="byhuben",
        municipality=Municipality.objects.get(number="0301"),
        host_organization=nav,
        observe_public_holidays=False,
    )
    OpeningHours.objects.bulk_create(
        OpeningHours(hub=other, weekday=day, opens=dt.time(8), closes=dt.time(16))
        for day in range(7)
    )
    return other


@pytest.fixture
def rooms(meeting_room, byhub, desk):
    """Video rooms in both hubs, a small one, and a desk."""
    oslo_room = Space.objects.create(hub=byhub, name="Storsalen", kind="meeting_room", capacity=8)
    small = Space.objects.create(hub=byhub, name="Lille", kind="meeting_room", capacity=2)
    for space in (meeting_room, oslo_room, small):
        SpaceFeature.objects.create(space=space, feature="video")
    return {"lister": meeting_room, "oslo": oslo_room, "small": small}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_search_across_hubs_puts_the_own_region_first(page, ola, rooms, tomorrow):
    sign_in(page, ola.email)
    page.goto("/huber/")
    page.get_by_role("link", name="Finn ledig plass i alle huber").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Finn ledig plass")
    assert axe_violations(page) == []
    page.get_by_role("textbox", name="Dato").fill(tomorrow.isoformat())
    page.get_by_role("textbox", name="Fra").fill("09:00")
    page.get_by_role("textbox", name="Til").fill("11:00")
    page.get_by_label("Type").select_option("meeting_room")
    page.get_by_label("Antall personer").fill("6")
    page.get_by_role("checkbox", name="Videomøteutstyr").check()
    page.get_by_role("button", name="Søk").click()

    expect(page.locator("#results-heading")).to_have_text("2 huber med ledig plass")
    hubs = page.locator("#results h3")
    # Ola works in Lyngdal (Lister): Testlab first, although Byhuben sorts first by name.
    expect(hubs).to_have_text(["Testlab", "Byhuben"])
    expect(page.locator("#results article").first).to_contain_text("I din region")
    expect(page.locator("#results")).not_to_contain_text("Lille")  # room for two
    expect(page.locator("#results")).not_to_contain_text("Plass 1")  # a desk
    assert axe_violations(page) == []

    page.get_by_label("Sted").select_option("region:lister")
    page.get_by_role("button", name="Søk").click()
    expect(hubs).to_have_text(["Testlab"])
    page.get_by_role("link", name="Book Møterom Lister").click()
    expect(page.get_by_label("Fra")).to_have_value("09:00")
    expect(page.get_by_label("Til")).to_have_value("11:00")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_search_with_the_end_before_the_start_says_what_to_do(page, kari, rooms, tomorrow):
    sign_in(page, kari.email)
    page.goto(f"/finn-ledig/?date={tomorrow.isoformat()}&start=12:00&end=10:00")
    expect(page.locator("#id_end-error")).to_contain_text("Velg et senere sluttidspunkt")
    assert axe_violations(page) == []


@pytest.mark.django_db
def test_the_api_leaves_out_taken_and_closed_spaces(kari, ola, rooms, tomorrow):
    make_booking(rooms["oslo"], kari, at(tomorrow, 10), at(tomorrow, 12))
    api = ApiClient(kari)
    params = {"date": tomorrow.isoformat(), "start": "09:00", "end": "11:00", "people": 2}
    body = api.get("/api/v1/spaces/free", **params, kind="meeting_room").json()
    found = {(hub["hub"], space["name"]) for hub in body for space in hub["spaces"]}
    assert found == {("byhuben", "Lille"), ("testlab", "Møterom Lister")}
    # Kari (Oslo) has no region: plain name order.
    assert [hub["hub"] for hub in body] == ["byhuben", "testlab"]
    assert not any(hub["own_region"] for hub in body)
    # Byhuben opens at 08:00: 07:00 fits only Testlab.
    early = api.get("/api/v1/spaces/free", **{**params, "start": "07:00"}).json()
    assert [hub["hub"] for hub in early] == ["testlab"]
    # Ola's own region comes first.
    mine = ApiClient(ola).get("/api/v1/spaces/free", **params, feature="video").json()
    assert [(hub["hub"], hub["own_region"]) for hub in mine] == [
        ("testlab", True),
        ("byhuben", False),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"start": "11:00", "end": "09:00"}, "bad_range"),
        ({"kind": "castle"}, "bad_kind"),
        ({"feature": "jacuzzi"}, "bad_feature"),
        ({"place": "planet:mars"}, "bad_place"),
        ({"people": 0}, "bad_people"),
    ],
)
def test_the_api_explains_a_bad_search(kari, rooms, tomorrow, params, code):
    query = {"date": tomorrow.isoformat(), "start": "09:00", "end": "11:00", **params}
    response = ApiClient(kari).get("/api/v1/spaces/free", **query)
    assert response.status_code == 422
    assert response.json()["code"] == code
