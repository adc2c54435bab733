"""GET /api/v1/handbook/lessons[?q=] and /lessons/{id}: published lessons, best match
first, in the OpenAPI schema."""

import pytest
from django.test import Client

from hubro.handbook.models import Lesson

pytestmark = pytest.mark.django_db


def test_lessons_match_q_best_first_with_id_title_summary_and_tags(api_as, write, vera, kari):
    best = write(
        vera,
        title="Finansiering som varer",
        summary="Om finansiering.",
        theme=Lesson.Theme.FINANCING,
        place_size=Lesson.PlaceSize.SMALL,
    )
    other = write(vera, title="Nyere", advice="Husk finansieringen.")
    write(vera, title="Uten treff")
    answer = api_as(kari).get("/api/v1/handbook/lessons", q="finansieringen")
    assert answer.status_code == 200
    body = answer.json()
    assert [item["id"] for item in body] == [best.pk, other.pk]
    assert body[0] == {
        "id": best.pk,
        "title": "Finansiering som varer",
        "summary": "Om finansiering.",
        "tags": [
            {"kind": "theme", "code": "financing", "label": "Finansiering"},
            {
                "kind": "place_size",
                "code": "small",
                "label": "Lite sted (under 10 000 innbyggere)",
            },
        ],
    }


def test_without_q_every_published_lesson_newest_first(api_as, write, vera, kari):
    old = write(vera, title="Eldst")
    new = write(vera, title="Nyest")
    body = api_as(kari).get("/api/v1/handbook/lessons").json()
    assert [item["id"] for item in body] == [new.pk, old.pk]


def test_one_lesson_has_every_part_and_its_source(api_as, write, vera, kari, hub):
    lesson = write(vera, title="Fra Testlab", hub=hub)
    body = api_as(kari).get(f"/api/v1/handbook/lessons/{lesson.pk}").json()
    assert body["advice"] == "Rådet vårt."
    assert body["source"] == {"hub": "testlab", "project": None, "pilot": None, "assessment": None}
    assert body["status"] == "published"
    missing = api_as(kari).get("/api/v1/handbook/lessons/999999")
    assert (missing.status_code, missing.json()["code"]) == (404, "lesson_not_found")


def test_the_api_needs_a_token_and_refuses_a_too_long_query(api_as, kari):
    assert Client().get("/api/v1/handbook/lessons").status_code == 401
    answer = api_as(kari).get("/api/v1/handbook/lessons", q="x" * 201)
    assert answer.status_code == 422 and answer.json()["code"] == "invalid"


def test_the_endpoints_are_in_the_openapi_schema(kari):
    schema = Client().get("/api/v1/openapi.json").json()
    assert "/api/v1/handbook/lessons" in schema["paths"]
    assert "/api/v1/handbook/lessons/{lesson_id}" in schema["paths"]
    parameters = schema["paths"]["/api/v1/handbook/lessons"]["get"]["parameters"]
    assert [p["name"] for p in parameters] == ["q"]
