"""Each scorer scores the eight criteria and seven barriers alone; the combined view
shows the spread, and the trend over rounds."""

import datetime as dt

import pytest
from django.urls import reverse

from hubro.core.errors import Invalid, NotFound
from hubro.programme import actions
from hubro.programme.criteria import Barrier, Criterion
from hubro.programme.selfassessment import combine, trend

pytestmark = pytest.mark.django_db


def _scores(default=3, **overrides):
    scores = {("criterion", c): (default, "") for c in Criterion.values}
    scores |= {("barrier", b): (default, "") for b in Barrier.values}
    for code, value in overrides.items():
        kind = "criterion" if code in Criterion.values else "barrier"
        scores[(kind, code)] = value
    return scores


@pytest.fixture
def spring(hub, vera):
    return actions.open_round(hub, title="Vår 2024", held_on=dt.date(2024, 4, 1), actor=vera)


@pytest.fixture
def scored(spring, vera, coordinator, nav, lyngdal_kommune):
    actions.submit_self_assessment(
        spring,
        scorer=vera,
        organization=lyngdal_kommune,
        scores=_scores(financing=(5, "Alle har signert intensjonsavtaler")),
        actor=vera,
    )
    actions.submit_self_assessment(
        spring,
        scorer=coordinator,
        organization=nav,
        scores=_scores(financing=(2, "Bare husleien er dekket")),
        actor=coordinator,
    )
    return spring


def test_combined_scores_show_the_spread_between_two_scorers(scored):
    by_code = {item.code: item for item in combine(scored)}
    financing = by_code["financing"]
    assert (financing.lowest, financing.highest, financing.spread) == (2, 5, 3)
    assert str(financing.mean) == "3.5"
    assert financing.disagree
    assert not by_code["purpose"].disagree
    assert by_code["purpose"].spread == 0


def test_round_page_says_the_partners_disagree_on_financing(client, vera, scored):
    client.force_login(vera)
    page = client.get(reverse("programme:round", args=["testlab", scored.pk])).content.decode()
    assert "Partnerne er uenige om «Bærekraftig finansiering» (spredning 3)" in page
    assert "Alle har signert intensjonsavtaler" in page
    assert "Bare husleien er dekket" in page
    assert "uenige om «Tydelig formål" not in page


def test_api_shows_the_spread(api_as, coordinator, scored):
    data = api_as(coordinator).get("/api/v1/self-assessments/testlab").json()
    items = {i["code"]: i for i in data["rounds"][0]["items"]}
    assert items["financing"]["spread"] == 3
    assert items["financing"]["disagree"] is True
    assert sorted(s["score"] for s in items["financing"]["scores"]) == [2, 5]
    assert len(items) == 15


def test_scoring_again_replaces_only_ones_own_scores(scored, vera, lyngdal_kommune):
    actions.submit_self_assessment(
        scored,
        scorer=vera,
        organization=lyngdal_kommune,
        scores=_scores(financing=(2, "Etter nye signaler")),
        actor=vera,
    )
    financing = {i.code: i for i in combine(scored)}["financing"]
    assert sorted(financing.scores) == [2, 2]
    assert not financing.disagree


def test_nobody_scores_for_someone_else(scored, vera, coordinator):
    with pytest.raises(Invalid):
        actions.submit_self_assessment(scored, scorer=coordinator, scores=_scores(), actor=vera)


def test_every_item_must_be_scored(spring, vera):
    scores = _scores()
    scores.pop(("barrier", "distance"))
    with pytest.raises(Invalid) as exc:
        actions.submit_self_assessment(spring, scorer=vera, scores=scores, actor=vera)
    assert exc.value.code == "incomplete"


def test_people_outside_the_hub_see_nothing(client, api_as, kari, scored):
    with pytest.raises(NotFound):
        actions.submit_self_assessment(scored, scorer=kari, scores=_scores(), actor=kari)
    client.force_login(kari)
    assert client.get(reverse("programme:round", args=["testlab", scored.pk])).status_code == 404
    assert client.get(reverse("programme:self_assessment", args=["testlab"])).status_code == 404
    assert api_as(kari).get("/api/v1/self-assessments/testlab").status_code == 404


def test_scoring_on_the_form(client, coordinator, spring):
    client.force_login(coordinator)
    url = reverse("programme:round_score", args=["testlab", spring.pk])
    assert client.get(url).status_code == 200
    data = {}
    for code in Criterion.values:
        data[f"criterion_{code}_score"] = "4"
    for code in Barrier.values:
        data[f"barrier_{code}_score"] = "2"
    data["criterion_financing_comment"] = "Uklart etter 2027"
    incomplete = dict(data)
    incomplete.pop("barrier_distance_score")
    assert client.post(url, incomplete).status_code == 422
    response = client.post(url, data)
    assert response.status_code == 302
    financing = {i.code: i for i in combine(spring)}["financing"]
    assert [(e.score, e.comment, e.organization) for e in financing.entries] == [
        (4, "Uklart etter 2027", "Arbeids- og velferdsetaten")
    ]


def test_trend_over_rounds(hub, vera, scored):
    autumn = actions.open_round(hub, title="Høst 2024", held_on=dt.date(2024, 10, 1), actor=vera)
    actions.submit_self_assessment(
        autumn, scorer=vera, scores=_scores(financing=(4, "")), actor=vera
    )
    rounds, rows = trend(hub)
    assert [r.title for r in rounds] == ["Vår 2024", "Høst 2024"]
    financing = next(r for r in rows if r.code == "financing")
    assert [str(m) for m in financing.means] == ["3.5", "4.0"]


def test_trend_page_has_a_table_per_kind(client, vera, scored):
    client.force_login(vera)
    page = client.get(reverse("programme:self_assessment", args=["testlab"])).content.decode()
    assert "Suksesskriterier: gjennomsnitt per runde" in page
    assert "Barrierer: gjennomsnitt per runde" in page
    assert "<td>3,5</td>" in page
