"""Session rules: an idle timeout, and a second factor for those who must have one."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .policy import needs_second_factor

SEEN_KEY = "hubro_seen"
# Write the session at most once a minute for the idle clock: a write per request would
# make every page view queue for SQLite's single write lock.
SEEN_RESOLUTION = 60


class IdleTimeoutMiddleware:
    """Signs a person out after HUBRO_SESSION_IDLE_MINUTES without a request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and hasattr(request, "session"):
            now = int(time.time())
            seen = request.session.get(SEEN_KEY)
            if seen is not None and now - seen > settings.HUBRO_SESSION_IDLE_MINUTES * 60:
                logout(request)
                messages.info(
                    request,
                    _("Du ble logget ut etter %(minutes)s minutter uten aktivitet.")
                    % {"minutes": settings.HUBRO_SESSION_IDLE_MINUTES},
                )
                if request.path.startswith("/api/"):
                    return self.get_response(request)
                return redirect(f"{reverse('login')}?next={request.get_full_path()}")
            if seen is None or now - seen >= SEEN_RESOLUTION:
                request.session[SEEN_KEY] = now
        return self.get_response(request)


# Pages a person who must set up a second factor may still open.
_OPEN_PREFIXES = ("/static/", "/konto/2fa/", "/konto/reauthenticate/", "/favicon")
_OPEN_NAMES = ("logout", "account_logout", "set_language", "accounts:second_factor_required")


class SecondFactorRequiredMiddleware:
    """A person who must have a second factor and has none is sent to set one up
    before any other page opens (the API answers with tokens, not sessions)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            settings.HUBRO_MFA_REQUIRED != "none"
            and user is not None
            and user.is_authenticated
            and not request.path.startswith(_OPEN_PREFIXES)
            and not request.path.startswith("/api/")
            and request.path not in {reverse(name) for name in _OPEN_NAMES}
            and needs_second_factor(user)
        ):
            return redirect("accounts:second_factor_required")
        return self.get_response(request)
