"""Who sees what: the one rule (role × scope × exact or suppressed) that the insights
pages, the period report, the exports, the API and presence (the «hvem er her» page,
its API and the hosting lobby screen) all call. The matrix is in docs/privacy.md.

For every hub a viewer gets one *level*:

- ``EXACT``: person-level rights – administrators (every hub) and the hub's hosts;
- ``SUPPRESSED``: the hub's figures after threshold suppression and cell-key
  perturbation (``privacy``) – the owner's people and the evaluators of a programme with
  a pilot at the hub, and whoever the hub's statistics setting lets in (its member
  organizations' people by default, or everyone signed in);
- ``NONE``: nothing.

A scope (all hubs, a region, a hub) covers the hubs of that scope the viewer may see.
It is exact only when every covered hub is ``EXACT``. A scope that covers no hub is
refused with a message (``NoVisibleHubs``), never summed to zeros; one that covers
part of its hubs says which ("3 av 4 huber")."""

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hubro.core.errors import DomainError, Invalid
from hubro.core.permissions import is_admin

EXACT = "exact"
SUPPRESSED = "suppressed"
NONE = "none"

# How far from today hosts and administrators may ask for presence (days).
HOST_PRESENCE_DAYS = 366
MEMBER_DAYS_AHEAD = 7


class NoVisibleHubs(DomainError):
    """The viewer may see no hub of the scope they asked for."""

    status = 422
    code = "no_visible_hubs"


class PresenceHidden(DomainError):
    """The hub shows who is there only to people the statistics setting lets in."""

    status = 403
    code = "presence_hidden"


@dataclass
class Viewer:
    """What one person's rights rest on, read once per request."""

    person: object
    signed_in: bool = False
    admin: bool = False
    hosted: set = field(default_factory=set)
    organizations: set = field(default_factory=set)
    programme_hubs: set = field(default_factory=set)


def viewer_of(person) -> Viewer:
    """The rights of ``person``, read once for a list of hubs (three small queries)."""
    if not (person and person.is_authenticated and person.is_active):
        return Viewer(person)
    from hubro.programme.models import Pilot
    from hubro.spaces.models import Hub

    return Viewer(
        person,
        signed_in=True,
        admin=is_admin(person),
        hosted=set(Hub.objects.filter(hosts=person).values_list("pk", flat=True)),
        organizations=set(person.memberships.values_list("organization_id", flat=True)),
        programme_hubs=set(
            Pilot.objects.filter(programme__roles__person=person, hub__isnull=False)
            .values_list("hub_id", flat=True)
            .distinct()
        ),
    )


def audience(hub) -> str:
    from .models import StatisticsSetting

    setting = getattr(hub, "statistics_setting", None)
    return setting.audience if setting else StatisticsSetting.DEFAULT


def _hub_organizations(hub) -> set:
    return {hub.host_organization_id, *(o.pk for o in hub.member_organizations.all())}


def hub_level(person, hub, viewer: Viewer | None = None) -> str:
    """``EXACT``, ``SUPPRESSED`` or ``NONE``: what ``person`` may see of ``hub``'s
    statistics and presence (``viewer``: their rights, when already read)."""
    from .models import StatisticsSetting

    viewer = viewer or viewer_of(person)
    if not viewer.signed_in:
        return NONE
    if viewer.admin or hub.pk in viewer.hosted:
        return EXACT
    if hub.pk in viewer.programme_hubs:
        return SUPPRESSED
    setting = audience(hub)
    if setting == StatisticsSetting.Audience.SIGNED_IN:
        return SUPPRESSED
    if setting == StatisticsSetting.Audience.MEMBERS and _hub_organizations(hub) & (
        viewer.organizations
    ):
        return SUPPRESSED
    return NONE


def visible_hubs(person, hubs) -> list:
    """The hubs of ``hubs`` whose statistics ``person`` may see."""
    viewer = viewer_of(person)
    return [hub for hub in hubs if hub_level(person, hub, viewer) != NONE]


def has_person_rights(person, hubs) -> bool:
    """Exact figures: every hub of the (non-empty) list is ``EXACT`` for the viewer."""
    viewer = viewer_of(person)
    return bool(hubs) and all(hub_level(person, hub, viewer) == EXACT for hub in hubs)


# --- Coverage of a scope ------------------------------------------------------------------


@dataclass
class Coverage:
    """Which hubs of a scope the figures cover."""

    hubs: list  # the covered hubs
    total: int  # the hubs in the scope

    @property
    def partial(self) -> bool:
        return 0 < len(self.hubs) < self.total

    @property
    def names(self) -> list[str]:
        return sorted(hub.name for hub in self.hubs)

    @property
    def text(self) -> str:
        """The «3 av 4 huber: A, B, C» line of a partial scope, else an empty string."""
        if not self.partial:
            return ""
        return ngettext(
            "Tallene gjelder %(shown)d av %(total)d hub: %(names)s.",
            "Tallene gjelder %(shown)d av %(total)d huber: %(names)s.",
            self.total,
        ) % {"shown": len(self.hubs), "total": self.total, "names": ", ".join(self.names)}

    def as_dict(self) -> dict:
        return {
            "hubs": len(self.hubs),
            "of": self.total,
            "partial": self.partial,
            "names": self.names,
        }


def cover(person, hubs, title: str) -> Coverage:
    """The coverage of a scope of ``hubs`` named ``title``; NoVisibleHubs when the
    viewer may see none of them (also when the scope has no hub)."""
    hubs = list(hubs)
    shown = visible_hubs(person, hubs)
    if not shown:
        if len(hubs) == 1:
            detail = _(
                "Statistikken for %(name)s er ikke åpen for deg. Vertene for huben "
                "bestemmer hvem som kan se den."
            ) % {"name": hubs[0].name}
        elif hubs:
            detail = _(
                "Du har ikke tilgang til statistikken for noen av hubene i %(name)s. "
                "Tallene vises derfor ikke – de er ikke null."
            ) % {"name": title}
        else:
            detail = _("%(name)s har ingen huber ennå.") % {"name": title}
        raise NoVisibleHubs(detail, field="scope")
    return Coverage(shown, len(hubs))


# --- Presence -----------------------------------------------------------------------------


def presence_level(person, hub) -> str:
    """The level of ``hub``'s presence for ``person``; PresenceHidden when NONE."""
    level = hub_level(person, hub)
    if level == NONE:
        raise PresenceHidden(
            _(
                "Hvem som er på %(name)s, vises bare for dem hubens statistikkinnstilling "
                "gir tilgang."
            )
            % {"name": hub.name}
        )
    return level


def presence_days(level: str, today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The first and last day a viewer of ``level`` may ask presence for: without
    person-level rights this week from its Monday and the seven days ahead (to plan the
    next days also on a Sunday); with them a year either way."""
    today = today or timezone.localdate()
    if level == EXACT:
        span = dt.timedelta(days=HOST_PRESENCE_DAYS)
        return today - span, today + span
    monday = today - dt.timedelta(days=today.weekday())
    return monday, today + dt.timedelta(days=MEMBER_DAYS_AHEAD)


def check_presence_day(level: str, day: dt.date, today: dt.date | None = None) -> None:
    first, last = presence_days(level, today)
    if not first <= day <= last:
        raise Invalid(
            _("Du kan se hvem som er her fra %(first)s til %(last)s.")
            % {"first": first.isoformat(), "last": last.isoformat()},
            code="date_out_of_range",
            field="date",
        )


def lobby_shows_names(hub) -> bool:
    """The lobby screen (no sign-in, at the hub) shows opted-in names unless the hub
    keeps its statistics to its hosts."""
    from .models import StatisticsSetting

    return audience(hub) != StatisticsSetting.Audience.HOSTS
