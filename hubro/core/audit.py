"""The audit log's one writer. Every action calls ``record`` inside its transaction,
so an entry exists exactly when the write it describes was committed."""

from hubro.core.models import AuditEntry


def record(actor, action: str, obj, *, hub=None, changes: dict | None = None) -> AuditEntry:
    """Append an entry: ``actor`` did ``action`` (e.g. ``booking.create``) to ``obj``."""
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        actor_label=getattr(actor, "email", "") or "system",
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        hub=hub,
        changes=changes or {},
    )
