"""Who may do what in the handbook (also in docs/handbook.md).

- Reading published lessons (pages, search, export, API): every signed-in person; the
  pages, search and export also visitors who are not signed in (without the author's
  name).
- Writing: every signed-in, active person may write a lesson; it starts as a draft.
- Drafts are private: only the author sees a draft, in pages, search, export and the
  API. Nobody else does, administrators included; to everyone else it does not exist
  (404).
- Editing: only the author, before and after publishing.
- Publishing: the author, if they are an administrator, the host of a hub, or the
  coordinator of an organization. Others keep their lesson as a draft and can ask one
  of those to write it up; a separate editor role was not worth its weight yet."""

from django.utils.translation import gettext_lazy as _

from hubro.core.errors import DomainError
from hubro.core.models import Membership
from hubro.core.permissions import is_admin
from hubro.spaces.models import HubHost


class Forbidden(DomainError):
    """The person may see the thing but not do this to it."""

    status = 403
    code = "forbidden"


def signed_in(person) -> bool:
    return bool(person and person.is_authenticated and person.is_active)


def may_write(person) -> bool:
    return signed_in(person)


def may_publish(person) -> bool:
    """Administrators, hosts of any hub and coordinators of any organization."""
    if not signed_in(person):
        return False
    return (
        is_admin(person)
        or HubHost.objects.filter(person=person).exists()
        or Membership.objects.filter(person=person, role=Membership.Role.COORDINATOR).exists()
    )


def may_edit(person, lesson) -> bool:
    return signed_in(person) and lesson.author_id == person.pk


def check_may_publish(person, lesson) -> None:
    if not may_edit(person, lesson):
        raise Forbidden(_("Bare forfatteren kan publisere en erfaring."), code="not_author")
    if not may_publish(person):
        raise Forbidden(
            _("Bare verter, koordinatorer og administratorer kan publisere."),
            code="may_not_publish",
        )
