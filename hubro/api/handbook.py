"""Håndbok: the handbook's published lessons, searchable in Norwegian."""

import datetime as dt

from ninja import Query, Router, Schema
from pydantic import Field

from hubro.handbook.models import Lesson
from hubro.handbook.queries import get_lesson_for, search_lessons

from .schemas import ErrorOut

router = Router(tags=["handbook"])


class TagOut(Schema):
    kind: str = Field(description="theme, phase, hub_kind or place_size")
    code: str
    label: str


class LessonOut(Schema):
    id: int
    title: str
    summary: str
    tags: list[TagOut]

    @staticmethod
    def resolve_tags(obj):
        return obj.tags()


class SourceOut(Schema):
    hub: str | None = Field(None, description="The hub's slug")
    project: str | None = Field(None, description="The project's slug")
    pilot: str | None = Field(None, description="The pilot's slug")
    assessment: int | None = Field(None, description="The assessment's id")


class LessonDetailOut(LessonOut):
    context: str
    tried: str
    outcome: str
    advice: str
    status: str
    published_at: dt.datetime | None
    source: SourceOut

    @staticmethod
    def resolve_source(obj):
        return {
            "hub": obj.hub.slug if obj.hub else None,
            "project": obj.project.slug if obj.project else None,
            "pilot": obj.pilot.slug if obj.pilot else None,
            "assessment": obj.assessment_id,
        }


class LessonFilter(Schema):
    q: str = Field(
        "",
        max_length=200,
        description="Words to find, in Norwegian; inflected"
        ' forms match ("finansieringen" finds "finansiering").',
    )


@router.get("/handbook/lessons", response=list[LessonOut])
def list_lessons(request, filters: Query[LessonFilter]):
    """Published lessons. With ``q``: those that contain every word of ``q`` (stop words
    ignored, inflected forms found), best match first; without: all, newest first.
    Drafts are never listed, not even the caller's own."""
    lessons = search_lessons(filters.q, viewer=request.auth)
    return lessons.filter(status=Lesson.Status.PUBLISHED)


@router.get("/handbook/lessons/{lesson_id}", response={200: LessonDetailOut, 404: ErrorOut})
def get_lesson(request, lesson_id: int):
    """One lesson with all its parts: a published one, or a draft of the caller's own.
    Someone else's draft answers 404, like a lesson that does not exist."""
    return get_lesson_for(request.auth, lesson_id)
