"""Background work for events (Django's tasks framework; ids, never instances)."""

from django.tasks import task

from .notifications import send_invitation_email_now, send_registration_email_now


@task
def send_registration_email(registration_id: int, kind: str) -> bool:
    """Email a participant about ``kind`` (promoted, event_cancelled) in their
    language."""
    return send_registration_email_now(registration_id, kind)


@task
def send_guest_link(event_id: int, name: str, email: str, token: str, language: str) -> bool:
    """E-mail a guest the link that confirms their address and holds their place."""
    from .guest_mail import send_guest_link_now

    return send_guest_link_now(event_id, name, email, token, language)


@task
def send_invitation_email(invitation_id: int) -> bool:
    """E-mail an invitee the invitation, with the event as .ics, in their language."""
    return send_invitation_email_now(invitation_id)
