"""The demo has a survey of RegionLab Lister and positions held from it, shown beside
the indicators; a second run adds nothing."""

import datetime as dt

import pytest
from django.utils import timezone

from hubro.core.demo import VERT_EMAIL, build_demo
from hubro.core.models import Person
from hubro.insights import beside
from hubro.insights.indicators import resolve_scope
from hubro.positions.models import Hire, Position
from hubro.surveys.models import Response, Survey

pytestmark = pytest.mark.django_db


def test_the_demo_shows_survey_and_position_figures_beside_the_indicators():
    build_demo()
    assert Survey.objects.count() == 1 and Response.objects.count() == 9
    assert Position.objects.count() == 2 and Hire.objects.count() == 1
    again = build_demo()
    assert again.new.get("surveys", 0) == 0 and again.new.get("positions", 0) == 0
    host = Person.objects.get(email=VERT_EMAIL)
    scope = resolve_scope("hub:regionlab-lister", host)
    today = timezone.localdate()
    sections = {s.key: s for s in beside.sections(scope, today - dt.timedelta(days=90), today)}
    figures = {f.key: f for s in sections.values() for f in s.figures}
    assert figures["survey_responses"].value == 9
    assert figures["positions_announced"].value == 2
    assert figures["positions_hired"].value == 1
