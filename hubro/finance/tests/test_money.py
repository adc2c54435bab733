"""Money is split in whole øre, exactly, with the remainder on the largest shares."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hubro.core.errors import Invalid
from hubro.finance.money import allocate, per_unit, to_ore


def test_it_gives_the_remainder_to_the_largest_share():
    assert allocate(Decimal("100000.00"), [1, 2, 4, 0]) == [
        Decimal("14285.71"),
        Decimal("28571.43"),
        Decimal("57142.86"),
        Decimal("0.00"),
    ]


def test_equal_weights_differ_by_at_most_one_ore():
    shares = allocate(Decimal("1.00"), [1] * 7)
    assert sum(shares) == Decimal("1.00")
    assert max(shares) - min(shares) == Decimal("0.01")


def test_all_zero_weights_split_equally():
    assert allocate(Decimal("10.00"), [0, 0]) == [Decimal("5.00"), Decimal("5.00")]


@pytest.mark.parametrize(
    ("total", "weights", "code"),
    [
        (Decimal("-1.00"), [1], "negative"),
        (Decimal("1.00"), [1, -1], "negative"),
        (Decimal("1.001"), [1], "too_many_decimals"),
        (Decimal("1.00"), [], "no_participants"),
    ],
)
def test_it_refuses_bad_input(total, weights, code):
    with pytest.raises(Invalid) as caught:
        allocate(total, weights)
    assert caught.value.code == code


def test_rounding_helpers_are_exact():
    assert to_ore("0.005") == Decimal("0.01")
    assert per_unit(Decimal("28571.43"), 2) == Decimal("14285.72")
    assert per_unit(Decimal("5.00"), 0) is None


totals = st.integers(min_value=0, max_value=10**12).map(lambda ore: Decimal(ore) / 100)
weights = st.lists(
    st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False),
    min_size=1,
    max_size=40,
)


@settings(max_examples=500, deadline=None)
@given(total=totals, weights=weights)
def test_shares_always_add_up_and_are_never_negative(total, weights):
    shares = allocate(total, weights)
    assert sum(shares) == total
    assert all(share >= 0 for share in shares)
    assert all(share == share.quantize(Decimal("0.01")) for share in shares)
    assert len(shares) == len(weights)


@settings(max_examples=500, deadline=None)
@given(
    total=totals,
    weights=weights,
    equal=st.decimals(min_value=0, max_value=10**6, places=2),
    copies=st.integers(min_value=2, max_value=12),
)
def test_equal_inputs_give_equal_shares_within_one_ore(total, weights, equal, copies):
    shares = allocate(total, [*weights, *([equal] * copies)])
    twins = shares[len(weights) :]
    assert max(twins) - min(twins) <= Decimal("0.01")


def test_a_spread_cost_line_counts_its_parts_in_its_own_years_only():
    from hubro.finance.models import CostLine

    line = CostLine(year=2024, planned=Decimal("100000.00"), spread_years=3)
    assert [line.part_in(year) for year in (2023, 2024, 2025, 2026, 2027)] == [
        Decimal("0.00"),
        Decimal("33333.34"),
        Decimal("33333.33"),
        Decimal("33333.33"),
        Decimal("0.00"),
    ]
    assert sum(line.parts()) == line.counted
