"""The handbook's demo: a dozen published lessons from the evaluation, two drafts by the
demo employee, links to the demo's hubs and projects, nothing new on a second run."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.utils import timezone

from hubro.core.demo import build_demo
from hubro.core.demo.base import DemoContext, Tally
from hubro.handbook import demo
from hubro.handbook.models import Lesson
from hubro.handbook.queries import search_lessons

pytestmark = pytest.mark.django_db


def context(vert, ansatt, hubs=None):
    return DemoContext(
        organizations={},
        hubs=hubs or {},
        people=[vert, ansatt],
        fixed=SimpleNamespace(vert=vert, ansatt=ansatt, admin=None),
        today=timezone.localdate(),
        now=timezone.now(),
        tally=Tally(),
        extra={},
    )


def test_the_demo_writes_a_dozen_lessons_and_two_private_drafts_once(vera, kari):
    first = context(vera, kari)
    demo.build(first)
    assert first.tally.new == {"lessons": 13, "lesson drafts": 2}
    published = Lesson.objects.filter(status="published")
    assert published.count() == 13 and set(published.values_list("author", flat=True)) == {vera.pk}
    assert all(not lesson.missing_parts() for lesson in published)
    assert set(Lesson.objects.filter(status="draft").values_list("author", flat=True)) == {kari.pk}
    # The lessons carry the dates they were learnt, not the day the demo ran.
    assert published.filter(published_at__lt=dt.datetime(2025, 7, 1, tzinfo=dt.UTC)).count() == 13

    again = context(vera, kari)
    demo.build(again)
    assert again.tally.total_new == 0
    assert Lesson.objects.count() == 15


def test_the_demo_lessons_answer_a_search_for_financing(vera, kari):
    demo.build(context(vera, kari))
    found = list(search_lessons("finansieringen", viewer=vera))
    assert found and all(
        "finansiering"
        in " ".join(
            [
                lesson.title,
                lesson.summary,
                lesson.context,
                lesson.tried,
                lesson.outcome,
                lesson.advice,
            ]
        ).lower()
        for lesson in found
    )
    assert found[0].theme == "financing"
    # Kari's draft stays hers.
    assert "Faglunsj om kunstig intelligens" not in [
        x.title for x in search_lessons("", viewer=vera)
    ]


def test_the_full_demo_links_lessons_to_demo_hubs_and_projects(places):
    build_demo()
    lister = Lesson.objects.get(title="Alle som bruker huben, betaler inn")
    assert lister.hub.slug == "regionlab-lister" and lister.is_published
    narvik = Lesson.objects.get(title="Uten tall på bruken kommer ingen finansiering")
    assert (narvik.hub.slug, narvik.project.slug) == (
        "sentrumsgarden-narvik",
        "finansieringsmodell-sentrumsgarden",
    )
    assert (
        Lesson.objects.filter(status="draft", author__email="ansatt@demo.hubro.test").count() == 2
    )
    assert build_demo().new.get("lessons", 0) == 0
