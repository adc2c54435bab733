"""Rate limits of the public guest sign-up (django-ratelimit's counters in the default
cache, shared by every app server when that is Redis): per client address, and per
e-mail address so that nobody can make Hubro mail one address without end."""

from django.conf import settings
from django_ratelimit.core import get_usage

from hubro.ops.addresses import client_address

LINKS_PER_EMAIL_PER_HOUR = 3


def guest_rate_limited(request, email: str) -> int:
    """Seconds to wait before this sign-up may send a link, or 0. Counts the attempt."""
    limits = [
        (
            "guest-address",
            lambda group, r: client_address(r),
            settings.HUBRO_GUEST_SIGNUPS_PER_HOUR,
        ),
        ("guest-email", lambda group, r: email.strip().lower(), LINKS_PER_EMAIL_PER_HOUR),
    ]
    for group, key, per_hour in limits:
        if not per_hour:
            continue
        usage = get_usage(request, group=group, key=key, rate=f"{per_hour}/h", increment=True)
        if usage and usage["should_limit"]:
            return max(1, usage["time_left"])
    return 0
