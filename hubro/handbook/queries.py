"""Reads of the handbook, scoped to what the asking person may see (see access.py)."""

from dataclasses import dataclass

from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from hubro.core.errors import NotFound
from hubro.programme.criteria import Barrier, Criterion

from . import search
from .access import signed_in
from .models import Lesson

FILTERS = ("theme", "phase", "hub_kind", "place_size")


def _lessons():
    return Lesson.objects.select_related("author", "hub", "project", "pilot", "assessment__pilot")


def published_lessons():
    """Every published lesson, newest first."""
    return _lessons().filter(status=Lesson.Status.PUBLISHED).order_by("-published_at", "-pk")


def visible_lessons(viewer):
    """Published lessons and the viewer's own drafts; the published ones alone for a
    visitor who is not signed in."""
    if not signed_in(viewer):
        return _lessons().filter(status=Lesson.Status.PUBLISHED)
    return _lessons().filter(Q(status=Lesson.Status.PUBLISHED) | Q(author=viewer))


def drafts_of(viewer):
    if not signed_in(viewer):
        return Lesson.objects.none()
    return _lessons().filter(author=viewer, status=Lesson.Status.DRAFT).order_by("-updated_at")


def get_lesson_for(viewer, pk) -> Lesson:
    """A lesson the viewer may see; someone else's draft is not found."""
    lesson = visible_lessons(viewer).filter(pk=pk).first()
    if lesson is None:
        raise NotFound(code="lesson_not_found")
    return lesson


def search_lessons(q: str, *, viewer):
    """The lessons ``viewer`` may see that match ``q`` in Norwegian (inflected forms
    included: "finansieringen" finds "finansiering"), best match first; without ``q``
    all of them, newest first. A queryset, so callers may narrow it further."""
    lessons = visible_lessons(viewer)
    # PostgreSQL refuses NUL in a query; it separates words like a space.
    q = (q or "").replace("\x00", " ").strip()
    if not q:
        # The reader's own drafts (no publication date) first, on both databases.
        return lessons.order_by(F("published_at").desc(nulls_first=True), "-created_at", "-pk")
    return search.matching(lessons, q)


def filter_lessons(lessons, **tags):
    """Narrow ``lessons`` to those with every given tag (empty values are ignored)."""
    wanted = {name: value for name, value in tags.items() if name in FILTERS and value}
    return lessons.filter(**wanted)


STARTER_THEMES = (Lesson.Theme.ANCHORING, Lesson.Theme.FINANCING, Lesson.Theme.SHARED_GOALS)


def starter_lessons(limit: int = 12):
    """The published lessons most useful before a new hub opens: those from the
    pre-project phase, and those on anchoring, financing and shared goals; newest first."""
    return published_lessons().filter(
        Q(phase=Lesson.Phase.PRE_PROJECT) | Q(theme__in=STARTER_THEMES)
    )[:limit]


@dataclass
class ThemeGroup:
    code: str
    label: str
    lessons: list


def handbook_by_theme() -> list[ThemeGroup]:
    """Every published lesson grouped by theme, in the themes' order; empty themes left
    out. Within a theme, newest first."""
    lessons = list(published_lessons())
    groups = []
    for code, label in Lesson.Theme.choices:
        members = [lesson for lesson in lessons if lesson.theme == code]
        if members:
            groups.append(ThemeGroup(code=code, label=str(label), lessons=members))
    return groups


# --- The self-assessment as a checklist for a new hub --------------------------------------


@dataclass
class CheckItem:
    code: str
    label: str
    question: str


# Questions to go through before opening a hub, in the project's own words; a criterion
# added to criteria.py without a question here shows its label alone.
CRITERION_QUESTIONS = {
    Criterion.PURPOSE: _(
        "Har dere skrevet ned hva huben skal oppnå, og kjenner alle partnerne det?"
    ),
    Criterion.PARTICIPATION: _("Hvem er nøkkelaktørene, og er både stat, kommune og fylke med?"),
    Criterion.CULTURE: _(
        "Er det rom for å prøve nye måter å jobbe på, og å avslutte det som ikke virker?"
    ),
    Criterion.COLLABORATION: _(
        "Hvilke konkrete oppgaver skal virksomhetene løse sammen på tvers av sektorer?"
    ),
    Criterion.LEADERSHIP: _(
        "Står lederne bak, og er huben forankret i regionen, for eksempel i IPR?"
    ),
    Criterion.CAPACITY: _("Hvem har tid og kompetanse til å drive huben og prosjektene?"),
    Criterion.FINANCING: _(
        "Betaler alle aktørene inn i en finansiering som varer etter prosjektperioden?"
    ),
    Criterion.NETWORKS: _(
        "Hvilke nettverk utenfor regionen lærer dere av, og hvem deler dere erfaringer med?"
    ),
}
BARRIER_QUESTIONS = {
    Barrier.SILOS: _("Hvordan hindrer dere at hver etat fortsetter å jobbe for seg?"),
    Barrier.GOVERNANCE: _(
        "Er det avklart hvem som styrer, og hvem som har ansvaret i det daglige?"
    ),
    Barrier.SHORT_FUNDING: _("Hva skjer med husleie og drift når prosjektmidlene tar slutt?"),
    Barrier.MEASURING: _("Hvordan måler dere bruk og effekt fra første dag?"),
    Barrier.COMPETENCE: _("Hvordan møter dere manglende kompetanse eller motstand mot endring?"),
    Barrier.INERTIA: _("Hva gjør dere hvis gamle vaner ikke endrer seg av seg selv?"),
    Barrier.DISTANCE: _("Hvordan når dere dem som sitter langt unna, fysisk eller digitalt?"),
}


def checklist() -> tuple[list[CheckItem], list[CheckItem]]:
    """The eight success criteria and seven barriers as questions to go through."""

    def items(choices, questions):
        return [
            CheckItem(code=code, label=str(label), question=str(questions.get(code, "")))
            for code, label in choices.choices
        ]

    return items(Criterion, CRITERION_QUESTIONS), items(Barrier, BARRIER_QUESTIONS)


# --- Where a lesson came from, as the viewer may follow it ---------------------------------


@dataclass
class Source:
    kind: str  # pilot, hub, project, assessment
    label: str  # what kind of source, for people
    name: str
    url: str | None  # None when the viewer may not open it


def _url(name, *args) -> str | None:
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def sources_of(lesson, *, viewer) -> list[Source]:
    """The lesson's pilot, hub, project and assessment. Each has a link only when the
    viewer may see its page (pilots and assessments are not for everyone); the name is
    always shown, since the author chose to publish it."""
    from hubro.community.permissions import may_read as may_read_projects
    from hubro.programme import access as programme_access

    sources = []
    if lesson.pilot:
        visible = programme_access.may_see_pilot(viewer, lesson.pilot)
        url = _url("programme:pilot", lesson.pilot.slug) if visible else None
        sources.append(Source("pilot", str(_("Pilot")), lesson.pilot.name, url))
    if lesson.hub:
        url = _url("spaces:hub_day", lesson.hub.slug)
        sources.append(Source("hub", str(_("Hub")), lesson.hub.name, url))
    if lesson.project:
        url = (
            _url("community:project_detail", lesson.project.slug)
            if may_read_projects(viewer)
            else None
        )
        sources.append(Source("project", str(_("Prosjekt")), lesson.project.title, url))
    if lesson.assessment:
        assessment = lesson.assessment
        visible = programme_access.may_see_assessments(viewer, assessment.pilot)
        url = _url("programme:assessment", assessment.pk) if visible else None
        sources.append(Source("assessment", str(_("Vurdering")), str(assessment), url))
    return sources


def self_assessment_links(viewer) -> list[tuple[str, str]]:
    """(hub name, url) of the hub self-assessments the viewer may open."""
    from hubro.programme.queries import self_assessment_hubs

    return [
        (hub.name, url)
        for hub in self_assessment_hubs(viewer)
        if (url := _url("programme:self_assessment", hub.slug))
    ]
