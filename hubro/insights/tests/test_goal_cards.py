"""The dashboard people read: five goal cards at the top (headline, change from the
previous period, a small trend), details folding out below, no heading twice, the
running month marked as not over, and goal 5 showing the programme's own assessments."""

import datetime as dt
import re
from html.parser import HTMLParser
from itertools import pairwise

import pytest
from django.test import Client
from django.utils import timezone

from conftest import PASSWORD, make_person
from hubro.insights.cards import trend_months
from hubro.programme.criteria import NationalGoal
from hubro.programme.models import (
    Assessment,
    AssessmentGoalScore,
    Pilot,
    Programme,
    ProgrammeGoal,
    ProgrammeRole,
)

from .conftest import MONDAY, SUNDAY, book

WEEK = {"scope": "all", "period": "custom", "start": MONDAY, "end": SUNDAY}


class Outline(HTMLParser):
    """The page's headings (level, text), as a screen reader lists them."""

    def __init__(self):
        super().__init__()
        self.headings, self._level, self._text = [], None, []

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[1-6]", tag):
            self._level, self._text = int(tag[1]), []

    def handle_endtag(self, tag):
        if self._level and tag == f"h{self._level}":
            self.headings.append((self._level, " ".join("".join(self._text).split())))
            self._level = None

    def handle_data(self, data):
        if self._level:
            self._text.append(data)


def outline(html: str):
    parser = Outline()
    parser.feed(html)
    return parser.headings


def client_for(person):
    client = Client()
    assert client.login(email=person.email, password=PASSWORD)
    return client


def card(html: str, goal: int) -> str:
    """The text of one goal card."""
    match = re.search(rf'id="card-{goal}">(.*?)</li>', html, re.S)
    assert match, f"no card for goal {goal}"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", match.group(1)))


def test_the_trend_covers_the_period_up_to_the_running_month():
    today = dt.date(2026, 12, 7)
    year = trend_months(dt.date(2026, 1, 1), dt.date(2026, 12, 31), today)
    assert [m.month for m in year] == list(range(1, 13))
    week = trend_months(MONDAY, SUNDAY, today)
    assert week == [
        dt.date(2024, 10, 1),
        *(dt.date(y, m, 1) for y, m in [(2024, 11), (2024, 12), (2025, 1), (2025, 2), (2025, 3)]),
    ]
    three_years = trend_months(dt.date(2024, 1, 1), dt.date(2026, 12, 31), today)
    assert len(three_years) == 12 and three_years[-1] == dt.date(2026, 12, 1)
    assert trend_months(dt.date(2027, 1, 1), dt.date(2027, 12, 31), today) == []


def test_five_cards_with_headline_change_and_trend(world, admin_person):
    html = client_for(admin_person).get("/innsikt/", WEEK).content.decode()
    assert html.count('class="ds-card insights-card"') == 5
    # Goal 1: three organizations this week (Nav, Lyngdal kommune, Agder
    # fylkeskommune); the week before had none.
    first = card(html, 1)
    assert "3 Aktive organisasjoner" in first
    assert "Opp 3 fra forrige periode (0)" in first
    # The small trend: an image with a text alternative, and its numbers in a table
    # (the months October 2024–March 2025: Ola in January, Ola and Kari in February).
    assert re.search(r'<svg class="insights-spark" id="spark-1" role="img"', html)
    summary = re.search(r'<desc id="spark-1-d">([^<]*)</desc>', html).group(1)
    assert "fra 0 i Okt 2024 til 3 i Mar 2025" in summary
    row = re.search(r'id="h-trend-1".*?<tbody><tr>(.*?)</tr>', html, re.S).group(1)
    assert re.findall(r'insights-num">(\d+)', row) == ["0", "0", "0", "1", "2", "3"]
    # Details fold out below, one per goal and one for operations.
    for anchor in ("goal-1", "goal-2", "goal-3", "goal-4", "goal-5", "goal-operations"):
        assert re.search(rf'<details class="ds-details insights-goal" id="{anchor}">', html)


def test_no_heading_is_printed_twice(world, admin_person, ola):
    for person in (admin_person, ola):
        client = client_for(person)
        for address in ("/innsikt/", "/innsikt/rapport/"):
            headings = outline(client.get(address, WEEK).content.decode())
            texts = [text for _level, text in headings]
            assert len(texts) == len(set(texts)), (address, texts)
            assert [level for level, _t in headings].count(1) == 1
            # Levels never skip one on the way down.
            levels = [level for level, _t in headings]
            assert all(b <= a + 1 for a, b in pairwise(levels))


def test_a_table_title_is_not_repeated_as_a_visible_caption(world, admin_person):
    html = client_for(admin_person).get("/innsikt/", WEEK).content.decode()
    assert "Nøkkeltall for mål 1" in html
    for caption in re.findall(r"<caption([^>]*)>", html):
        assert "ds-sr-only" in caption


def test_the_running_month_is_marked_not_drawn_as_a_drop(hub, desk, kari, nav, admin_person):
    today = timezone.localdate()
    month = today.replace(day=1)
    last_month = (month - dt.timedelta(days=1)).replace(day=1)
    for day in range(1, 9):
        book(desk, kari, nav, last_month + dt.timedelta(days=day), 8, 12)
    book(desk, kari, nav, today, 8, 9)
    html = client_for(admin_person).get("/innsikt/", {"scope": "all", "period": "year"}).content
    html = html.decode()
    running = f"{month:%Y-%m} (pågår)"
    # The monthly table and the hub × month chart's table name the month as running.
    assert f'<th scope="row">{running}</th>' in html
    assert f'<th scope="col" class="insights-num">{running}</th>' in html
    # The bar of the running month is an outline, not a short bar.
    assert 'class="insights-chart__bar--incomplete"' in html
    # In the line chart and the small trends the running month is a hollow point that
    # the line does not reach.
    chart = re.search(r'<svg class="insights-chart" id="chart-hub_months".*?</svg>', html, re.S)
    assert 'class="insights-chart__open"' in chart.group(0)
    spark = re.search(r'<svg class="insights-spark" id="spark-1".*?</svg>', html, re.S).group(0)
    open_point = re.search(r'<circle cx="([\d.]+)"[^>]*class="insights-chart__open"', spark)
    assert open_point
    for points in re.findall(r'<polyline points="([^"]+)"', spark):
        assert all(float(p.split(",")[0]) < float(open_point.group(1)) for p in points.split())
    assert "pågår" in re.search(r'<desc id="spark-1-d">([^<]*)</desc>', html).group(1)
    # The period itself says it is not over.
    assert "Perioden er ikke over" in html


@pytest.fixture
def assessed(hub, nav, lyngdal):
    """A programme with one pilot at the hub, assessed midway (2) and finally (4) for
    goal 5; Eirik evaluates it."""
    kdd = make_person("dep@kdd.test", nav, name="Dep Artement")
    programme = Programme.objects.create(
        name="Statens hus", slug="statens-hus", owner=nav, starts_on=dt.date(2021, 1, 1)
    )
    goals = {
        goal.value: ProgrammeGoal.objects.create(programme=programme, number=goal.value)
        for goal in NationalGoal
    }
    pilot = Pilot.objects.create(
        programme=programme,
        name="Lyngdal/Lister",
        slug="lister",
        host_municipality=lyngdal,
        hub=hub,
    )
    for milestone, day, score, text in (
        ("midway", dt.date(2023, 3, 15), 2, "Spede tegn."),
        ("final", dt.date(2025, 3, 5), 4, "Forankringen i IPR er nyttig kunnskap for andre."),
    ):
        assessment = Assessment.objects.create(pilot=pilot, milestone=milestone, assessed_on=day)
        AssessmentGoalScore.objects.create(
            assessment=assessment, goal=goals[5], score=score, text=text
        )
    eirik = make_person("eirik@eval.test", nav, name="Eirik Evaluator")
    ProgrammeRole.objects.create(programme=programme, person=eirik, role="evaluator")
    ProgrammeRole.objects.create(programme=programme, person=kdd, role="owner")
    return {"pilot": pilot, "evaluator": eirik, "owner": kdd}


def test_goal5_shows_the_programmes_assessments(world, assessed):
    html = client_for(assessed["evaluator"]).get("/innsikt/", WEEK).content.decode()
    fifth = card(html, 5)
    assert "4,0 av 5" in fifth
    # The final assessment fell in this week: up from the midway score.
    assert "Opp 2,0 fra forrige periode (2,0 av 5)" in fifth
    assert "I perioden: 1 vurderinger" in fifth
    assert "Ingen tall" not in html
    details = re.search(r'id="goal-5">(.*?)</details>', html, re.S).group(1)
    assert "Forankringen i IPR er nyttig kunnskap for andre." in details
    assert f'href="/program/vurderinger/{assessed["pilot"].assessments.last().pk}/"' in details
    # The trend is the mean score per milestone.
    assert re.search(r'<svg class="insights-spark" id="spark-5"', html)


def test_goal5_tells_others_who_may_see_the_assessments(world, assessed, ola):
    html = client_for(ola).get("/innsikt/", WEEK).content.decode()
    fifth = card(html, 5)
    assert "bare synlige for programeieren, evaluatorene og pilotenes styringsgrupper" in fifth
    assert "Forankringen" not in html and "av 5" not in fifth


def test_goal5_for_an_organization_says_pilots_belong_to_places(
    world, assessed, admin_person, nav
):
    html = (
        client_for(admin_person)
        .get("/innsikt/", {**WEEK, "scope": f"org:{nav.orgnr}"})
        .content.decode()
    )
    assert "Ingen pilot i programmet hører til dette utvalget" in card(html, 5)


def test_the_programme_page_points_goal5_to_the_assessments(world, assessed):
    html = client_for(assessed["evaluator"]).get("/program/statens-hus/").content.decode()
    row = re.search(r"<th scope=\"row\">5\..*?</tr>", html, re.S).group(0)
    assert "Målet måles med vurderingene." in row
    assert 'href="/innsikt/?scope=hub%3Atestlab#goal-5"' in row
    assert "Ingen tall" not in row
