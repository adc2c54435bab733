"""The indicators of a scope and period, with privacy suppression for the viewer.

``compute(scope, start, end, *, viewer)`` is the one entry point the pages, the exports,
the API and other apps (the programme view) call."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from hubro.core.errors import Invalid, NotFound
from hubro.core.models import Membership, Organization, Region
from hubro.core.permissions import is_admin, is_coordinator
from hubro.spaces.models import Hub, Space

from . import visibility
from .build import raw_figures
from .figure import Figure, display  # noqa: F401 (the public interface)
from .privacy import perturb, suppress

MAX_DAYS = 3 * 366 + 1


# --- Scopes ---------------------------------------------------------------------------


@dataclass
class Scope:
    key: str
    kind: str  # hub, region, all, org
    title: str
    hubs: list
    organization: Organization | None = None
    person_rights: bool = False
    coverage: visibility.Coverage | None = None

    @property
    def hub_ids(self):
        return None if self.kind == "org" else [hub.pk for hub in self.hubs]


def may_view_hub(viewer, hub, member_org_ids=None) -> bool:
    """Whether ``viewer`` may see the statistics of ``hub`` (``visibility``)."""
    return visibility.hub_level(viewer, hub) != visibility.NONE


def _hubs():
    return Hub.objects.select_related("statistics_setting").prefetch_related(
        "member_organizations",
        "opening_hours",
        "closed_days",
        Prefetch("spaces", queryset=Space.objects.all()),
    )


def visible_hubs(viewer, hubs=None) -> list:
    return visibility.visible_hubs(viewer, _hubs() if hubs is None else hubs)


def coordinated_organizations(viewer):
    if is_admin(viewer):
        return Organization.objects.all()
    return Organization.objects.filter(
        memberships__person=viewer, memberships__role=Membership.Role.COORDINATOR
    )


def _hub_scope(key, kind, title, hubs, viewer) -> Scope:
    coverage = visibility.cover(viewer, hubs, title)
    rights = visibility.has_person_rights(viewer, coverage.hubs)
    return Scope(key, kind, title, coverage.hubs, None, rights, coverage)


def resolve_scope(scope: str, viewer) -> Scope:
    """The scope named by ``hub:<slug>``, ``region:<slug>``, ``all`` or ``org:<orgnr>``,
    as this viewer may see it. Unknown scopes are NotFound; a scope of which the viewer
    may see no hub is NoVisibleHubs (a message, never zeros)."""
    if not (viewer and viewer.is_authenticated):
        raise NotFound()
    kind, _sep, name = (scope or "").partition(":")
    if kind == "all" and not name:
        return _hub_scope("all", "all", _("Alle huber"), _hubs(), viewer)
    if kind == "hub" and name:
        hub = _hubs().filter(slug=name).first()
        if hub is None:
            raise NotFound()
        return _hub_scope(scope, "hub", hub.name, [hub], viewer)
    if kind == "region" and name:
        region = Region.objects.filter(slug=name).first()
        if region is None:
            raise NotFound()
        return _hub_scope(scope, "region", region.name, _hubs().filter(region=region), viewer)
    if kind == "org" and name:
        org = Organization.objects.filter(orgnr=name).first()
        if org is None or not is_coordinator(viewer, org):
            raise NotFound()
        return Scope(scope, "org", org.name, list(_hubs()), org, is_admin(viewer))
    raise Invalid(
        _("Ukjent utvalg. Bruk hub:<kortnavn>, region:<kortnavn>, all eller org:<orgnr>."),
        code="invalid_scope",
        field="scope",
    )


def check_period(start: dt.date, end: dt.date) -> None:
    if start is None or end is None:
        raise Invalid(_("Oppgi både fra- og til-dato."), code="invalid_period")
    if end < start:
        raise Invalid(_("Til-datoen er før fra-datoen."), code="invalid_period")
    if (end - start).days >= MAX_DAYS:
        raise Invalid(_("Perioden kan være høyst tre år."), code="invalid_period")


def previous_period(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """The period of the same kind just before: the previous month, quarter or year
    when the period is one, else as many days just before."""
    if start.day == 1 and end == _month_end(end):
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        first = _add_months(start, -months)
        return first, start - dt.timedelta(days=1)
    days = (end - start).days + 1
    return start - dt.timedelta(days=days), start - dt.timedelta(days=1)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _month_end(day: dt.date) -> dt.date:
    return _add_months(day.replace(day=1), 1) - dt.timedelta(days=1)


# --- Computing -------------------------------------------------------------------------


def compute(
    scope: str, start: dt.date, end: dt.date, *, viewer, compare: bool = True
) -> list[Figure]:
    """The figures of ``scope`` (``hub:<slug>``, ``region:<slug>``, ``all``,
    ``org:<orgnr>``) for local days ``start``–``end``, suppressed for ``viewer`` unless
    the viewer has person-level rights there; with the previous period's values when
    ``compare``. Raises NotFound for a scope the viewer may not see, Invalid for bad
    input, NoVisibleHubs when the viewer may see no hub of the scope."""
    check_period(start, end)
    resolved = resolve_scope(scope, viewer)
    return compute_for(resolved, start, end, compare=compare)


def compute_for(scope: Scope, start: dt.date, end: dt.date, *, compare: bool = True):
    check_period(start, end)
    now = timezone.now()
    figures, groups = raw_figures(scope, start, end, now)
    if not scope.person_rights:
        suppress(figures, groups)
        perturb(figures, scope)
    if compare:
        prev_start, prev_end = previous_period(start, end)
        before, before_groups = raw_figures(scope, prev_start, prev_end, now)
        if not scope.person_rights:
            suppress(before, before_groups)
            perturb(before, scope)
        earlier = {figure.key: figure for figure in before}
        for figure in figures:
            old = earlier.get(figure.key)
            if old is not None:
                figure.previous = old.value
                figure.previous_suppressed = old.suppressed
                figure.previous_reason = old.reason
    return figures
