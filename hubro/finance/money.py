"""Exact money arithmetic: NOK in øre, as ``Decimal`` with two places. No floats."""

from collections.abc import Sequence
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

from hubro.core.errors import Invalid

ORE = Decimal("0.01")
ZERO = Decimal("0.00")


def to_ore(value) -> Decimal:
    """``value`` as NOK rounded to whole øre (half up, as on an invoice)."""
    return Decimal(value).quantize(ORE, rounding=ROUND_HALF_UP)


def nok(value) -> str:
    """A decimal string with two places, as the API sends amounts: ``"1234.50"``."""
    return str(to_ore(value))


def allocate(total: Decimal, weights: Sequence) -> list[Decimal]:
    """Split ``total`` NOK over ``weights`` in proportion, in whole øre, so that the
    shares add up to ``total`` exactly.

    Every share is first rounded down to the øre; the øre left over (fewer than there
    are shares) then go one by one to the largest shares, largest first (ties in list
    order). So the remainder lands on the largest share, and equal weights never end
    more than one øre apart. When all weights are zero the total is split equally.
    Raises ``Invalid`` for a negative total, a negative weight or no weights at all."""
    total = Decimal(total)
    if total < 0:
        raise Invalid(_("Beløpet som skal fordeles kan ikke være negativt."), code="negative")
    if total != total.quantize(ORE):
        raise Invalid(_("Beløp kan ha høyst to desimaler (øre)."), code="too_many_decimals")
    weights = [Decimal(weight) for weight in weights]
    if not weights:
        if total == 0:
            return []
        raise Invalid(_("Det er ingen å fordele beløpet på."), code="no_participants")
    if any(weight < 0 for weight in weights):
        raise Invalid(_("En fordelingsnøkkel kan ikke være negativ."), code="negative")
    weight_sum = sum(weights)
    if weight_sum == 0:
        weights = [Decimal(1)] * len(weights)
        weight_sum = Decimal(len(weights))
    cents = int(total / ORE)
    exact = [Decimal(cents) * weight / weight_sum for weight in weights]
    floors = [int(value.to_integral_value(rounding=ROUND_DOWN)) for value in exact]
    leftover = cents - sum(floors)
    order = sorted(range(len(weights)), key=lambda i: (-exact[i], i))
    for i in order[:leftover]:
        floors[i] += 1
    return [Decimal(value) * ORE for value in floors]


def per_unit(amount: Decimal, units: int) -> Decimal | None:
    """``amount`` per unit (e.g. per person-day) to the øre, or None for no units."""
    if not units:
        return None
    return to_ore(Decimal(amount) / Decimal(units))
