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


def record_event(
    actor,
    action: str,
    *,
    object_type: str,
    object_id: str = "",
    object_repr: str = "",
    changes: dict | None = None,
) -> AuditEntry:
    """Append an entry about something that is not a stored object, such as a failed
    sign-in for an address no account has (which is not stored: it may be a typo)."""
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        actor_label=getattr(actor, "email", "") or "system",
        action=action,
        object_type=object_type,
        object_id=object_id,
        object_repr=object_repr[:300],
        changes=changes or {},
    )
