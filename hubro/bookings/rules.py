"""The booking rules, enforced in one place for the web and the API alike.

A hub's rules: its opening hours per weekday, Norwegian public holidays (when the hub
observes them) and its own closed days, and the host's ``BookingRule`` for the kind of
space (or the hub-wide one): how far ahead, how short and how long, on which time grid,
how many future bookings per person, and which organizations may book.

Every broken rule is a ``RuleBreach`` with a stable ``code``:

========== ===============================================================
closed     the hub is closed that weekday, at those hours or on a closed day
holiday    a Norwegian public holiday
too_far_ahead  more days ahead than the rule allows
too_short / too_long   shorter or longer than the rule allows
granularity    not on the time grid (15/30/60 minutes, or whole/half days)
quota      the person already holds as many future bookings as allowed
not_allowed    the organization may not book this kind of space here
========== ===============================================================

Hosts of the hub and administrators may override every rule; conflicts with other
bookings are not rules and can never be overridden."""

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hubro.core.errors import Invalid
from hubro.core.permissions import is_host
from hubro.core.timeutil import format_day, local_date, local_datetime
from hubro.spaces.models import norwegian_holidays

from .models import Booking, BookingRule

RULE_CODES = (
    "closed",
    "holiday",
    "too_far_ahead",
    "too_long",
    "too_short",
    "quota",
    "not_allowed",
    "granularity",
)
DEFAULT_GRANULARITY = BookingRule.Granularity.MIN_15

GRID_MESSAGES = {
    BookingRule.Granularity.MIN_15: _("Start og slutt må være på hele kvarter (f.eks. 09:15)."),
    BookingRule.Granularity.MIN_30: _(
        "Start og slutt må være på hele eller halve timer (f.eks. 09:30)."
    ),
    BookingRule.Granularity.MIN_60: _("Start og slutt må være på hele timer (f.eks. 09:00)."),
}


@dataclass(frozen=True)
class RuleBreach:
    """One broken rule: its stable ``code``, a translated ``detail`` and the form field
    it concerns (``None`` for the booking as a whole)."""

    code: str
    detail: str
    field: str | None = None

    def as_error(self) -> Invalid:
        return Invalid(self.detail, code=self.code, field=self.field)


def rule_for(space) -> BookingRule | None:
    """The rule for a space: its kind's rule wins over the hub-wide one (blank kind)."""
    rules = {
        rule.space_kind: rule
        for rule in BookingRule.objects.filter(
            hub_id=space.hub_id, space_kind__in=[space.kind, ""]
        )
    }
    return rules.get(space.kind) or rules.get("")


def may_override(actor, hub) -> bool:
    """Hosts of the hub and administrators may book past the rules."""
    return is_host(actor, hub)


def refuse_override(actor, hub) -> None:
    """Asking to override without the right to is refused, whether or not a rule breaks."""
    if not may_override(actor, hub):
        raise Invalid(
            _("Bare verter og administratorer kan overstyre bookingreglene."),
            code="not_allowed",
            field="override",
        )


def _day_label(day: dt.date) -> str:
    return format_day(day, "date")


class RuleBook:
    """The rules of one space for one person and organization, fetched once so that a
    series of many dates costs a handful of queries, not a handful per date."""

    def __init__(self, space, person, organization, *, now=None):
        self.space = space
        self.hub = space.hub
        self.person = person
        self.organization = organization
        self.now = now or timezone.now()
        self.rule = rule_for(space)

    @cached_property
    def hours(self) -> dict:
        return {hours.weekday: hours for hours in self.hub.opening_hours.all()}

    @cached_property
    def closed_days(self) -> dict[dt.date, str]:
        since = local_date(self.now) - dt.timedelta(days=1)
        return dict(self.hub.closed_days.filter(date__gte=since).values_list("date", "reason"))

    @cached_property
    def granularity(self) -> str:
        return self.rule.granularity if self.rule else DEFAULT_GRANULARITY

    @cached_property
    def held(self) -> int:
        """Confirmed bookings the person holds that have not ended, at the spaces this
        rule governs: its kind in this hub, or (hub-wide rule) every kind without a
        rule of its own."""
        governed = Q(space__hub_id=self.hub.pk)
        if self.rule.space_kind:
            governed &= Q(space__kind=self.rule.space_kind)
        else:
            own_rules = BookingRule.objects.filter(hub_id=self.hub.pk).exclude(space_kind="")
            governed &= ~Q(space__kind__in=own_rules.values("space_kind"))
        return (
            Booking.objects.confirmed()
            .filter(governed, person=self.person, end__gt=self.now)
            .count()
        )

    @cached_property
    def held_in_hub(self) -> int:
        """Confirmed bookings the person holds in this hub that have not ended."""
        return (
            Booking.objects.confirmed()
            .filter(space__hub_id=self.hub.pk, person=self.person, end__gt=self.now)
            .count()
        )

    @cached_property
    def allowed_organizations(self) -> set[int]:
        members = set(self.hub.member_organizations.values_list("pk", flat=True))
        return members | {self.hub.host_organization_id}

    def check(self, start: dt.datetime, end: dt.datetime, *, pending: int = 0) -> list:
        """Every rule [start, end) breaks, most fundamental first. ``pending`` is how
        many bookings the same request makes before this one (they count towards the
        quota)."""
        breaches: list[RuleBreach] = []
        day = local_date(start)
        rule = self.rule
        if (
            rule
            and rule.access == BookingRule.Access.MEMBERS
            and self.organization.pk not in self.allowed_organizations
        ):
            breaches.append(
                RuleBreach(
                    "not_allowed",
                    _("Bare organisasjonene som er med i %(hub)s, kan booke %(kind)s her.")
                    % {"hub": self.hub.name, "kind": self.space.get_kind_display().lower()},
                )
            )
        breaches += self._calendar(day, start, end)
        ahead = (day - local_date(self.now)).days
        # Without a rule of the host's, the deployment's horizon still applies, so that
        # nobody books the year 9999 by mistake.
        horizon = (
            rule.max_days_ahead
            if rule and rule.max_days_ahead is not None
            else settings.HUBRO_BOOKING_HORIZON_DAYS
        )
        if ahead > horizon:
            breaches.append(
                RuleBreach(
                    "too_far_ahead",
                    _("Du kan booke høyst %(days)s dager fram i tid.") % {"days": horizon},
                    "date",
                )
            )
        minutes = (end - start).total_seconds() / 60
        if rule and rule.min_minutes is not None and minutes < rule.min_minutes:
            breaches.append(
                RuleBreach(
                    "too_short",
                    _("En booking må vare minst %(minutes)s minutter.")
                    % {"minutes": rule.min_minutes},
                    "end",
                )
            )
        if rule and rule.max_minutes is not None and minutes > rule.max_minutes:
            breaches.append(
                RuleBreach(
                    "too_long",
                    _("En booking kan vare høyst %(minutes)s minutter.")
                    % {"minutes": rule.max_minutes},
                    "end",
                )
            )
        grid = self._grid(day, start, end)
        if grid:
            breaches.append(grid)
        quota = rule.max_future_bookings if rule else None
        if quota is not None and self.held + pending + 1 > quota:
            breaches.append(
                RuleBreach(
                    "quota",
                    _(
                        "Du har allerede %(held)s kommende bookinger av denne typen her,"
                        " og grensen er %(max)s."
                    )
                    % {"held": self.held + pending, "max": rule.max_future_bookings},
                )
            )
        default = settings.HUBRO_DEFAULT_BOOKING_QUOTA
        if quota is None and default and self.held_in_hub + pending + 1 > default:
            # The host set no quota: the deployment's default keeps one person from
            # holding every space for years. A rule with a quota of its own replaces it.
            breaches.append(
                RuleBreach(
                    "quota",
                    _(
                        "Du har allerede %(held)s kommende bookinger i denne huben, og"
                        " grensen er %(max)s."
                    )
                    % {"held": self.held_in_hub + pending, "max": default},
                )
            )
        return breaches

    def _calendar(self, day, start, end) -> list[RuleBreach]:
        """Holidays, closed days and opening hours: the hub must be open for all of it."""
        breaches = []
        holiday = norwegian_holidays(day.year).get(day)
        if self.hub.observe_public_holidays and holiday:
            breaches.append(
                RuleBreach(
                    "holiday",
                    _("%(day)s er en helligdag (%(name)s), og huben er stengt.")
                    % {"day": _day_label(day), "name": holiday},
                    "date",
                )
            )
        if day in self.closed_days:
            reason = self.closed_days[day]
            detail = (
                _("Huben er stengt %(day)s: %(reason)s.")
                if reason
                else _("Huben er stengt %(day)s.")
            )
            breaches.append(
                RuleBreach("closed", detail % {"day": _day_label(day), "reason": reason}, "date")
            )
        hours = self.hours.get(day.weekday())
        if hours is None:
            breaches.append(RuleBreach("closed", _("Huben er stengt denne dagen."), "start"))
        elif start < local_datetime(day, hours.opens) or end > local_datetime(day, hours.closes):
            breaches.append(
                RuleBreach(
                    "closed",
                    _("Huben har åpent %(opens)s–%(closes)s denne dagen.")
                    % {"opens": f"{hours.opens:%H:%M}", "closes": f"{hours.closes:%H:%M}"},
                    "start",
                )
            )
        return breaches

    def _grid(self, day, start, end) -> RuleBreach | None:
        local_start, local_end = timezone.localtime(start), timezone.localtime(end)
        if self.granularity == BookingRule.Granularity.HALF_DAY:
            hours = self.hours.get(day.weekday())
            if hours is None:
                return None  # the hub is closed; that breach says enough
            opens, closes, midday = hours.opens, hours.closes, self.rule.midday
            allowed = {(opens, closes)}
            if opens < midday < closes:
                allowed |= {(opens, midday), (midday, closes)}
            times = (local_start.time(), local_end.time())
            if local_end.date() == day and times in allowed:
                return None
            return RuleBreach(
                "granularity",
                _(
                    "Book en hel dag (%(opens)s–%(closes)s) eller en halv dag"
                    " (%(opens)s–%(midday)s eller %(midday)s–%(closes)s)."
                )
                % {
                    "opens": f"{opens:%H:%M}",
                    "closes": f"{closes:%H:%M}",
                    "midday": f"{midday:%H:%M}",
                },
                "start",
            )
        step = int(self.granularity)
        for moment in (local_start, local_end):
            if moment.second or moment.microsecond or moment.minute % step:
                return RuleBreach("granularity", GRID_MESSAGES[self.granularity], "start")
        return None


def check_rules(space, person, organization, start, end, *, now=None, pending=0) -> list:
    """Every rule booking [start, end) of ``space`` for ``person`` and ``organization``
    would break; empty when it may be booked. Does not look at other bookings' times:
    overlaps are the booking action's concern."""
    return RuleBook(space, person, organization, now=now).check(start, end, pending=pending)


def enforce(breaches: list, *, override: bool) -> list[str]:
    """Raise the first breach unless the rules are overridden; return the codes
    overridden (to be recorded on the booking)."""
    if breaches and not override:
        raise breaches[0].as_error()
    return list(dict.fromkeys(breach.code for breach in breaches))
