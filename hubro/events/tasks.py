"""Background work for events (Django's tasks framework; ids, never instances)."""

from django.tasks import task

from .notifications import send_registration_email_now


@task
def send_registration_email(registration_id: int, kind: str) -> bool:
    """Email a participant about ``kind`` (promoted, event_cancelled) in their
    language."""
    return send_registration_email_now(registration_id, kind)
