"""Booking history since the first hub opened, and two weeks ahead, the same for a given
date, so that the indicators tell the pilots' story.

RegionLab Lister (January 2023) grows steadily, and more and more of its users work for
an employer based elsewhere; Statens hus Nordfjordeid starts in April 2025 and picks up
over its first months; Narvik (2024) is little used; Orkland, still planned, has no
bookings. A history of about four years is some ten thousand bookings. Past bookings
cannot go through
``bookings.actions.create_booking`` (it refuses times that are over), so the generator
checks overlaps itself and writes everything with one ``bulk_create``."""

import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass

from hubro.bookings.models import Booking
from hubro.core.timeutil import local_datetime
from hubro.spaces.models import Hub, Space, norwegian_holidays

from .hubs import HUB_SLUGS, LISTER, NARVIK, NORDFJORDEID, WALKTHROUGH_DESKS
from .people import DemoPerson, FixedAccounts

SEED = 2026
# History goes back to the first hub's opening day, at most this far.
MAX_PAST_DAYS = 4 * 366
FUTURE_DAYS = 2 * 7
CANCEL_RATE = 0.05
# Fridays are quiet, midweek is busy.
WEEKDAY_FACTOR = (0.9, 1.0, 1.05, 1.0, 0.7, 0.05, 0.02)
WORKPLACES = {Space.Kind.DESK, Space.Kind.OFFICE}
MEETING_STARTS = ["08:30", "09:00", "10:00", "11:00", "12:30", "13:00", "14:00"]


def _t(value: str) -> dt.time:
    return dt.time.fromisoformat(value)


def _months_open(hub: Hub, day: dt.date) -> float:
    return (day - hub.opened_on).days / 30.4 if hub.opened_on else 0.0


def activity(hub: Hub, day: dt.date, offset: int) -> float:
    """How likely a desk or office at a hub is booked on ``day`` (``offset`` days from
    today)."""
    months = _months_open(hub, day)
    if hub.slug == LISTER:
        # A slow start, then steady growth over the four years.
        base = 0.10 + 0.60 * min(months / 46, 1.0)
    elif hub.slug == NORDFJORDEID:
        # A new building: busy from the start, busier once the district hub is known.
        base = 0.20 + 0.14 * min(months / 8, 1.0)
    elif hub.slug == NARVIK:
        base = 0.04
    else:
        return 0.0  # Orkland is planned: nobody books there yet.
    # Fewer bookings exist yet for the weeks ahead.
    if offset > 7:
        return base * 0.3
    if offset > 0:
        return base * 0.6
    return base


def remote_weight(hub: Hub, day: dt.date) -> float:
    """How much more often someone whose employer is based elsewhere takes a desk: it
    grows as the hub becomes known."""
    return 1.0 + 2.0 * min(_months_open(hub, day) / 36, 1.0)


def _closure(hub: Hub):
    """``hub.closure`` with the closed days read once."""
    closed = set(hub.closed_days.values_list("date", flat=True))

    def closure(day: dt.date) -> bool:
        if day in closed:
            return True
        return bool(hub.observe_public_holidays and norwegian_holidays(day.year).get(day))

    return closure


@dataclass
class _Day:
    day: dt.date
    opens: dt.time
    closes: dt.time

    def at(self, value: str | dt.time) -> dt.datetime:
        return local_datetime(self.day, _t(value) if isinstance(value, str) else value)

    def clip(self, start: str, end: str) -> tuple[dt.datetime, dt.datetime]:
        return self.at(max(_t(start), self.opens)), self.at(min(_t(end), self.closes))


class _Generator:
    def __init__(self, hubs: dict[str, Hub], people, today: dt.date, now: dt.datetime):
        self.rng = random.Random(SEED)
        self.hubs = hubs
        self.today = today
        self.now = now
        self.spaces = {
            slug: {space.name: space for space in hub.spaces.filter(is_active=True)}
            for slug, hub in hubs.items()
        }
        self.hours = {
            slug: {hours.weekday: hours for hours in hub.opening_hours.all()}
            for slug, hub in hubs.items()
        }
        self.pools: dict[str, list[DemoPerson]] = defaultdict(list)
        for member in sorted(people, key=lambda member: member.person.email):
            if member.home_hub:
                self.pools[member.home_hub].append(member)
        # Taken intervals per (space or person, local day): no booking crosses midnight.
        self.taken: dict[object, list[tuple[dt.datetime, dt.datetime]]] = defaultdict(list)
        self.closures = {slug: _closure(hub) for slug, hub in hubs.items()}
        self.rows: list[tuple[Booking, dt.datetime]] = []
        upcoming_weekdays = [
            today + dt.timedelta(days=n) for n in range(1, 8) if (today.weekday() + n) % 7 < 5
        ]
        self.protected_days = {today + dt.timedelta(days=1), *upcoming_weekdays[:3]}

    def open_day(self, slug: str, day: dt.date) -> _Day | None:
        hours = self.hours[slug].get(day.weekday())
        opened_on = self.hubs[slug].opened_on
        if hours is None or (opened_on and day < opened_on):
            return None
        if self.closures[slug](day):
            return None
        return _Day(day, hours.opens, hours.closes)

    def _free(self, key, start, end) -> bool:
        return not any(s < end and start < e for s, e in self.taken[(key, start.date())])

    def _created_at(self, start: dt.datetime) -> dt.datetime:
        lead = dt.timedelta(
            days=self.rng.randint(0, 13),
            hours=self.rng.randint(1, 20),
            minutes=self.rng.randint(0, 59),
        )
        ceiling = self.now - dt.timedelta(minutes=self.rng.randint(5, 3 * 24 * 60))
        return min(start - lead, ceiling)

    def book(self, space, member: DemoPerson, start, end, *, may_cancel=True) -> bool:
        """Add a booking unless the space or the person is taken; now and then the
        booking comes out cancelled, and then it holds no time."""
        person_key = (member.person.pk, space.kind in WORKPLACES)
        if not (self._free(space.pk, start, end) and self._free(person_key, start, end)):
            return False
        created_at = self._created_at(start)
        booking = Booking(
            space=space,
            person=member.person,
            organization=member.organization,
            start=start,
            end=end,
        )
        if may_cancel and self.rng.random() < CANCEL_RATE:
            booking.status = Booking.Status.CANCELLED
            booking.cancelled_at = created_at + (min(start, self.now) - created_at) * (
                self.rng.random()
            )
        else:
            self.taken[(space.pk, start.date())].append((start, end))
            self.taken[(person_key, start.date())].append((start, end))
        self.rows.append((booking, created_at))
        return True

    def _pick(self, slug: str, space: Space, day: dt.date) -> DemoPerson | None:
        pool = self.pools.get(slug)
        if not pool:
            return None
        # People whose employer is based elsewhere come for a desk, rarely for a meeting.
        if space.kind in WORKPLACES:
            remote = remote_weight(self.hubs[slug], day)
            weights = [remote if member.remote else 1.0 for member in pool]
        else:
            weights = [0.2 if member.remote else 1.0 for member in pool]
        return self.rng.choices(pool, weights)[0]

    def _book_someone(self, slug, space, start, end) -> None:
        for _ in range(4):
            member = self._pick(slug, space, start.date())
            if member is None or self.book(space, member, start, end):
                return

    def _workplace(self, slug: str, space: Space, day: _Day, p: float) -> None:
        if self.rng.random() >= p:
            return
        shape = self.rng.random()
        if shape < 0.55:
            start = self.rng.choice(["08:00", "08:00", "08:30"])
            end = self.rng.choice(["15:30", "15:30", "16:00", "15:00"])
            self._book_someone(slug, space, *day.clip(start, end))
            return
        halves = [("08:00", "12:00"), ("12:00", "16:00")]
        if shape >= 0.8:
            halves.reverse()
        self._book_someone(slug, space, *day.clip(*halves[0]))
        if self.rng.random() < p * 0.5:
            self._book_someone(slug, space, *day.clip(*halves[1]))

    def _meetings(self, slug: str, space: Space, day: _Day, p: float) -> None:
        long = space.kind == Space.Kind.PROJECT_ROOM
        for _ in range(4):
            if self.rng.random() >= p * 0.8:
                continue
            start = day.at(self.rng.choice(MEETING_STARTS))
            minutes = self.rng.choice([120, 180, 240] if long else [60, 60, 90, 120])
            end = start + dt.timedelta(minutes=minutes)
            # Weekend hours start later than the earliest meetings.
            if day.at(day.opens) <= start and end <= day.at(day.closes):
                self._book_someone(slug, space, start, end)

    def fixed_bookings(self, fixed: FixedAccounts, people_by_pk) -> None:
        """The fixed accounts' own bookings, placed first so that others fill around them."""
        ansatt = people_by_pk[fixed.ansatt.pk]
        vert = people_by_pk[fixed.vert.pk]
        lister = self.spaces[LISTER]
        office, desk = lister["Cellekontor 2"], lister["Kontorplass 3"]
        small_room, large_room = lister["Møterom Lista"], lister["Møterom Rosfjord"]
        monday = self.today - dt.timedelta(days=self.today.weekday())
        for weeks_ago in (7, 6, 5, 3, 2, 1):
            day = self.open_day(LISTER, monday - dt.timedelta(weeks=weeks_ago, days=-1))
            if day is None:
                continue
            if weeks_ago in (5, 2):
                self.book(desk, ansatt, *day.clip("08:00", "12:00"), may_cancel=False)
            else:
                self.book(office, ansatt, *day.clip("08:00", "15:30"), may_cancel=False)
            if weeks_ago == 3:
                self.book(small_room, ansatt, day.at("13:00"), day.at("14:00"), may_cancel=False)
        for weeks_ago in (6, 4, 2, -1):  # the host's lunch talks, Thursdays
            day = self.open_day(LISTER, monday - dt.timedelta(weeks=weeks_ago, days=-3))
            if day is not None:
                self.book(large_room, vert, day.at("11:00"), day.at("12:00"), may_cancel=False)
        # Upcoming: an office the day after tomorrow at the earliest, a meeting next week.
        for first, space, start, end in (
            (2, office, "08:00", "15:30"),
            (8, small_room, "10:00", "11:30"),
        ):
            for offset in range(first, FUTURE_DAYS):
                day = self.open_day(LISTER, self.today + dt.timedelta(days=offset))
                if day is not None:
                    self.book(space, ansatt, *day.clip(start, end), may_cancel=False)
                    break

    def generate(self) -> None:
        walkthrough_hub, walkthrough_desks = WALKTHROUGH_DESKS
        opened = [hub.opened_on for hub in self.hubs.values() if hub.opened_on]
        first = max(min(opened, default=self.today), self.today - dt.timedelta(MAX_PAST_DAYS))
        for offset in range((first - self.today).days, FUTURE_DAYS + 1):
            date = self.today + dt.timedelta(days=offset)
            for slug in HUB_SLUGS:
                day = self.open_day(slug, date)
                if day is None:
                    continue
                p = activity(self.hubs[slug], date, offset) * WEEKDAY_FACTOR[date.weekday()]
                if not p:
                    continue
                for name in sorted(self.spaces[slug]):
                    space = self.spaces[slug][name]
                    if (
                        date in self.protected_days
                        and slug == walkthrough_hub
                        and name in walkthrough_desks
                    ):
                        continue
                    if space.kind in WORKPLACES:
                        self._workplace(slug, space, day, p)
                    else:
                        self._meetings(slug, space, day, p)


def build_bookings(
    hubs: dict[str, Hub],
    people: list[DemoPerson],
    fixed: FixedAccounts,
    *,
    today: dt.date,
    now: dt.datetime,
) -> list[Booking]:
    """Generate and store the demo bookings; returns them (empty when the demo hubs
    already have bookings, so that a second run adds nothing)."""
    if Booking.objects.filter(space__hub__slug__in=HUB_SLUGS).exists():
        return []
    everyone = [
        *people,
        *(
            DemoPerson(person, person.primary_membership.organization, None, False)
            for person in (fixed.ansatt, fixed.vert, fixed.admin)
        ),
    ]
    generator = _Generator(hubs, everyone, today, now)
    generator.fixed_bookings(fixed, {member.person.pk: member for member in everyone})
    generator.generate()
    bookings = [booking for booking, _ in generator.rows]
    Booking.objects.bulk_create(bookings, batch_size=500)
    # created_at is auto_now_add, which bulk_create fills with now; set the real values.
    for booking, created_at in generator.rows:
        booking.created_at = created_at
    Booking.objects.bulk_update(bookings, ["created_at"], batch_size=500)
    return bookings
