"""Recurring bookings: made date by date, cancelled one date, a range or the rest."""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from hubro.bookings.models import Booking, BookingSeries
from hubro.bookings.recurrence import WEEKLY, Repeat, expand
from hubro.bookings.rules import RuleBook, refuse_override
from hubro.core.audit import record
from hubro.core.errors import Conflict, Invalid
from hubro.core.timeutil import format_day, local_datetime
from hubro.spaces.models import Space

from .bookings import (
    TAKEN,
    bookable,
    booking_changes,
    clean_purpose,
    notify_after_commit,
    organization_for,
    validate_booking_time,
)

ON_CONFLICT = ("skip", "fail")
LISTED_FAILURES = 10


@dataclass(frozen=True)
class Skipped:
    """A date of a series that was not booked, and why (a rule code or ``conflict``)."""

    start: dt.datetime
    end: dt.datetime
    code: str
    detail: str

    @property
    def date(self) -> dt.date:
        return timezone.localtime(self.start).date()

    def as_dict(self) -> dict:
        return {"start": timezone.localtime(self.start).isoformat(), "code": self.code}


@dataclass
class SeriesResult:
    series: BookingSeries
    booked: list[Booking] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


class _Refused:
    """A series refused as a whole; ``skipped`` lists every date that failed."""

    def __init__(self, detail, *, failures: list[Skipped], **kwargs):
        super().__init__(detail, **kwargs)
        self.failures = failures

    def as_dict(self) -> dict:
        return {**super().as_dict(), "skipped": [failure.as_dict() for failure in self.failures]}


class SeriesConflict(_Refused, Conflict):
    """Nothing was booked, and at least one date clashes with another booking."""


class SeriesInvalid(_Refused, Invalid):
    """Nothing was booked, and the dates that failed break the rules."""


def _refusal(failures: list[Skipped], *, booked_none_possible: bool):
    listed = "; ".join(
        f"{format_day(failure.date, 'date')}: {failure.detail}"
        for failure in failures[:LISTED_FAILURES]
    )
    more = len(failures) - LISTED_FAILURES
    if more > 0:
        listed += " " + ngettext("(og %(n)s dato til)", "(og %(n)s datoer til)", more) % {
            "n": more
        }
    lead = (
        _("Ingen av datoene kan bookes, så ingenting ble booket.")
        if booked_none_possible
        else _("Ingenting ble booket fordi noen datoer ikke kan bookes.")
    )
    detail = f"{lead} {listed}"
    if any(failure.code == "conflict" for failure in failures):
        return SeriesConflict(detail, failures=failures)
    return SeriesInvalid(detail, code=failures[0].code, failures=failures)


def create_series(
    space: Space,
    person,
    first_start: dt.datetime,
    first_end: dt.datetime,
    repeat: Repeat | Mapping,
    *,
    on_conflict: str = "skip",
    organization=None,
    actor,
    override: bool = False,
    purpose: str = "",
    show_purpose: bool = False,
) -> SeriesResult:
    """Book ``space`` for ``person`` at the same local hours as [first_start, first_end)
    on every date of ``repeat`` (see ``bookings.recurrence``), in one transaction.

    The rules and other bookings are checked date by date. With ``on_conflict="skip"``
    the dates that can be booked are booked and the others are returned as skipped, each
    with the code why (``conflict`` or a rule code); when no date can be booked nothing
    is. With ``on_conflict="fail"`` nothing is booked if any date fails: the error is a
    ``SeriesConflict`` (409) when a date clashes, else a ``SeriesInvalid`` (422) with
    the first failing date's rule code; both list every failing date.

    Hosts and administrators may ``override`` the rules (recorded on each booking),
    never a clash. A ``purpose`` (meeting and project rooms) is given to every date.
    Audited as ``series.create`` and ``booking.create`` per date;
    ``notifications.notify("created", ids)`` runs after commit.
    """
    if on_conflict not in ON_CONFLICT:
        raise Invalid(
            _(
                "Velg om datoer som ikke kan bookes, skal hoppes over, eller om ingenting skal"
                " bookes."
            ),
            code="invalid_repeat",
            field="on_conflict",
        )
    bookable(space)
    organization = organization_for(person, organization)
    validate_booking_time(space, first_start, first_end)
    purpose = clean_purpose(space, purpose)
    local_start, local_end = timezone.localtime(first_start), timezone.localtime(first_end)
    if local_start.date() != local_end.date():
        raise Invalid(
            _("En gjentatt booking må starte og slutte samme dag."),
            code="invalid_range",
            field="end",
        )
    if not isinstance(repeat, Repeat):
        repeat = Repeat.from_mapping(repeat)
    dates = expand(local_start.date(), repeat)
    if override:
        refuse_override(actor, space.hub)
    slots = [
        (local_datetime(day, local_start.time()), local_datetime(day, local_end.time()))
        for day in dates
    ]
    try:
        with transaction.atomic():
            Space.objects.select_for_update().filter(pk=space.pk).first()
            plan, failures = _plan(space, person, organization, slots, override=override)
            if failures and (on_conflict == "fail" or not plan):
                raise _refusal(failures, booked_none_possible=not plan)
            series = BookingSeries.objects.create(
                space=space,
                person=person,
                organization=organization,
                freq=repeat.freq,
                interval=repeat.interval,
                weekdays=sorted(set(repeat.weekdays))
                if repeat.weekdays or repeat.freq != WEEKLY
                else [dates[0].weekday()],
                first_date=dates[0],
                until=repeat.until,
                count=repeat.count,
                start_time=local_start.time(),
                end_time=local_end.time(),
            )
            booked = []
            for start, end, overridden in plan:
                booking = Booking.objects.create(
                    space=space,
                    person=person,
                    organization=organization,
                    series=series,
                    start=start,
                    end=end,
                    override_by=actor if overridden else None,
                    overridden_rules=overridden,
                    purpose=purpose,
                    show_purpose=bool(purpose and show_purpose),
                )
                changes = booking_changes(booking, series=series.pk)
                record(actor, "booking.create", booking, hub=space.hub, changes=changes)
                booked.append(booking)
            record(
                actor,
                "series.create",
                series,
                hub=space.hub,
                changes=_series_changes(series, booked, failures, on_conflict),
            )
            notify_after_commit("created", [booking.pk for booking in booked])
    except IntegrityError:
        # Only the exclusion constraint can fail here: a concurrent booking won.
        raise Conflict(TAKEN) from None
    return SeriesResult(series=series, booked=booked, skipped=failures)


def _plan(space, person, organization, slots, *, override):
    """Which slots can be booked (with the rules each overrides) and which cannot."""
    rules = RuleBook(space, person, organization)
    taken = list(
        Booking.objects.confirmed()
        .filter(space=space)
        .overlapping(slots[0][0], slots[-1][1])
        .values_list("start", "end")
    )
    plan, failures = [], []
    for start, end in slots:
        breaches = rules.check(start, end, pending=len(plan))
        if breaches and not override:
            first = breaches[0]
            failures.append(Skipped(start, end, first.code, str(first.detail)))
        elif any(other_start < end and start < other_end for other_start, other_end in taken):
            failures.append(Skipped(start, end, "conflict", str(TAKEN)))
        else:
            codes = list(dict.fromkeys(breach.code for breach in breaches))
            plan.append((start, end, codes))
    return plan, failures


def _series_changes(series, booked, failures, on_conflict) -> dict:
    changes = {
        "for": series.person.email,
        "repeat": {
            "freq": series.freq,
            "interval": series.interval,
            "weekdays": series.weekdays,
            "until": series.until.isoformat() if series.until else None,
            "count": series.count,
        },
        "on_conflict": on_conflict,
        "booked": [timezone.localtime(b.start).date().isoformat() for b in booked],
        "skipped": [{"date": f.date.isoformat(), "code": f.code} for f in failures],
    }
    overridden = sorted({code for b in booked for code in b.overridden_rules})
    if overridden:
        changes["overridden_rules"] = overridden
    return changes


def cancel_series(
    series: BookingSeries, *, from_date: dt.date | None = None, to_date=None, actor
) -> list[Booking]:
    """Cancel the confirmed dates of a series from ``from_date`` to ``to_date`` (both
    inclusive, local dates); without them, every date that has not ended: the rest of
    the series. Dates already over are left alone. Returns the bookings cancelled.

    Audited as ``booking.cancel`` per date and ``series.cancel``;
    ``notifications.notify("cancelled", ids)`` runs after commit."""
    if from_date and to_date and to_date < from_date:
        raise Invalid(
            _("Til-datoen kan ikke være før fra-datoen."), code="invalid_range", field="to_date"
        )
    now = timezone.now()
    with transaction.atomic():
        dates = Booking.objects.select_for_update(of=("self",)).filter(
            series=series, status=Booking.Status.CONFIRMED, end__gt=now
        )
        if from_date:
            dates = dates.filter(start__gte=local_datetime(from_date, dt.time.min))
        if to_date:
            next_day = to_date + dt.timedelta(days=1)
            dates = dates.filter(start__lt=local_datetime(next_day, dt.time.min))
        cancelled = list(dates.select_related("space__hub").order_by("start"))
        if not cancelled:
            return []
        hub = series.space.hub
        for booking in cancelled:
            booking.status = Booking.Status.CANCELLED
            booking.cancelled_at = now
            booking.save(update_fields=["status", "cancelled_at"])
            record(actor, "booking.cancel", booking, hub=hub, changes={"series": series.pk})
        record(
            actor,
            "series.cancel",
            series,
            hub=hub,
            changes={
                "from": from_date.isoformat() if from_date else None,
                "to": to_date.isoformat() if to_date else None,
                "cancelled": [timezone.localtime(b.start).date().isoformat() for b in cancelled],
            },
        )
        notify_after_commit("cancelled", [booking.pk for booking in cancelled])
    return cancelled
