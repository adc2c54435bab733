"""A hub's spaces: create, edit, deactivate, reorder; capacity and features."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from hubro.core.audit import record
from hubro.core.errors import Invalid
from hubro.spaces.models import Space, SpaceFeature

MAX_CAPACITY = 1000


def _check(hub, *, name: str, kind: str, capacity, features, space=None):
    name = " ".join((name or "").split())
    if not name:
        raise Invalid(_("Rommet må ha et navn."), code="name_required", field="name")
    if kind not in Space.Kind.values:
        raise Invalid(_("Velg en type rom."), code="invalid_kind", field="kind")
    if not isinstance(capacity, int) or isinstance(capacity, bool):
        raise Invalid(
            _("Kapasiteten må være et helt tall."), code="invalid_capacity", field="capacity"
        )
    if not 1 <= capacity <= MAX_CAPACITY:
        raise Invalid(
            _("Kapasiteten må være mellom 1 og %(max)s.") % {"max": MAX_CAPACITY},
            code="invalid_capacity",
            field="capacity",
        )
    features = list(dict.fromkeys(features or ()))
    unknown = [code for code in features if code not in SpaceFeature.Feature.values]
    if unknown:
        raise Invalid(_("Ukjent utstyr."), code="invalid_feature", field="features")
    taken = Space.objects.filter(hub=hub, name__iexact=name)
    if space is not None:
        taken = taken.exclude(pk=space.pk)
    if taken.exists():
        raise Invalid(
            _("Huben har allerede et rom med det navnet."), code="name_taken", field="name"
        )
    return name, features


def _set_features(space: Space, features: list[str]) -> None:
    space.features.exclude(feature__in=features).delete()
    have = set(space.features.values_list("feature", flat=True))
    SpaceFeature.objects.bulk_create(
        SpaceFeature(space=space, feature=code) for code in features if code not in have
    )


def create_space(
    hub, *, name: str, kind: str, capacity: int = 1, description: str = "", features=(), actor
) -> Space:
    """Add a bookable space to the hub, last in its kind's order. Raises ``Invalid``:
    ``name_required``, ``name_taken``, ``invalid_kind``, ``invalid_capacity``,
    ``invalid_feature``. Audited as ``space.create``."""
    name, features = _check(hub, name=name, kind=kind, capacity=capacity, features=features)
    try:
        with transaction.atomic():
            last = (
                Space.objects.filter(hub=hub, kind=kind)
                .order_by("-position")
                .values_list("position", flat=True)
                .first()
            )
            space = Space.objects.create(
                hub=hub,
                name=name,
                kind=kind,
                capacity=capacity,
                description=(description or "").strip(),
                position=(last + 1) if last is not None else 0,
            )
            _set_features(space, features)
            record(
                actor,
                "space.create",
                space,
                hub=hub,
                changes={"kind": kind, "capacity": capacity, "features": features},
            )
    except IntegrityError:
        raise Invalid(
            _("Huben har allerede et rom med det navnet."), code="name_taken", field="name"
        ) from None
    return space


def update_space(
    space: Space, *, name: str, kind: str, capacity: int, description: str = "", features=(), actor
) -> Space:
    """Change a space's name, kind, capacity, description and features. Bookings stay.
    Audited as ``space.update``."""
    name, features = _check(
        space.hub, name=name, kind=kind, capacity=capacity, features=features, space=space
    )
    try:
        with transaction.atomic():
            before = {
                "name": space.name,
                "kind": space.kind,
                "capacity": space.capacity,
                "features": space.feature_codes,
            }
            space.name, space.kind, space.capacity = name, kind, capacity
            space.description = (description or "").strip()
            space.save(update_fields=["name", "kind", "capacity", "description"])
            _set_features(space, features)
            after = {"name": name, "kind": kind, "capacity": capacity, "features": features}
            record(
                actor,
                "space.update",
                space,
                hub=space.hub,
                changes={k: [before[k], after[k]] for k in after if before[k] != after[k]},
            )
    except IntegrityError:
        raise Invalid(
            _("Huben har allerede et rom med det navnet."), code="name_taken", field="name"
        ) from None
    return space


def set_space_active(space: Space, active: bool, *, actor) -> Space:
    """Deactivate a space (it can no longer be booked; its bookings and history stay)
    or make it bookable again. Audited as ``space.update``."""
    if space.is_active == bool(active):
        return space
    with transaction.atomic():
        space.is_active = bool(active)
        space.save(update_fields=["is_active"])
        record(actor, "space.update", space, hub=space.hub, changes={"is_active": space.is_active})
    return space


def move_space(space: Space, direction: str, *, actor) -> bool:
    """Move a space one place up or down among the spaces of its kind in the hub (the
    order of the day view and the lists). False when it is already first or last."""
    if direction not in ("up", "down"):
        raise Invalid(_("Ukjent retning."), code="invalid_direction")
    with transaction.atomic():
        siblings = list(
            Space.objects.select_for_update()
            .filter(hub_id=space.hub_id, kind=space.kind)
            .order_by("position", "name", "pk")
        )
        index = next(i for i, other in enumerate(siblings) if other.pk == space.pk)
        target = index - 1 if direction == "up" else index + 1
        if not 0 <= target < len(siblings):
            return False
        siblings[index], siblings[target] = siblings[target], siblings[index]
        for position, other in enumerate(siblings):
            if other.position != position:
                other.position = position
                other.save(update_fields=["position"])
        record(actor, "space.update", space, hub=space.hub, changes={"moved": direction})
    return True
