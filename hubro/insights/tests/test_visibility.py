"""The one rule for who sees what (``hubro.insights.visibility``): the programme's
owner and evaluator see their pilots' hubs suppressed, an empty scope is a message and
never zeros, partial coverage is said, and presence keeps small counts and closed hubs
to itself."""

import csv
import datetime as dt
import io

import pytest
from django.test import Client
from django.utils import timezone

from conftest import PASSWORD, ApiClient, at, make_person
from hubro.bookings.models import Booking
from hubro.core.models import Municipality, Organization, Region
from hubro.hosting.queries.lobby import present_names
from hubro.insights.models import StatisticsSetting
from hubro.programme.models import Pilot, Programme, ProgrammeRole
from hubro.spaces.models import Hub, Space

from .conftest import MONDAY, book

pytestmark = pytest.mark.django_db
SUNDAY = MONDAY + dt.timedelta(days=6)
RANGE = {"from": MONDAY.isoformat(), "to": SUNDAY.isoformat()}


@pytest.fixture
def world(hub, desk, nav, lyngdal, lyngdal_kommune):
    """Testlab (a pilot hub, in region Lister) with twelve people on Monday and
    Tuesday; Annenlab (no pilot, same region) with nobody; a programme with an owner
    and an evaluator from an organization that is member of neither hub."""
    region = Region.objects.create(slug="lister-v", name="Lister V")
    region.municipalities.add(lyngdal)
    hub.region = region
    hub.save()
    other = Hub.objects.create(
        name="Annenlab", slug="annenlab", municipality=lyngdal, region=region,
        host_organization=nav,
    )  # fmt: skip
    Space.objects.create(hub=other, name="Plass A", kind=Space.Kind.DESK)
    for index in range(12):
        person = make_person(f"p{index}@test.no", nav if index % 2 else lyngdal_kommune)
        space = Space.objects.create(hub=hub, name=f"Plass v{index}", kind="desk")
        for day in (MONDAY, MONDAY + dt.timedelta(days=1)):
            book(space, person, person.primary_membership.organization, day, 8, 12)
    ministry = Organization.objects.create(
        orgnr="972417858",
        name="Departementet",
        sector="state",
        municipality=Municipality.objects.get(number="0301"),
    )
    programme = Programme.objects.create(
        name="Statens hus", slug="statens-hus-v", owner=ministry,
        starts_on=dt.date(2021, 1, 1),
    )  # fmt: skip
    Pilot.objects.create(
        programme=programme, name="Lister", slug="lister-v", host_municipality=lyngdal, hub=hub
    )
    owner = make_person("eier@dep.test", ministry, name="Eva Eier")
    evaluator = make_person("evaluator@dep.test", ministry, name="Even Evaluator")
    ProgrammeRole.objects.create(programme=programme, person=owner, role="owner")
    ProgrammeRole.objects.create(programme=programme, person=evaluator, role="evaluator")
    outsider = make_person("utenfor@dep.test", ministry, name="Uno Utenfor")
    return {"owner": owner, "evaluator": evaluator, "outsider": outsider, "other": other}


@pytest.mark.parametrize("role", ["owner", "evaluator"])
def test_programme_roles_see_suppressed_nonzero_figures_at_every_scope(world, hub, role):
    StatisticsSetting.objects.create(hub=hub, audience="hosts")  # still theirs to follow
    client = ApiClient(world[role])
    for scope in ("all", "region:lister-v", "hub:testlab"):
        body = client.get("/api/v1/indicators", scope=scope, **RANGE).json()
        figures = {f["key"]: f for f in body["figures"]}
        assert figures["person_days"]["value"] >= 22, (scope, figures["person_days"])
        assert body["perturbed"] is True
        assert figures["unique_users"]["value"] != 12 or figures["person_days"]["value"] != 24
    # The region and the programme: Testlab only, and said so.
    body = client.get("/api/v1/indicators", scope="region:lister-v", **RANGE).json()
    assert body["coverage"] == {
        "hubs": 1,
        "of": 2,
        "partial": True,
        "names": ["Testlab"],
        "text": "Tallene gjelder 1 av 2 huber: Testlab.",
    }
    web = Client()
    web.login(email=world[role].email, password=PASSWORD)
    query = {"scope": "all", "period": "custom", "start": MONDAY, "end": SUNDAY}
    page = web.get("/innsikt/", query).content.decode()
    assert "1 av 2 huber: Testlab" in page and "fast avvik" in page
    report = web.get("/innsikt/rapport/", query).content.decode()
    assert "1 av 2 huber: Testlab" in report
    export = web.get("/innsikt/eksport/operations.csv", query).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(export), delimiter=";"))
    assert ["Tallene gjelder 1 av 2 huber: Testlab."] in rows


def test_a_person_who_may_see_no_hub_is_told_and_never_shown_zeros(world):
    outsider = world["outsider"]
    answer = ApiClient(outsider).get("/api/v1/indicators", scope="all", **RANGE)
    assert answer.status_code == 422
    assert answer.json()["code"] == "no_visible_hubs"
    assert "ikke null" in answer.json()["detail"]
    hub_answer = ApiClient(outsider).get("/api/v1/indicators", scope="hub:testlab", **RANGE)
    assert hub_answer.json()["code"] == "no_visible_hubs"
    web = Client()
    web.login(email=outsider.email, password=PASSWORD)
    query = {"scope": "all", "period": "custom", "start": MONDAY, "end": SUNDAY}
    page = web.get("/innsikt/", query)
    assert page.status_code == 422
    html = page.content.decode()
    assert 'id="insights-coverage"' in html and "ikke null" in html
    assert "<table" not in html
    assert web.get("/innsikt/eksport/operations.csv", query).status_code == 422
    assert web.get("/innsikt/rapport/", query).status_code == 422


def test_the_host_keeps_exact_figures_for_the_own_hub(world, hub, vera):
    body = ApiClient(vera).get("/api/v1/indicators", scope="hub:testlab", **RANGE).json()
    figures = {f["key"]: f["value"] for f in body["figures"]}
    assert (figures["person_days"], figures["unique_users"], body["perturbed"]) == (24, 12, False)


# --- Presence ----------------------------------------------------------------------------


@pytest.fixture
def today_at_testlab(hub, desk, meeting_room, nav, lyngdal_kommune, ola):
    """Today: three people from NAV (one shows the name), six from Lyngdal kommune."""
    day = timezone.localdate()
    people = [make_person(f"n{i}@nav.test", nav, name=f"Nav Person {i}") for i in range(3)]
    people[0].show_presence = True
    people[0].save()
    people += [
        make_person(f"k{i}@ly.test", lyngdal_kommune, name=f"Kommune {i}") for i in range(6)
    ]
    for index, person in enumerate(people):
        space = Space.objects.create(hub=hub, name=f"Rom {index}", kind="desk")
        Booking.objects.create(
            space=space,
            person=person,
            organization=person.primary_membership.organization,
            start=at(day, 9),
            end=at(day, 10),
        )
    return day


def test_a_member_sees_no_count_below_the_threshold_in_json_or_html(today_at_testlab, ola, vera):
    day = today_at_testlab.isoformat()
    body = ApiClient(ola).get("/api/v1/hubs/testlab/presence", date=day).json()
    by_name = {org["name"]: org for org in body["organizations"]}
    assert by_name["Arbeids- og velferdsetaten"] == {
        "name": "Arbeids- og velferdsetaten",
        "sector": "state",
        "people": None,
        "suppressed": True,
    }
    assert by_name["Lyngdal kommune"]["people"] == 6
    assert [p["name"] for p in body["people"]] == ["Nav Person 0"]
    web = Client()
    web.login(email=ola.email, password=PASSWORD)
    html = web.get(f"/huber/testlab/hvem-er-her/?date={day}").content.decode()
    row = html[html.index("Arbeids- og velferdsetaten</th>") :]
    row = row[: row.index("</tr>")]
    assert "&lt;5" in row and ">3<" not in row
    assert "Nav Person 1" not in html and "Nav Person 2" not in html
    # The host sees the exact count.
    exact = ApiClient(vera).get("/api/v1/hubs/testlab/presence", date=day).json()
    assert {o["name"]: o["people"] for o in exact["organizations"]}[
        "Arbeids- og velferdsetaten"
    ] == 3


def test_a_hub_closed_to_members_shows_them_no_count_and_no_name(today_at_testlab, hub, ola):
    StatisticsSetting.objects.create(hub=hub, audience="hosts")
    day = today_at_testlab.isoformat()
    answer = ApiClient(ola).get("/api/v1/hubs/testlab/presence", date=day)
    assert answer.status_code == 403 and answer.json()["code"] == "presence_hidden"
    web = Client()
    web.login(email=ola.email, password=PASSWORD)
    page = web.get(f"/huber/testlab/hvem-er-her/?date={day}")
    assert page.status_code == 403
    for text in (answer.content.decode(), page.content.decode()):
        assert "Nav Person" not in text and "Arbeids- og velferdsetaten" not in text
        assert "Kommune 1" not in text
    # Nor the lobby screen.
    assert present_names(hub, at(today_at_testlab, 9, 30)) == []


def test_presence_days_are_bounded_for_members(hub, ola, vera):
    far = (timezone.localdate() + dt.timedelta(days=30)).isoformat()
    refused = ApiClient(ola).get("/api/v1/hubs/testlab/presence", date=far)
    assert refused.status_code == 422 and refused.json()["code"] == "date_out_of_range"
    assert ApiClient(vera).get("/api/v1/hubs/testlab/presence", date=far).status_code == 200
    web = Client()
    web.login(email=ola.email, password=PASSWORD)
    page = web.get(f"/huber/testlab/hvem-er-her/?date={far}")
    assert page.status_code == 422 and "Du kan se hvem som er her fra" in page.content.decode()
