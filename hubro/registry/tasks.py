"""Background work for the register (Django tasks; ids, never model instances)."""

from django.tasks import task

from .notifications import send_alert_now


@task
def send_registry_alert(subscription_id: int, change_ids: list[int]) -> bool:
    """Email a subscriber about state units in their area that closed, moved away or
    shrank markedly, in the subscriber's language."""
    return send_alert_now(subscription_id, change_ids)
