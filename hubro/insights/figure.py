"""One indicator value, as every page, export and the API carry it."""

from dataclasses import asdict, dataclass, field

from .privacy import PRIMARY


@dataclass
class Figure:
    """One number. ``value`` is None when ``suppressed``; ``people`` (how many distinct
    people the number rests on) is internal and never shown."""

    key: str
    label: str
    goal: int | None
    unit: str
    value: float | int | None
    suppressed: bool = False
    table: str = ""
    dims: dict = field(default_factory=dict)
    previous: float | int | None = None
    previous_suppressed: bool = False
    reason: str = ""
    previous_reason: str = ""
    people: int | None = field(default=None, repr=False)
    depends_on: tuple = field(default=(), repr=False)

    @property
    def display(self) -> str:
        return display(self.value, self.unit, self.suppressed, self.reason)

    @property
    def previous_display(self) -> str:
        return display(self.previous, self.unit, self.previous_suppressed, self.previous_reason)

    def public(self) -> dict:
        data = asdict(self)
        for internal in ("people", "depends_on", "dims", "reason", "previous_reason"):
            data.pop(internal)
        return data


def display(value, unit: str, suppressed: bool, reason: str = "") -> str:
    from django.utils.formats import number_format

    from .privacy import threshold

    if suppressed:
        return f"<{threshold()}" if reason == PRIMARY else "–"
    if value is None:
        return ""
    if unit == "ratio":
        return f"{number_format(value * 100, 1)} %"
    return number_format(value, 0, force_grouping=True)
