"""Background work for the follow-up (Django tasks; ids, never model instances)."""

from django.tasks import task

from .notifications import send_request_answered_now, send_request_made_now


@task
def notify_request_made(request_id: int) -> int:
    """E-mail the people of a new request's addressee, each in their language."""
    return send_request_made_now(request_id)


@task
def notify_request_answered(request_id: int) -> bool:
    """E-mail a request's author the reply, in the author's language."""
    return send_request_answered_now(request_id)
