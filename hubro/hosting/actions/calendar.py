"""When a hub is open: weekly opening hours, closed days, and the booking rules."""

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from hubro.bookings.models import BookingRule
from hubro.core.audit import record
from hubro.core.errors import Conflict, Invalid
from hubro.spaces.models import ClosedDay, OpeningHours

RULE_FIELDS = BookingRule.EDITABLE_FIELDS


def set_opening_hours(hub, hours: dict[int, tuple[dt.time, dt.time] | None], *, actor) -> list:
    """Set the weekly hours: ``hours`` maps each weekday (0 = Monday) to (opens, closes),
    or to None for closed. Weekdays not in ``hours`` stay as they are. Closing must be
    after opening (``closes_before_opens``, also a database constraint). Existing
    bookings are kept; the new hours apply to new bookings. Audited as
    ``openinghours.update`` with the days that changed."""
    for weekday, times in hours.items():
        if weekday not in range(7):
            raise Invalid(_("Ukjent ukedag."), code="invalid_weekday")
        if times is not None and times[1] <= times[0]:
            raise Invalid(
                _("%(day)s: stengetid må være etter åpningstid.")
                % {"day": OpeningHours.Weekday(weekday).label},
                code="closes_before_opens",
                field=f"closes_{weekday}",
            )
    changed = {}
    with transaction.atomic():
        current = {row.weekday: row for row in OpeningHours.objects.filter(hub=hub)}
        for weekday, times in sorted(hours.items()):
            row = current.get(weekday)
            if times is None:
                if row is not None:
                    row.delete()
                    changed[weekday] = None
                continue
            opens, closes = times
            if row is None:
                OpeningHours.objects.create(hub=hub, weekday=weekday, opens=opens, closes=closes)
            elif (row.opens, row.closes) != (opens, closes):
                row.opens, row.closes = opens, closes
                row.save(update_fields=["opens", "closes"])
            else:
                continue
            changed[weekday] = f"{opens:%H:%M}–{closes:%H:%M}"
        if changed:
            record(
                actor,
                "openinghours.update",
                hub,
                hub=hub,
                changes={OpeningHours.Weekday(day).name.lower(): v for day, v in changed.items()},
            )
    return list(changed)


def add_closed_day(hub, *, date: dt.date, reason: str = "", actor) -> ClosedDay:
    """Close the hub on ``date`` (a move, Christmas Eve …). Bookings already made that
    day stay; the host cancels them with a reason if they must go. ``Conflict``
    (``already_closed``) when the day is closed already."""
    if not isinstance(date, dt.date):
        raise Invalid(_("Oppgi en dato."), code="invalid_date", field="date")
    reason = " ".join((reason or "").split())[:200]
    try:
        with transaction.atomic():
            closed = ClosedDay.objects.create(hub=hub, date=date, reason=reason)
            record(actor, "closedday.create", closed, hub=hub, changes={"reason": reason})
    except IntegrityError:
        raise Conflict(
            _("Huben er allerede stengt den dagen."), code="already_closed", field="date"
        ) from None
    return closed


def remove_closed_day(closed: ClosedDay, *, actor) -> None:
    with transaction.atomic():
        record(actor, "closedday.delete", closed, hub=closed.hub)
        closed.delete()


def _check_rule(values: dict) -> None:
    shortest, longest = values.get("min_minutes"), values.get("max_minutes")
    if shortest is not None and longest is not None and shortest > longest:
        raise Invalid(
            _("Lengste booking kan ikke være kortere enn korteste booking."),
            code="max_below_min",
            field="max_minutes",
        )
    for name in ("max_days_ahead", "max_future_bookings", "min_minutes", "max_minutes"):
        value = values.get(name)
        if value is not None and (not isinstance(value, int) or value < 0):
            raise Invalid(_("Oppgi et helt tall, 0 eller mer."), code="invalid_number", field=name)


def save_rule(hub, values: dict, *, rule: BookingRule | None = None, actor) -> BookingRule:
    """Create or change the hub's rule for one kind of space (blank: every kind
    without its own rule). One rule per kind (``rule_exists``). Audited as
    ``bookingrule.create`` or ``bookingrule.update``."""
    values = {name: values.get(name) for name in RULE_FIELDS if name in values}
    _check_rule(values)
    try:
        with transaction.atomic():
            if rule is None:
                rule = BookingRule.objects.create(hub=hub, **values)
                action = "bookingrule.create"
            else:
                for name, value in values.items():
                    setattr(rule, name, value)
                rule.save()
                action = "bookingrule.update"
            record(
                actor,
                action,
                rule,
                hub=hub,
                changes={name: str(value) for name, value in values.items()},
            )
    except IntegrityError:
        raise Conflict(
            _("Huben har allerede en regel for denne typen rom."),
            code="rule_exists",
            field="space_kind",
        ) from None
    return rule


def delete_rule(rule: BookingRule, *, actor) -> None:
    with transaction.atomic():
        record(actor, "bookingrule.delete", rule, hub=rule.hub)
        rule.delete()
