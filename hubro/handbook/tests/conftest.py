"""The handbook's fixtures: a publisher (vera, host), a plain member (kari, ola), and a
helper that writes a complete lesson through the actions."""

import pytest

from hubro.handbook.actions import create_lesson
from hubro.handbook.models import Lesson

PARTS = {
    "context": "Bakgrunn for erfaringen.",
    "tried": "Det vi prøvde.",
    "outcome": "Det som skjedde.",
    "advice": "Rådet vårt.",
}


def write_lesson(author, *, title="En erfaring", summary="Kort om saken.", publish=True, **fields):
    values = {**PARTS, "theme": Lesson.Theme.LEARNING, **fields}
    return create_lesson(author=author, title=title, summary=summary, publish=publish, **values)


@pytest.fixture
def write():
    return write_lesson
