"""Norwegian full-text search over lessons, on PostgreSQL and on SQLite.

- PostgreSQL: a stored ``tsvector`` (``Lesson.search_vector``, GIN-indexed by migration
  0002) built with the ``norwegian`` configuration, matched with ``plainto_tsquery``
  and ranked with ``ts_rank``.
- SQLite: the FTS5 table ``handbook_lesson_fts`` (migration 0002) holds each lesson's
  words already reduced by the Snowball Norwegian stemmer; a query is stemmed the same
  way and ranked with ``bm25``. FTS5's own ``porter`` tokenizer is English, so the
  stemming happens here, in Python, at index and at query time.

Both engines drop the same stop words, require every remaining word (AND), weigh the
title above the summary above the body, and so find "finansiering" when asked for
"finansieringen". ``queries.search_lessons`` is the one entry point; actions call
``index_lesson`` after every write."""

import re
from functools import cache

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, Value, When

from .stopwords import STOPWORDS

CONFIG = "norwegian"
FTS_TABLE = "handbook_lesson_fts"
# bm25 weights of the FTS5 columns (title, summary, body); higher counts more.
FTS_WEIGHTS = (10.0, 4.0, 1.0)
# More hits than anyone reads; keeps the id list in the SQL small.
MAX_HITS = 500
WORD = re.compile(r"\w+")


@cache
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("norwegian")


def stems(text: str) -> list[str]:
    """The Snowball stems of the words in ``text``, stop words left out, in order."""
    words = [word for word in WORD.findall(text.lower()) if word not in STOPWORDS]
    return _stemmer().stemWords(words) if words else []


def _body(lesson) -> str:
    return "\n".join((lesson.context, lesson.tried, lesson.outcome, lesson.advice))


def _vector():
    return (
        SearchVector("title", weight="A", config=CONFIG)
        + SearchVector("summary", weight="B", config=CONFIG)
        + SearchVector("context", "tried", "outcome", "advice", weight="C", config=CONFIG)
    )


def index_lesson(lesson) -> None:
    """Bring the search index up to date with ``lesson`` (already saved)."""
    from .models import Lesson

    if connection.vendor == "postgresql":
        Lesson.objects.filter(pk=lesson.pk).update(search_vector=_vector())
    elif connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [lesson.pk])
            cursor.execute(
                f"INSERT INTO {FTS_TABLE} (rowid, title, summary, body) VALUES (%s, %s, %s, %s)",
                [
                    lesson.pk,
                    " ".join(stems(lesson.title)),
                    " ".join(stems(lesson.summary)),
                    " ".join(stems(_body(lesson))),
                ],
            )


def rebuild_index() -> int:
    """Index every lesson again (after a bulk load or a restore); returns the count."""
    from .models import Lesson

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE}")
    count = 0
    for lesson in Lesson.objects.iterator():
        index_lesson(lesson)
        count += 1
    return count


def matching(queryset, q: str):
    """``queryset`` narrowed to the lessons matching ``q``, best match first."""
    if connection.vendor == "postgresql":
        query = SearchQuery(q, config=CONFIG, search_type="plain")
        return (
            queryset.filter(search_vector=query)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank", F("published_at").desc(nulls_first=True), "-pk")
        )
    if connection.vendor != "sqlite":
        # No full-text index on other engines: a plain substring match, newest first.
        hit = Q()
        for field in ("title", "summary", "context", "tried", "outcome", "advice"):
            hit |= Q(**{f"{field}__icontains": q})
        return queryset.filter(hit).order_by("-published_at", "-pk")
    terms = stems(q)
    if not terms:
        return queryset.none()
    # Each stem is \w characters only, so quoting it makes a safe FTS5 phrase.
    match = " AND ".join(f'"{term}"' for term in terms)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
            f" ORDER BY bm25({FTS_TABLE}, %s, %s, %s) LIMIT {MAX_HITS}",
            [match, *FTS_WEIGHTS],
        )
        ids = [row[0] for row in cursor.fetchall()]
    if not ids:
        return queryset.none()
    position = Case(
        *(When(pk=pk, then=Value(index)) for index, pk in enumerate(ids)),
        output_field=IntegerField(),
    )
    return queryset.filter(pk__in=ids).annotate(rank=-position).order_by("-rank", "-pk")
