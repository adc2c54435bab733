"""Changes between two snapshots: units that are new, closed (gone from the register,
or given a nedleggelsesdato), moved to another municipality, or resized.

A unit is resized when its registered employee count changed by more than the
threshold – a percentage of the earlier count (20 by default, the setting
``HUBRO_REGISTRY_RESIZE_PERCENT`` or ``--resize-threshold``) – and by at least
``MIN_RESIZE`` people, so that 1 -> 2 is not news. A unit with no count registered on
either side is never resized."""

from django.conf import settings

from hubro.core.errors import Invalid

from .models import Change, Snapshot, Unit

DEFAULT_RESIZE_PERCENT = 20.0
MIN_RESIZE = 2

_FIELDS = (
    "orgnr",
    "name",
    "sector",
    "agency_orgnr",
    "agency_name",
    "municipality_number",
    "employees",
    "closed_on",
)


def resize_threshold(value: float | None = None) -> float:
    if value is None:
        value = getattr(settings, "HUBRO_REGISTRY_RESIZE_PERCENT", DEFAULT_RESIZE_PERCENT)
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise Invalid("the resize threshold must be a number", code="invalid_threshold") from None
    if value <= 0:
        raise Invalid("the resize threshold must be above 0", code="invalid_threshold")
    return value


def _rows(snapshot) -> dict[str, tuple]:
    return {row[0]: row for row in Unit.objects.filter(snapshot=snapshot).values_list(*_FIELDS)}


def is_resized(before: int | None, after: int | None, threshold: float) -> bool:
    if before is None or after is None:
        return False
    difference = abs(after - before)
    if difference < MIN_RESIZE:
        return False
    if before == 0:
        return True
    return difference * 100.0 > threshold * before


def recompute_changes(snapshot: Snapshot, *, threshold: float | None = None) -> list[Change]:
    """Replace ``snapshot``'s changes by a fresh comparison with the snapshot before it
    (none for the first). Returns the changes."""
    threshold = resize_threshold(threshold)
    Change.objects.filter(snapshot=snapshot).delete()
    previous = Snapshot.objects.filter(date__lt=snapshot.date).order_by("-date").first()
    if previous is None:
        return []
    before = _rows(previous)
    after = _rows(snapshot)
    changes = []

    def add(kind, row, *, date=None, b=None, a=None):
        changes.append(
            Change(
                snapshot=snapshot,
                previous=previous,
                date=date or snapshot.date,
                kind=kind,
                orgnr=row[0],
                name=row[1],
                sector=row[2],
                agency_orgnr=row[3],
                agency_name=row[4],
                municipality_before=b[5] if b else "",
                municipality_after=a[5] if a else "",
                employees_before=b[6] if b else None,
                employees_after=a[6] if a else None,
            )
        )

    for orgnr, a in after.items():
        b = before.get(orgnr)
        b_active = b is not None and b[7] is None
        a_active = a[7] is None
        if not b_active:
            if a_active:
                add(Change.Kind.NEW, a, a=a)
            continue
        if not a_active:
            add(Change.Kind.CLOSED, a, date=a[7], b=b, a=a)
            continue
        if a[5] != b[5]:
            add(Change.Kind.MOVED, a, b=b, a=a)
        if is_resized(b[6], a[6], threshold):
            add(Change.Kind.RESIZED, a, b=b, a=a)
    for orgnr, b in before.items():
        if orgnr not in after and b[7] is None:
            add(Change.Kind.CLOSED, b, b=b)
    Change.objects.bulk_create(changes, batch_size=2000)
    return changes
