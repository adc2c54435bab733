"""Suppression of small counts of people, for viewers without person-level rights.

Primary suppression hides every figure that rests on fewer than ``threshold()``
distinct people (it shows as "<5"). Complementary suppression then hides more figures
in each table that has a total, until the hidden parts of the table together rest on at
least ``threshold()`` people, so that subtracting the shown parts from the total cannot
give back a hidden value."""

from django.conf import settings

from hubro.config import env_int

# Read once at import; tests and deployments may also set it in Django settings.
DEFAULT_THRESHOLD = env_int("HUBRO_PRIVACY_THRESHOLD", 5, minimum=1)

PRIMARY = "below_threshold"
COMPLEMENTARY = "complementary"


def threshold() -> int:
    """The smallest number of people a shown figure may rest on."""
    return int(getattr(settings, "HUBRO_PRIVACY_THRESHOLD", DEFAULT_THRESHOLD))


def _people(figure) -> int:
    return figure.people if figure.people is not None else 0


def suppress(figures: list, groups: list[tuple[str, list[str]]], n: int | None = None) -> None:
    """Mark figures suppressed in place. ``groups`` are (total key, part keys): tables
    whose parts add up to (or are bounded by) the total."""
    n = threshold() if n is None else n
    by_key = {figure.key: figure for figure in figures}
    for figure in figures:
        if figure.people is not None and 0 < figure.people < n:
            figure.suppressed, figure.reason = True, PRIMARY
    changed = True
    while changed:
        changed = False
        for figure in figures:
            if not figure.suppressed and any(
                by_key[key].suppressed for key in figure.depends_on if key in by_key
            ):
                figure.suppressed, figure.reason = True, COMPLEMENTARY
                changed = True
        for total_key, part_keys in groups:
            parts = [by_key[key] for key in part_keys if key in by_key]
            hidden = [part for part in parts if part.suppressed]
            if not hidden:
                continue
            total = by_key.get(total_key)
            if total is not None and total.suppressed:
                continue
            hidden_people = sum(_people(part) for part in hidden)
            hidden_value = sum(part.value or 0 for part in hidden)
            if hidden_people >= n and hidden_value >= n:
                continue
            shown = sorted(
                (part for part in parts if not part.suppressed and (part.value or 0) > 0),
                key=lambda part: (part.value or 0, part.key),
            )
            if shown:
                shown[0].suppressed, shown[0].reason = True, COMPLEMENTARY
            elif total is not None:
                total.suppressed, total.reason = True, COMPLEMENTARY
            else:
                continue
            changed = True
    for figure in figures:
        if figure.suppressed:
            figure.value = None


# --- Cell-key perturbation -----------------------------------------------------------------

# Counts of people (or of what people make: person-days, organizations present, days
# with several sectors) get the noise; money, hours and counts of events do not.
PERTURBED_UNITS = frozenset({"people", "person_days", "organizations", "days"})
NOISE = (-2, -1, 0, 1, 2)


def _cell_table(figure) -> tuple[int, tuple[int, ...]]:
    """(offset, permutation of NOISE) for what a cell measures: a keyed hash of its unit
    (person-days, people, organizations, days). The same measure shares one table, so
    that a scope's figure, the same figure in a wider scope's table (a hub's row in a
    region) and a sector's part all carry the same noise for the same count, and no two
    readings of one quantity can be played against each other."""
    import hashlib
    import hmac
    import random

    digest = hmac.new(
        ("hubro-cell-key:" + settings.SECRET_KEY).encode(), figure.unit.encode(), hashlib.sha256
    ).digest()
    order = list(NOISE)
    random.Random(digest).shuffle(order)
    return digest[0] % len(NOISE), tuple(order)


def noise(figure, value: int) -> int:
    """The noise of a count ``value`` of the cell's measure. It depends on the measure
    and the value alone, so asking again (for another period or scope with the same
    count) gives the same answer. Five consecutive counts always get five different
    noises, so that the difference of two published counts is never the difference of
    the exact counts when that is 1 to 4 (what one hub's day of fewer than five people
    can be)."""
    offset, order = _cell_table(figure)
    return order[(value + offset) % len(NOISE)]


def perturb(figures: list, scope=None) -> None:
    """Add the cell-key noise to the shown counts, in place, for viewers without
    person-level rights. Zero stays zero (no one is behind it); a shown count of people
    never goes below the threshold (it would read as a hidden one), any other below
    one. Ratios are rounded to whole percentages."""
    n = threshold()
    for figure in figures:
        if figure.suppressed or figure.value is None:
            continue
        if figure.unit == "ratio":
            figure.value = round(float(figure.value), 2)
        elif figure.unit in PERTURBED_UNITS and figure.value:
            value = int(figure.value)
            floor = n if figure.people is not None and value >= n else 1
            figure.value = max(floor, value + noise(figure, value))
