"""Helpers for the sign-in tests: one-time codes from the mail outbox."""

import re

from django.core import mail


def last_code(to: str) -> str:
    """The one-time code in the newest message to ``to``."""
    for message in reversed(mail.outbox):
        if to in message.to:
            found = re.search(r"^\s*([A-Z0-9][A-Z0-9-]{3,12})\s*$", message.body, re.MULTILINE)
            if found:
                return found.group(1)
    raise AssertionError(f"no code mailed to {to}: {[m.subject for m in mail.outbox]}")


def past_booking(space, person, organization, day, start_hour, end_hour):
    """A confirmed booking on a past day, written directly: the booking action refuses
    times in the past. (Kept here rather than borrowed from insights' tests, which
    change with that app.)"""
    from conftest import at
    from hubro.bookings.models import Booking

    return Booking.objects.create(
        space=space,
        person=person,
        organization=organization,
        start=at(day, start_hour),
        end=at(day, end_hour),
    )
