"""The host's list of a day or a week: who booked what, with name, organization,
purpose and check-in state, and the events of those days with participants and guests.

Read as values, never as model instances: a busy hub's week holds hundreds of rows."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hubro.bookings.models import Booking
from hubro.core.timeutil import day_bounds, local_date
from hubro.spaces.models import Space

# Check-in states of a booking, as the host sees them.
CHECKED_IN = "checked_in"
NO_SHOW = "no_show"
RELEASED = "released"
OPEN = "open"
UPCOMING = "upcoming"
STATE_LABELS = {
    CHECKED_IN: _("Sjekket inn"),
    NO_SHOW: _("Ikke møtt"),
    RELEASED: _("Ikke møtt, frigitt"),
    OPEN: _("Kan sjekke inn nå"),
    UPCOMING: _("Ikke startet"),
}


@dataclass(slots=True)
class BookingRow:
    pk: int
    day: dt.date
    start: dt.datetime  # local
    end: dt.datetime  # local
    space_id: int
    space: str
    kind: str
    person: str
    email: str
    organization: str
    purpose: str
    state: str
    checked_in_at: dt.datetime | None
    booked_by_host: bool
    in_series: bool
    active: bool  # confirmed and not over: may be moved or cancelled

    @property
    def state_label(self) -> str:
        return str(STATE_LABELS[self.state])

    @property
    def kind_label(self) -> str:
        return str(Space.Kind(self.kind).label)


@dataclass(slots=True)
class Participant:
    name: str
    organization: str
    guest: bool
    waiting: bool


@dataclass(slots=True)
class EventRow:
    pk: int
    day: dt.date
    title: str
    start: dt.datetime
    end: dt.datetime
    place: str
    participants: list[Participant] = field(default_factory=list)

    @property
    def guests(self) -> int:
        return sum(1 for p in self.participants if p.guest and not p.waiting)

    @property
    def registered(self) -> int:
        return sum(1 for p in self.participants if not p.waiting)


@dataclass
class HostDays:
    """The rows of one or more days, and the counts the host's summary shows."""

    first: dt.date
    last: dt.date
    bookings: list[BookingRow]
    events: list[EventRow]

    def count(self, state: str) -> int:
        return sum(1 for row in self.bookings if row.state == state)

    @property
    def checked_in(self) -> int:
        return self.count(CHECKED_IN)

    @property
    def no_shows(self) -> int:
        return self.count(NO_SHOW) + self.count(RELEASED)

    @property
    def days(self) -> list[dict]:
        """Per day: its date, its bookings and its events (for the week view)."""
        result = []
        day = self.first
        while day <= self.last:
            result.append(
                {
                    "day": day,
                    "bookings": [row for row in self.bookings if row.day == day],
                    "events": [row for row in self.events if row.day == day],
                }
            )
            day += dt.timedelta(days=1)
        return result


def checkin_state(status, start, end, checked_in_at, *, closes_after, now) -> str:
    """The check-in state of one booking at ``now``. A confirmed booking whose check-in
    window closed (``closes_after`` minutes after start, or its end) without a check-in
    is a no-show; released ones were no-shows that the hub freed."""
    if status == Booking.Status.RELEASED:
        return RELEASED
    if checked_in_at is not None:
        return CHECKED_IN
    if now >= min(start + dt.timedelta(minutes=closes_after), end):
        return NO_SHOW
    return OPEN if now >= start else UPCOMING


def booking_rows(hub, first: dt.date, last: dt.date, *, kind: str = "", now=None):
    """Confirmed and released bookings of the hub's spaces that touch the local days
    [first, last], by start; cancelled ones are left out."""
    now = now or timezone.now()
    lower, upper = day_bounds(first)[0], day_bounds(last)[1]
    bookings = (
        Booking.objects.filter(space__hub=hub, start__lt=upper, end__gt=lower)
        .exclude(status=Booking.Status.CANCELLED)
        .order_by("start", "space__kind", "space__position", "space__name", "pk")
    )
    if kind:
        bookings = bookings.filter(space__kind=kind)
    rows = []
    columns = (
        "pk",
        "start",
        "end",
        "space_id",
        "space__name",
        "space__kind",
        "person__name",
        "person__email",
        "organization__name",
        "purpose",
        "status",
        "checked_in_at",
        "booked_by_id",
        "series_id",
    )
    for values in bookings.values_list(*columns):
        (pk, start, end, space_id, space, space_kind, name, email, org, purpose, status) = values[
            :11
        ]
        checked_in_at, booked_by, series = values[11:]
        start, end = timezone.localtime(start), timezone.localtime(end)
        state = checkin_state(
            status, start, end, checked_in_at, closes_after=hub.checkin_closes_after, now=now
        )
        rows.append(
            BookingRow(
                pk=pk,
                day=max(start.date(), first),
                start=start,
                end=end,
                space_id=space_id,
                space=space,
                kind=space_kind,
                person=name or email,
                email=email,
                organization=org,
                purpose=purpose,
                state=state,
                checked_in_at=timezone.localtime(checked_in_at) if checked_in_at else None,
                booked_by_host=booked_by is not None,
                in_series=series is not None,
                active=status == Booking.Status.CONFIRMED and end > now,
            )
        )
    return rows


def event_rows(hub, first: dt.date, last: dt.date) -> list[EventRow]:
    """The hub's events (not cancelled) that touch the days, with every registration that
    is not cancelled: people by name and organization, guests by what they gave."""
    from hubro.events.models import Event, Registration

    lower, upper = day_bounds(first)[0], day_bounds(last)[1]
    events = {
        pk: EventRow(
            pk=pk,
            day=max(local_date(start), first),
            title=title,
            start=timezone.localtime(start),
            end=timezone.localtime(end),
            place=space or "",
        )
        for pk, title, start, end, space in Event.objects.filter(
            hub=hub, cancelled_at__isnull=True, start__lt=upper, end__gt=lower
        )
        .order_by("start", "pk")
        .values_list("pk", "title", "start", "end", "space__name")
    }
    registrations = (
        Registration.objects.filter(event_id__in=list(events))
        .filter(
            Q(status=Registration.Status.REGISTERED) | Q(status=Registration.Status.WAITLISTED)
        )
        .order_by("status", "created_at", "pk")
        .values_list(
            "event_id",
            "person_id",
            "person__name",
            "person__email",
            "guest_name",
            "organization__name",
            "guest_organization",
            "status",
        )
    )
    for event_id, person_id, name, email, guest, org, guest_org, status in registrations:
        events[event_id].participants.append(
            Participant(
                name=(name or email) if person_id else guest,
                organization=org or guest_org or "",
                guest=person_id is None,
                waiting=status == Registration.Status.WAITLISTED,
            )
        )
    return list(events.values())


def host_days(hub, first: dt.date, last: dt.date, *, kind: str = "", now=None) -> HostDays:
    """The host's view of the days [first, last]: bookings (of ``kind``, if given) and
    the events of those days."""
    return HostDays(
        first=first,
        last=last,
        bookings=booking_rows(hub, first, last, kind=kind, now=now),
        events=event_rows(hub, first, last),
    )


EXPORT_HEADER = (
    _("Dato"),
    _("Fra"),
    _("Til"),
    _("Rom eller plass"),
    _("Type"),
    _("Navn"),
    _("E-post"),
    _("Organisasjon"),
    _("Formål"),
    _("Innsjekking"),
)


def export_rows(days: HostDays):
    """The booking rows as a table for ``core.tabular``."""
    for row in days.bookings:
        yield (
            row.start.date().isoformat(),
            f"{row.start:%H:%M}",
            f"{row.end:%H:%M}",
            row.space,
            row.kind_label,
            row.person,
            row.email,
            row.organization,
            row.purpose,
            row.state_label,
        )
