"""Suppression that survives differencing (issue 12): hypothesis builds small worlds of
a few people at two hubs of one region over four days, makes every request a member may
make (every period within the four days, at both hubs, the region and all hubs), and
attacks the answers as linear equations over the person-days of each hub, day and
sector. No suppressed value of one to four person-days (what a hub's day of fewer than
five people can hold) may come back exactly from the difference of two answers (or be
shown under another label). Solving all shown answers together is the second attack:
there several noises can cancel, which PostgreSQL's run found once; it is marked as
the known limit in docs/privacy.md until the method covers it."""

import datetime as dt
import itertools
from fractions import Fraction

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import at, make_person
from hubro.bookings.models import Booking
from hubro.core.models import Region
from hubro.insights.indicators import compute
from hubro.spaces.models import Hub, OpeningHours, Space

pytestmark = pytest.mark.django_db
PEOPLE = 6
DAYS = 4
SECTORS = ("state", "municipal")

worlds = st.tuples(
    st.lists(st.sampled_from([0, 1]), min_size=PEOPLE, max_size=PEOPLE),  # sector per person
    st.sets(
        st.tuples(
            st.integers(0, PEOPLE - 1), st.integers(0, 1), st.integers(0, DAYS - 1)
        ),  # (person, hub, day) present
        min_size=1,
        max_size=18,
    ),
)


def _first_day() -> dt.date:
    """Monday of next week: days that are read live from the bookings."""
    today = timezone.localdate()
    return today + dt.timedelta(days=7 - today.weekday())


def _row(key, scope_hubs, period, atoms):
    """The atoms (hub, day, sector) a figure adds up, or None for another figure."""
    first, last = period
    days = range(first, last + 1)
    kind, _sep, rest = key.partition(".")
    if kind == "person_days" and not rest:
        chosen = [(h, d, s) for h in scope_hubs for d in days for s in range(2)]
    elif kind == "person_days" and rest in SECTORS:
        chosen = [(h, d, SECTORS.index(rest)) for h in scope_hubs for d in days]
    elif kind == "weekday":
        weekday = int(rest)  # ISO weekday; day n of the window is weekday n + 1
        chosen = [(h, weekday - 1, s) for h in scope_hubs for s in range(2) if weekday - 1 in days]
    elif kind == "hub_person_days":
        hub = {"testlab": 0, "annenhub": 1}.get(rest)
        if hub is None or hub not in scope_hubs:
            return None
        chosen = [(hub, d, s) for d in days for s in range(2)]
    else:
        return None
    return tuple(1 if atom in chosen else 0 for atom in atoms)


def _solve(equations, target):
    """Reduce ``target`` against the shown equations (exact rational elimination,
    published values carried along); the derived value when the target lies in their
    span, else None."""
    basis = []  # (pivot, row, value)
    for row, value in equations:
        row, value = [Fraction(x) for x in row], Fraction(value)
        for pivot, brow, bvalue in basis:
            if row[pivot]:
                factor = row[pivot]
                row = [a - factor * b for a, b in zip(row, brow, strict=True)]
                value -= factor * bvalue
        pivot = next((i for i, x in enumerate(row) if x), None)
        if pivot is None:
            continue  # dependent (and, with noise, most likely inconsistent)
        scale = row[pivot]
        row, value = [x / scale for x in row], value / scale
        new = []
        for p, brow, bvalue in basis:
            if brow[pivot]:
                factor = brow[pivot]
                brow = [a - factor * b for a, b in zip(brow, row, strict=True)]
                bvalue -= factor * value
            new.append((p, brow, bvalue))
        basis = [*new, (pivot, row, value)]
    row, value = [Fraction(x) for x in target], Fraction(0)
    for pivot, brow, bvalue in basis:
        if row[pivot]:
            factor = row[pivot]
            row = [a - factor * b for a, b in zip(row, brow, strict=True)]
            value += factor * bvalue
    return value if not any(row) else None


@pytest.mark.parametrize(
    "attack",
    [
        "difference",
        pytest.param(
            "solve",
            marks=pytest.mark.xfail(
                reason="known limit (docs/privacy.md): several answers' noises can cancel",
                strict=False,
            ),
        ),
    ],
)
@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(world=worlds)
def test_no_request_a_member_may_make_gives_back_a_hidden_value(
    attack, world, hub, desk, nav, lyngdal, lyngdal_kommune, ola
):
    sectors, present = world
    with transaction.atomic():
        region = Region.objects.create(slug="diff-region", name="Differanse")
        region.municipalities.add(lyngdal)
        hub.region = region
        hub.save()
        other = Hub.objects.create(
            name="Annenhub", slug="annenhub", municipality=lyngdal, region=region,
            host_organization=lyngdal_kommune,
        )  # fmt: skip
        OpeningHours.objects.bulk_create(
            OpeningHours(hub=other, weekday=d, opens=dt.time(7), closes=dt.time(18))
            for d in range(7)
        )
        desks = [desk, Space.objects.create(hub=other, name="Pult", kind=Space.Kind.DESK)]
        orgs = {0: nav, 1: lyngdal_kommune}
        people = [
            make_person(f"diff{n}@test.no", orgs[sectors[n]], name=f"Diff {n}")
            for n in range(PEOPLE)
        ]
        first = _first_day()
        for person, hub_index, day in sorted(present):
            when = first + dt.timedelta(days=day)
            Booking.objects.create(
                space=desks[hub_index],
                person=people[person],
                organization=orgs[sectors[person]],
                start=at(when, 7 + person),
                end=at(when, 8 + person),
            )
        atoms = [(h, d, s) for h in range(2) for d in range(DAYS) for s in range(2)]
        truth = {atom: 0 for atom in atoms}
        for person, hub_index, day in present:
            truth[(hub_index, day, sectors[person])] += 1

        scopes = {"hub:testlab": (0,), "hub:annenhub": (1,), "region:diff-region": (0, 1)}
        scopes["all"] = (0, 1)
        shown, hidden = [], []
        for (scope, hubs), (a, b) in itertools.product(
            scopes.items(), itertools.combinations_with_replacement(range(DAYS), 2)
        ):
            start, end = first + dt.timedelta(days=a), first + dt.timedelta(days=b)
            for figure in compute(scope, start, end, viewer=ola, compare=False):
                row = _row(figure.key, hubs, (a, b), atoms)
                if row is None:
                    continue
                exact = sum(truth[atom] for atom, bit in zip(atoms, row, strict=True) if bit)
                if figure.suppressed:
                    hidden.append((row, exact, (scope, a, b, figure.key)))
                else:
                    shown.append((row, figure.value))
        transaction.set_rollback(True)

    targets = [(row, exact, what) for row, exact, what in hidden if 1 <= exact <= 4]
    by_row = {}
    for row, value in shown:
        by_row.setdefault(row, set()).add(value)
    for row, exact, what in targets:
        # The same cell shown elsewhere (another figure adding up the same atoms).
        assert exact not in by_row.get(row, set()), what
        # Two answers whose difference is the hidden cell.
        for row1, values1 in by_row.items():
            row2 = tuple(x - y for x, y in zip(row1, row, strict=True))
            for value1, value2 in itertools.product(values1, by_row.get(row2, ())):
                assert value1 - value2 != exact, (what, value1, value2)
        if attack == "solve":
            # All shown answers solved together.
            derived = _solve(shown, row)
            assert derived is None or derived != exact, (what, derived)
