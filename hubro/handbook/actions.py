"""Every write to the handbook. The pages and the API call these and nothing else."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hubro.core.audit import record
from hubro.core.errors import Invalid

from .access import Forbidden, check_may_publish, may_edit, may_write
from .models import Lesson
from .search import index_lesson

# The fields a writer sets; status, author and dates are the actions' business.
FIELDS = (
    "title",
    "summary",
    "context",
    "tried",
    "outcome",
    "advice",
    "theme",
    "phase",
    "hub_kind",
    "place_size",
    "hub",
    "project",
    "pilot",
    "assessment",
)
LINKS = {"hub", "project", "pilot", "assessment"}
PART_LABELS = {
    "summary": _("sammendrag"),
    "context": _("bakgrunn"),
    "tried": _("hva vi prøvde"),
    "outcome": _("hva som skjedde"),
    "advice": _("råd"),
}


class _PrivateDraft:
    """What the audit log records for a draft: its type and id, not its title, since
    drafts are private to their author and the audit log is read by administrators."""

    _meta = Lesson._meta

    def __init__(self, lesson: Lesson):
        self.pk = lesson.pk

    def __str__(self) -> str:
        return f"{Lesson.Status.DRAFT.label} #{self.pk}"


def _audited(lesson: Lesson):
    return lesson if lesson.is_published else _PrivateDraft(lesson)


def _apply(lesson: Lesson, fields: dict) -> None:
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise Invalid(f"unknown fields: {', '.join(sorted(unknown))}", code="unknown_field")
    for name, value in fields.items():
        # Blank text arrives as None from some clients; links may be None (no link).
        setattr(lesson, name, value if value is not None or name in LINKS else "")
    lesson.title = lesson.title.strip()
    if not lesson.title:
        raise Invalid(_("En erfaring må ha en tittel."), code="title_missing", field="title")
    if not lesson.summary.strip():
        raise Invalid(_("Skriv et kort sammendrag."), code="summary_missing", field="summary")
    for name in ("title", "summary"):
        limit = Lesson._meta.get_field(name).max_length
        if len(getattr(lesson, name)) > limit:
            raise Invalid(
                _("Høyst %(limit)s tegn.") % {"limit": limit}, code="too_long", field=name
            )
    if lesson.theme not in Lesson.Theme.values:
        raise Invalid(_("Velg et tema."), code="invalid_theme", field="theme")
    for name, choices in (
        ("phase", Lesson.Phase),
        ("hub_kind", Lesson.HubKind),
        ("place_size", Lesson.PlaceSize),
    ):
        if getattr(lesson, name) not in ("", *choices.values):
            raise Invalid(_("Ugyldig valg."), code=f"invalid_{name}", field=name)


def _check_complete(lesson: Lesson) -> None:
    missing = lesson.missing_parts()
    if missing:
        raise Invalid(
            _("Fyll ut alle delene før du publiserer: %(parts)s.")
            % {"parts": ", ".join(str(PART_LABELS[name]) for name in missing)},
            code="incomplete",
            field=missing[0],
        )


def _publish(lesson: Lesson, actor) -> None:
    check_may_publish(actor, lesson)
    _check_complete(lesson)
    lesson.status = Lesson.Status.PUBLISHED
    lesson.published_at = timezone.now()


def create_lesson(*, author, publish: bool = False, **fields) -> Lesson:
    """Write a new lesson by ``author``: a draft, or published at once with
    ``publish=True`` (which needs the right to publish and every part filled in)."""
    if not may_write(author):
        raise Forbidden(_("Du må være logget inn for å skrive."), code="not_signed_in")
    with transaction.atomic():
        lesson = Lesson(author=author)
        _apply(lesson, fields)
        if publish:
            _publish(lesson, author)
        lesson.save()
        index_lesson(lesson)
        record(author, "lesson.create", _audited(lesson), changes={"status": lesson.status})
    return lesson


def update_lesson(lesson: Lesson, *, actor, publish: bool = False, **fields) -> Lesson:
    """Change a lesson's text, tags or links; only its author may. ``publish=True``
    also publishes a draft."""
    if not may_edit(actor, lesson):
        raise Forbidden(_("Bare forfatteren kan endre en erfaring."), code="not_author")
    with transaction.atomic():
        _apply(lesson, fields)
        if lesson.is_published:
            # A published lesson stays complete.
            _check_complete(lesson)
        elif publish:
            _publish(lesson, actor)
        lesson.updated_at = timezone.now()
        lesson.save()
        index_lesson(lesson)
        record(actor, "lesson.update", _audited(lesson), changes={"fields": sorted(fields)})
    return lesson


def publish_lesson(lesson: Lesson, *, actor) -> Lesson:
    """Publish a draft, making it visible to every signed-in person. Publishing a
    lesson that is already published changes nothing."""
    if lesson.is_published:
        if not may_edit(actor, lesson):
            raise Forbidden(_("Bare forfatteren kan publisere en erfaring."), code="not_author")
        return lesson
    with transaction.atomic():
        _publish(lesson, actor)
        lesson.save(update_fields=["status", "published_at"])
        record(actor, "lesson.publish", lesson)
    return lesson


def delete_draft(lesson: Lesson, *, actor) -> None:
    """Throw away a draft; a published lesson cannot be deleted here."""
    if not may_edit(actor, lesson):
        raise Forbidden(_("Bare forfatteren kan slette et utkast."), code="not_author")
    if lesson.is_published:
        raise Invalid(_("En publisert erfaring kan ikke slettes."), code="published")
    with transaction.atomic():
        record(actor, "lesson.delete", _audited(lesson))
        # The SQLite index row goes with it (a trigger); PostgreSQL's is in the row.
        lesson.delete()
