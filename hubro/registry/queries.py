"""Reads from the workplace register."""


def employees_by_organization(region, orgnrs) -> dict[str, int]:
    """Registered employees in ``region``'s municipalities per organization number, for
    the organizations in ``orgnrs`` (a unit counts for its top agency). Organizations
    with no units in the register are absent from the result.

    The finance app's employee key reads this. Until a register snapshot is imported
    the result is empty, and the finance app falls back to hand-entered numbers."""
    return {}


def state_units_in_region(region) -> list[dict]:
    """The state units in ``region`` from the latest register snapshot, with their
    registered contact details, for an event's invitation list: dicts with ``orgnr``,
    ``name``, ``agency`` (name), ``municipality`` (name), ``email``, ``phone``
    (empty strings when not registered). Empty until a snapshot is imported."""
    return []
