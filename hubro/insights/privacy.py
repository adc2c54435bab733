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
