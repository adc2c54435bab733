"""The in-process engine gives exactly the counts of the SQL reference (one
``COUNT(DISTINCT)`` per count in the database), on the hand-built world and on worlds
that hypothesis makes: past days from the packed roll-up, today and later from the
bookings, every scope size."""

import datetime as dt

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import at, make_person
from hubro.accounts.erasure import apply_retention
from hubro.bookings.models import Booking
from hubro.core.models import Organization
from hubro.insights import engine, queries, rollup
from hubro.insights.models import PresenceDay, RolledDay
from hubro.spaces.models import Space

from .conftest import MONDAY, SUNDAY

pytestmark = pytest.mark.django_db


def as_dict(presence):
    return {key: (count.value, count.people) for key, count in presence.rows.items()}


def assert_same(hub_ids, org_id, start, end):
    new = as_dict(queries.presence(hub_ids, org_id, start, end))
    old = as_dict(queries.presence_sql(hub_ids, org_id, start, end))
    assert new == old
    # Booking use: the per-day roll-up (large scopes) against the bookings.
    now = timezone.now()
    read = queries.use_sums(hub_ids, org_id, start, end, now)
    assert queries.booking_use(hub_ids, org_id, start, end, now) == {
        kind: {"booked": round(b, 3), "checked": round(c, 3), "due": d, "missed": m}
        for kind, (b, c, d, m) in read.items()
    }


def test_the_hand_built_world_counts_the_same(world, hub, checklab, nav, admin_person):
    for hub_ids in (None, [hub.pk], [hub.pk, checklab.pk]):
        assert_same(hub_ids, None, MONDAY, SUNDAY)
        assert_same(hub_ids, None, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert_same(None, nav.pk, MONDAY, SUNDAY)
    counts = as_dict(queries.presence(None, None, MONDAY, SUNDAY))
    assert counts[("pd", "", 0, 0)] == (7, 4)
    assert counts[("returning", "", 0, 0)] == (1, 0)


def test_a_period_with_no_one_counts_the_same(world):
    assert_same(None, None, dt.date(2024, 6, 3), dt.date(2024, 6, 9))
    assert queries.booking_use(None, None, dt.date(2024, 6, 3), dt.date(2024, 6, 9), None) == {}


def test_the_columns_are_packed_again_after_retention(world, admin_person):
    assert_same(None, None, MONDAY, SUNDAY)
    assert RolledDay.objects.filter(day=MONDAY, columns__isnull=False).exists()
    apply_retention(today=dt.date(2027, 1, 1), months=12)  # moves MONDAY's people
    assert not RolledDay.objects.filter(day=MONDAY, columns__isnull=False).exists()
    assert not RolledDay.objects.filter(day=MONDAY, use__isnull=False).exists()
    moved = set(PresenceDay.objects.filter(day=MONDAY).values_list("person_id", flat=True))
    assert_same(None, None, MONDAY, SUNDAY)
    packed = engine._unpack(RolledDay.objects.get(day=MONDAY).columns)
    assert set(packed[:, 1].tolist()) == moved


def test_the_pairs_agree_with_either_method(world, monkeypatch):
    bitsets = as_dict(queries.presence(None, None, MONDAY, SUNDAY))
    monkeypatch.setattr(engine, "BITMAP_LIMIT", 1)  # sorts instead of bitmaps
    assert as_dict(queries.presence(None, None, MONDAY, SUNDAY)) == bitsets
    assert bitsets[("pairs", "", 0, 0)] == (queries.pairs(None, None, MONDAY, SUNDAY), 0)


@pytest.fixture
def crowd(world, hub, checklab, kari, ola, nav, lyngdal_kommune, agder):
    """Four spaces in two hubs, four organizations in three sectors (one based
    elsewhere), eight people, two of them with a second organization."""
    state = Organization.objects.create(
        orgnr="974760673",
        name="Statens vegvesen",
        sector="state",
        municipality=agder.municipality,
    )
    orgs = [nav, lyngdal_kommune, agder, state]
    people = [kari, ola, world["per"], world["siri"]]
    for n in range(4):
        people.append(make_person(f"p{n}@crowd.test", orgs[n], name=f"Person {n}"))
    spaces = list(Space.objects.filter(hub__in=[hub, checklab]).order_by("pk"))
    return {"orgs": orgs, "people": people, "spaces": spaces, "hubs": [hub, checklab]}


bookings = st.lists(
    st.tuples(
        st.integers(0, 5),  # space
        st.integers(0, 7),  # person
        st.integers(0, 3),  # organization
        st.integers(-75, 8),  # day, from today
        st.integers(0, 22),  # start hour
        st.sampled_from(["confirmed", "confirmed", "cancelled"]),
        st.booleans(),  # checked in
    ),
    max_size=40,
)


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    rows=bookings,
    first=st.integers(-80, 5),
    length=st.integers(0, 200),
    scope=st.sampled_from(["all", "one hub", "both hubs", "organization"]),
)
def test_the_engine_counts_exactly_what_sql_counts(crowd, rows, first, length, scope):
    Booking.objects.all().delete()
    rollup.rebuild()
    today = rollup.yesterday() + dt.timedelta(days=1)
    spaces, people, orgs = crowd["spaces"], crowd["people"], crowd["orgs"]
    made, taken = [], set()
    for space, person, org, day, hour, status, checked in rows:
        if (space, day, hour) in taken:
            continue  # confirmed bookings of a space never overlap (PostgreSQL checks)
        taken.add((space, day, hour))
        start = at(today + dt.timedelta(days=day), hour)
        booking = Booking(
            space=spaces[space % len(spaces)],
            person=people[person],
            organization=orgs[org],
            start=start,
            end=start + dt.timedelta(hours=1),
        )
        if status == "cancelled":
            booking.status, booking.cancelled_at = Booking.Status.CANCELLED, start
        if checked:
            booking.checked_in_at = start
        made.append(booking)
    Booking.objects.bulk_create(made)
    start = today + dt.timedelta(days=first)
    end = start + dt.timedelta(days=length)
    hub_ids = {
        "all": None,
        "one hub": [crowd["hubs"][0].pk],
        "both hubs": [h.pk for h in crowd["hubs"]],
        "organization": None,
    }[scope]
    org_id = orgs[0].pk if scope == "organization" else None
    assert_same(hub_ids, org_id, start, end)
    if hub_ids is not None:
        # The same hubs through every hub's packed columns (the large-scope path).
        small = engine.SMALL_SCOPE
        try:
            engine.SMALL_SCOPE = 0
            assert_same(hub_ids, org_id, start, end)
        finally:
            engine.SMALL_SCOPE = small
