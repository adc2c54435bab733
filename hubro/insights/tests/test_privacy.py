"""Suppression: a hub with three users from one organization never shows the 3 to a
member or a viewer, neither directly nor by subtracting shown parts from a total."""

import csv
import datetime as dt
import io

import pytest
from django.test import Client
from openpyxl import load_workbook

from conftest import PASSWORD, make_person
from hubro.core.models import Municipality, Organization
from hubro.insights.indicators import compute
from hubro.insights.models import StatisticsSetting
from hubro.insights.privacy import suppress
from hubro.insights.visibility import NoVisibleHubs

from .conftest import MONDAY, book

pytestmark = pytest.mark.django_db
SUNDAY = MONDAY + dt.timedelta(days=6)
PERIOD = {"scope": "hub:testlab", "period": "custom", "start": MONDAY, "end": SUNDAY}
PEOPLE_UNITS = {"people", "person_days"}


@pytest.fixture
def small_org(places):
    return Organization.objects.create(
        orgnr="974760673",
        name="Liten etat",
        sector="county",
        municipality=Municipality.objects.get(number="4204"),
    )


@pytest.fixture
def three(hub, desk, nav, lyngdal_kommune, small_org, ola):
    """Three users from Liten etat, six from Lyngdal kommune, seven from NAV; each on
    Monday and Tuesday."""
    from hubro.spaces.models import Space

    people = (
        [(make_person(f"liten{i}@test.no", small_org), small_org) for i in range(3)]
        + [(ola, lyngdal_kommune)]
        + [
            (make_person(f"kommune{i}@test.no", lyngdal_kommune), lyngdal_kommune)
            for i in range(5)
        ]
        + [(make_person(f"nav{i}@test.no", nav), nav) for i in range(7)]
    )
    for index, (person, org) in enumerate(people):
        space = Space.objects.create(hub=hub, name=f"Plass x{index}", kind="desk")
        for day in (MONDAY, MONDAY + dt.timedelta(days=1)):
            book(space, person, org, day, 8, 12)
    return people


def _groups_cannot_be_differenced(figures, n=5):
    by_key = {f.key: f for f in figures}
    for total, prefix in (("unique_users", "users."), ("person_days", "person_days.")):
        parts = [f for f in figures if f.key.startswith(prefix) and f.table == "sectors"]
        hidden = [f for f in parts if f.suppressed]
        if hidden and not by_key[total].suppressed:
            remainder = by_key[total].value - sum(f.value for f in parts if not f.suppressed)
            assert remainder >= n, (total, remainder)
            assert len(hidden) >= 2


def test_the_member_api_hides_the_three_and_their_complement(three, ola, api_as):
    body = (
        api_as(ola)
        .get(
            "/api/v1/indicators",
            scope="hub:testlab",
            **{"from": MONDAY.isoformat(), "to": SUNDAY.isoformat()},
        )
        .json()
    )
    figures = {f["key"]: f for f in body["figures"]}
    assert figures["users.county"] == {
        **figures["users.county"],
        "value": None,
        "suppressed": True,
    }
    assert figures["person_days.county"]["value"] is None
    # The smallest other part is hidden too, so the total minus the shown parts is 9.
    assert figures["users.municipal"]["suppressed"] is True
    # Shown counts carry the cell-key noise (at most 2 either way), never below 5.
    assert 14 <= figures["unique_users"]["value"] <= 18
    assert 5 <= figures["users.state"]["value"] <= 9
    assert body["perturbed"] is True
    for figure in body["figures"]:
        if figure["unit"] in PEOPLE_UNITS:
            assert figure["value"] in (None, 0) or figure["value"] >= 5, figure


@pytest.mark.parametrize("scope", ["hub:testlab", "all"])
def test_no_scope_lets_a_member_subtract_their_way_to_the_three(three, ola, scope):
    figures = compute(scope, MONDAY, SUNDAY, viewer=ola)
    assert {f.key: f.suppressed for f in figures}["users.county"] is True
    _groups_cannot_be_differenced(figures)
    for figure in figures:
        if figure.unit in PEOPLE_UNITS:
            assert figure.value != 3, figure.key


def test_a_viewer_from_elsewhere_sees_the_same_suppression(three, hub, kari, places):
    outsider_org = Organization.objects.create(
        orgnr="981544315",
        name="Utenfra",
        sector="other",
        municipality=Municipality.objects.get(number="0301"),
    )
    viewer = make_person("viewer@test.no", outsider_org)
    StatisticsSetting.objects.create(hub=hub, audience="signed_in")
    figures = compute("hub:testlab", MONDAY, SUNDAY, viewer=viewer)
    assert {f.key: f.value for f in figures}["users.county"] is None
    _groups_cannot_be_differenced(figures)


def test_the_host_sees_the_real_numbers(three, vera):
    values = {f.key: f.value for f in compute("hub:testlab", MONDAY, SUNDAY, viewer=vera)}
    assert values["users.county"] == 3
    assert values["person_days.county"] == 6


def test_pages_and_exports_for_a_member_never_show_the_three(three, ola):
    client = Client()
    client.login(email=ola.email, password=PASSWORD)
    page = client.get("/innsikt/", PERIOD)
    assert page.status_code == 200
    html = page.content.decode()
    assert "&lt;5" in html
    sectors = html[html.index('id="cap-sectors"') :]
    sectors = sectors[: sectors.index("</table>")]
    row = sectors[sectors.index("Fylkeskommunal") :]
    row = row[: row.index("</tr>")]
    # The organizations cell carries noise; the people and person-days cells are hidden.
    assert ">6<" not in row and row.count("&lt;5") >= 2
    report = client.get("/innsikt/rapport/", PERIOD)
    assert report.status_code == 200 and "&lt;5" in report.content.decode()
    for table in ("sectors", "operations", "weekdays", "hours", "months"):
        text = client.get(f"/innsikt/eksport/{table}.csv", PERIOD).content.decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text), delimiter=";"))
        for row in rows:
            if row[0] == "Fylkeskommunal":
                assert row[2:] == ["<5", "<5"], row
                assert row[1].isdigit()  # organizations are counted, not hidden
        workbook = load_workbook(
            io.BytesIO(client.get(f"/innsikt/eksport/{table}.xlsx", PERIOD).content)
        )
        cells = [list(r) for r in workbook.active.iter_rows(values_only=True)]
        assert len(cells) == len(rows)
        for row in cells:
            if row[0] == "Fylkeskommunal":
                assert row[2:] == ("<5", "<5") or list(row[2:]) == ["<5", "<5"]


def test_a_member_may_not_open_an_organization_scope(three, ola, small_org, api_as):
    response = api_as(ola).get(
        "/api/v1/indicators",
        scope=f"org:{small_org.orgnr}",
        **{"from": MONDAY.isoformat(), "to": SUNDAY.isoformat()},
    )
    assert response.status_code == 404
    client = Client()
    client.login(email=ola.email, password=PASSWORD)
    assert client.get("/innsikt/", {**PERIOD, "scope": f"org:{small_org.orgnr}"}).status_code in (
        404,
        422,
    )


def test_statistics_hidden_to_members_when_the_host_says_so(three, hub, ola, vera, api_as):
    client = Client()
    client.login(email=vera.email, password=PASSWORD)
    response = client.post(f"/innsikt/hub/{hub.slug}/statistikk/", {"audience": "hosts"})
    assert response.status_code == 302
    assert hub.statistics_setting.audience == "hosts"
    params = {"scope": "hub:testlab", "from": MONDAY.isoformat(), "to": SUNDAY.isoformat()}
    refused = api_as(ola).get("/api/v1/indicators", **params)
    assert refused.status_code == 422 and refused.json()["code"] == "no_visible_hubs"
    assert "Testlab" in refused.json()["detail"]
    assert api_as(vera).get("/api/v1/indicators", **params).status_code == 200
    # Nor does the programme view include the hub for Ola: he sees no hub, and is told.
    with pytest.raises(NoVisibleHubs):
        compute("all", MONDAY, SUNDAY, viewer=ola)


def test_only_hosts_change_the_setting(hub, ola):
    client = Client()
    client.login(email=ola.email, password=PASSWORD)
    assert (
        client.post(f"/innsikt/hub/{hub.slug}/statistikk/", {"audience": "signed_in"}).status_code
        == 404
    )
    assert not StatisticsSetting.objects.exists()


def test_threshold_is_configurable(three, ola, settings):
    settings.HUBRO_PRIVACY_THRESHOLD = 2
    figures = {f.key: f for f in compute("hub:testlab", MONDAY, SUNDAY, viewer=ola)}
    assert not figures["users.county"].suppressed
    assert 2 <= figures["users.county"].value <= 5  # 3 with the cell-key noise


def test_complementary_suppression_hides_the_total_when_no_part_is_left():
    from hubro.insights.indicators import Figure

    figures = [
        Figure("total", "", None, "people", 4, people=4),
        Figure("a", "", None, "people", 4, people=4),
        Figure("b", "", None, "people", 0, people=0),
    ]
    suppress(figures, [("total", ["a", "b"])], n=5)
    assert [f.suppressed for f in figures] == [True, True, False]
    figures = [
        Figure("total", "", None, "people", 12, people=12),
        Figure("a", "", None, "people", 2, people=2),
        Figure("b", "", None, "people", 10, people=10),
    ]
    suppress(figures, [("total", ["a", "b"])], n=5)
    assert [f.suppressed for f in figures] == [False, True, True]
