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
