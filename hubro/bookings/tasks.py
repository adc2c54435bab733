"""Background work for bookings, run by Django's tasks framework: at once in the demo
and the tests (ImmediateBackend), by ``hubro db_worker`` in production. Tasks take ids
and ISO timestamps, never model instances."""

import datetime as dt

from django.tasks import task

from .checkin import release_no_shows
from .notifications import mark_reminders_due, send_booking_email_now


def _moment(now: str | None) -> dt.datetime | None:
    if not now:
        return None
    moment = dt.datetime.fromisoformat(now)
    if moment.tzinfo is None:
        raise ValueError("now must carry a UTC offset")
    return moment


@task
def send_booking_email(booking_id: int, event: str) -> bool:
    """Email the booking's person about ``event`` (created, cancelled, released,
    reminder) in their language, with an .ics attachment."""
    return send_booking_email_now(booking_id, event)


@task
def release_no_shows_task(now: str | None = None) -> list[int]:
    """Release the no-shows of every hub that releases them; returns their ids.
    ``now`` (ISO 8601 with offset) is for catching up and for tests."""
    return release_no_shows(now=_moment(now))


@task
def send_reminders_task(now: str | None = None) -> list[int]:
    """Queue a reminder for every confirmed booking that starts tomorrow and has had
    none; returns their ids."""
    return mark_reminders_due(now=_moment(now))
