"""Hubro's one settings module. Everything a deployment changes comes from the
environment (see docs/configuration.md); the defaults run the embedded demo."""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from hubro.config import (
    ConfigError,
    env_bool,
    env_cache,
    env_database,
    env_int,
    env_list,
    env_secret_key,
    env_str,
    env_timezone,
)

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent
# ./var of the checkout; for an installed wheel, ./var of the working directory.
_DEFAULT_VAR = PROJECT_DIR / "var" if (PROJECT_DIR / "pyproject.toml").exists() else Path("var")
VAR_DIR = Path(env_str("HUBRO_VAR_DIR", str(_DEFAULT_VAR))).resolve()
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("HUBRO_DEBUG", False)

# --- Security (issue 16; docs/production.md#security) --------------------------------
# No secret key and DEBUG off is refused at start (hubro.config.env_secret_key).
SECRET_KEY = env_secret_key(
    debug=DEBUG, development_key="hubro-insecure-development-key-do-not-use-in-production"
)
# HUBRO_HTTPS=true: the site is served over TLS (usually by a proxy in front). It turns
# on the HTTPS redirect, HSTS and Secure cookies; each can be set on its own as well.
HTTPS = env_bool("HUBRO_HTTPS", False)
SECURE_SSL_REDIRECT = env_bool("HUBRO_SSL_REDIRECT", HTTPS)
# The health checks answer over plain HTTP too (load balancers, systemd, monitoring):
# hubro.ops.middleware.HealthCheckMiddleware serves them before the redirect.
SECURE_HSTS_SECONDS = env_int("HUBRO_HSTS_SECONDS", 31_536_000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HUBRO_HSTS_INCLUDE_SUBDOMAINS", HTTPS)
SECURE_HSTS_PRELOAD = env_bool("HUBRO_HSTS_PRELOAD", HTTPS)
# Behind a TLS-terminating proxy, which header says the original request was HTTPS.
# Set it only when the proxy always sets (and never passes on) that header.
_proxy_header = env_str("HUBRO_PROXY_SSL_HEADER", "")
if _proxy_header:
    _header, _sep, _value = _proxy_header.partition("=")
    if not _header.strip() or not _value.strip():
        raise ConfigError(
            "HUBRO_PROXY_SSL_HEADER", "expected HEADER=value, e.g. X-Forwarded-Proto=https"
        )
    SECURE_PROXY_SSL_HEADER = (
        "HTTP_" + _header.strip().upper().replace("-", "_"),
        _value.strip(),
    )
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Django's Content Security Policy: scripts only from our own static files, never
# inline (no <script> bodies, no on…= attributes). Styles allow inline style
# attributes, which templates use for computed sizes (the day timeline's columns).
from django.utils.csp import CSP  # noqa: E402

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# --- end of security -------------------------------------------------------------------

ALLOWED_HOSTS = env_list("HUBRO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("HUBRO_CSRF_TRUSTED_ORIGINS", [])
# How far ahead anyone may book where a hub's rules set no limit of their own.
HUBRO_BOOKING_HORIZON_DAYS = env_int("HUBRO_BOOKING_HORIZON_DAYS", 730, minimum=1)
# Empty: links in e-mails and calendars use the address each request came to
# (hubro.core.links). Set it in production, where timers send e-mail outside requests.
HUBRO_BASE_URL = env_str("HUBRO_BASE_URL", "").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_tasks_db",
    "ninja",  # serves the API docs' Swagger UI from our static files, not a CDN
    "hubro.core",
    "hubro.spaces",
    "hubro.bookings",
    "hubro.community",
    "hubro.events",
    "hubro.insights",
    "hubro.finance",
    "hubro.registry",
    "hubro.programme",
    "hubro.followup",
    "hubro.handbook",
    "hubro.hosting",
    "hubro.positions",  # issue 17b
    "hubro.surveys",  # issue 17b
    "hubro.api",
    "hubro.ops",
]

MIDDLEWARE = [
    "hubro.ops.middleware.RequestIdMiddleware",  # issue 16: first, so every log line has it
    "hubro.ops.metrics.MetricsMiddleware",
    "hubro.ops.middleware.HealthCheckMiddleware",  # before the host check and redirect
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "hubro.core.middleware.HubroLocaleMiddleware",
    "hubro.core.links.RequestBaseMiddleware",  # issue 15: links to where the request came
    "hubro.core.middleware.FriendlyMethodNotAllowedMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "hubro.api.guard.ApiGuardMiddleware",  # issue 16: rate limit, 413/503 as JSON
]

ROOT_URLCONF = "hubro.urls"
WSGI_APPLICATION = "hubro.wsgi.application"
ASGI_APPLICATION = "hubro.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hubro.core.navigation.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": env_database(
        "DATABASE_URL", VAR_DIR, busy_timeout_s=env_int("HUBRO_SQLITE_BUSY_TIMEOUT", 20)
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Sign-in and accounts (issue 13) ------------------------------------------------
# django-allauth does the signing in: password, a one-time code by e-mail, single
# sign-on through OpenID Connect, second factors (TOTP, passkeys, recovery codes), rate
# limits and the list of one's sessions. hubro.accounts adapts it to Hubro: who may
# join, memberships from the identity provider's claims, the audit log, GDPR pages.
AUTH_USER_MODEL = "core.Person"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "spaces:hub_list"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # The Django admin's own login form and the test client's login().
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
INSTALLED_APPS += [
    # First, so that its templates (Designsystemet) override allauth's own.
    "hubro.accounts",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.mfa",
    "allauth.usersessions",
    # allauth's list of sessions shows "3 minutes ago" with it.
    "django.contrib.humanize",
]
MIDDLEWARE += [
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "hubro.accounts.middleware.IdleTimeoutMiddleware",
    "hubro.accounts.middleware.SecondFactorRequiredMiddleware",
]
# Person has no username: the e-mail address is the login.
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
# Sign-up is closed (AccountAdapter.is_open_for_signup); "password1" keeps the
# password field on the login form.
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_ADAPTER = "hubro.accounts.adapters.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "hubro.accounts.adapters.SocialAccountAdapter"
ACCOUNT_FORMS = {
    "login": "hubro.accounts.forms.LoginForm",
    "request_login_code": "hubro.accounts.forms.RequestLoginCodeForm",
}
# Every address is confirmed: by a code sent to it, by the organization's identity
# provider (an address at its listed domain), or by the administrator who made the
# account (hubro.accounts.forms.LoginForm marks it confirmed at the first sign-in).
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
SOCIALACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_LOGIN_ON_GET = False
ACCOUNT_LOGIN_BY_CODE_ENABLED = env_bool("HUBRO_LOGIN_BY_CODE", True)
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = 10 * 60
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Hubro: "
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = 15 * 60
# Throttling and lockout (allauth's rate limits, kept in Django's default cache): after
# HUBRO_LOGIN_ATTEMPTS wrong passwords for one address, that address is locked for
# HUBRO_LOGIN_LOCKOUT_MINUTES, the right password included; one client address gets
# HUBRO_LOGIN_ATTEMPTS_PER_IP failures a minute across all accounts.
HUBRO_LOGIN_ATTEMPTS = env_int("HUBRO_LOGIN_ATTEMPTS", 5, minimum=1)
HUBRO_LOGIN_LOCKOUT_MINUTES = env_int("HUBRO_LOGIN_LOCKOUT_MINUTES", 15, minimum=1)
ACCOUNT_RATE_LIMITS = {
    "login_failed": (
        f"{env_int('HUBRO_LOGIN_ATTEMPTS_PER_IP', 20, minimum=1)}/m/ip,"
        f"{HUBRO_LOGIN_ATTEMPTS}/{HUBRO_LOGIN_LOCKOUT_MINUTES}m/key"
    ),
    "request_login_code": "20/m/ip,3/5m/key",
}
# A second factor: who must have one (privileged = hosts, coordinators, programme
# owners and evaluators, and administrators; all; none).
HUBRO_MFA_REQUIRED = env_str("HUBRO_MFA_REQUIRED", "privileged")
if HUBRO_MFA_REQUIRED not in ("privileged", "all", "none"):
    raise ConfigError(
        "HUBRO_MFA_REQUIRED", f"expected privileged, all or none, got {HUBRO_MFA_REQUIRED!r}"
    )
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = env_str("HUBRO_MFA_ISSUER", "Hubro")
# WebAuthn needs HTTPS, except on localhost; the demo runs on plain HTTP.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = env_bool("HUBRO_WEBAUTHN_ALLOW_HTTP", DEBUG)
USERSESSIONS_TRACK_ACTIVITY = False
# Signed out after this many minutes without a request (HubroIdleTimeoutMiddleware),
# and in any case when the browser's session cookie expires.
HUBRO_SESSION_IDLE_MINUTES = env_int("HUBRO_SESSION_IDLE_MINUTES", 60, minimum=1)
SESSION_COOKIE_AGE = env_int("HUBRO_SESSION_MAX_HOURS", 12, minimum=1) * 3600
# API tokens expire after this many days unless the person chooses otherwise.
HUBRO_API_TOKEN_DAYS = env_int("HUBRO_API_TOKEN_DAYS", 90, minimum=1)
# Bookings older than this many months lose their link to a person (`hubro retention`).
HUBRO_RETENTION_MONTHS = env_int("HUBRO_RETENTION_MONTHS", 24, minimum=1)
# The home municipality (4 digits) of an organization that a sign-in creates when the
# register does not tell; without it such a sign-in is refused.
HUBRO_SSO_DEFAULT_MUNICIPALITY = env_str("HUBRO_SSO_DEFAULT_MUNICIPALITY", "")
from hubro.accounts.sso_config import providers_from_env  # noqa: E402

SOCIALACCOUNT_PROVIDERS = {"hubro_sso": {"APPS": providers_from_env()}}
# --- End of sign-in and accounts ----------------------------------------------------

# Bokmål is the source language of the UI; nynorsk and English are kept beside it.
LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", _("Bokmål")), ("nn", _("Nynorsk")), ("en", _("English"))]
LOCALE_PATHS = [
    BASE_DIR / "locale",
    # Nynorsk (and corrected bokmål) for django-allauth's messages, which ships no
    # nynorsk; a catalogue of its own, so that `make messages` does not wipe it.
    BASE_DIR / "accounts" / "locale_thirdparty",
]
LANGUAGE_COOKIE_NAME = "hubro_language"
USE_I18N = True
USE_TZ = True
TIME_ZONE = env_timezone("HUBRO_TIME_ZONE", "Europe/Oslo")

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
# Front-end packages come from npm (see package.json) and are served by us, no CDN:
# from node_modules in a checkout, from the copy a wheel carries when installed
# (hubro/static/vendor/, made by setup.py; see hubro/vendor.py).
STATICFILES_DIRS = [BASE_DIR / "static"]
if not (BASE_DIR / "static" / "vendor").is_dir():
    from hubro.vendor import PACKAGES as _VENDOR

    STATICFILES_DIRS += [
        (f"vendor/{name}", PROJECT_DIR / "node_modules" / source)
        for name, source in _VENDOR.items()
    ]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG
MEDIA_ROOT = VAR_DIR / "media"

# Django 6.1's mailers. The demo prints email to the console; production sets SMTP.
MAILERS = {
    "default": {
        "BACKEND": env_str(
            "HUBRO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
        ),
        "OPTIONS": {
            key: value
            for key, value in {
                "host": env_str("HUBRO_EMAIL_HOST", ""),
                "port": env_int("HUBRO_EMAIL_PORT", 0) or None,
                "username": env_str("HUBRO_EMAIL_USER", ""),
                "password": env_str("HUBRO_EMAIL_PASSWORD", ""),
                "use_tls": env_bool("HUBRO_EMAIL_USE_TLS", False) or None,
            }.items()
            if value
        }
        if env_str("HUBRO_EMAIL_BACKEND", "").endswith("smtp.EmailBackend")
        # The file backend writes each message to a file in this folder (tests of a
        # running server read its mail from there).
        else {"file_path": env_str("HUBRO_EMAIL_FILE_PATH", str(VAR_DIR / "mail"))}
        if env_str("HUBRO_EMAIL_BACKEND", "").endswith("filebased.EmailBackend")
        else {},
    }
}
DEFAULT_FROM_EMAIL = env_str("HUBRO_FROM_EMAIL", "hubro@localhost")
# Where visitors write about Hubro and its accessibility (the about page and the
# accessibility statement); empty says "ask your hub's host".
HUBRO_CONTACT_EMAIL = env_str("HUBRO_CONTACT_EMAIL", "")

# Background work (emails, releasing no-shows) runs through Django's tasks framework:
# at once in the demo and the tests, by `hubro db_worker` in production.
_TASK_BACKENDS = {
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
_tasks = env_str("HUBRO_TASKS", "immediate")
if _tasks not in _TASK_BACKENDS:
    raise ConfigError("HUBRO_TASKS", f"expected immediate or database, got {_tasks!r}")
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[_tasks], "QUEUES": ["default"]}}

SESSION_COOKIE_SECURE = env_bool("HUBRO_SECURE_COOKIES", HTTPS)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "hubro.core.views.csrf_failure"

# --- Caches, sessions, rate limits (issue 16; docs/production.md#scale-out) -----------
# Redis (HUBRO_CACHE_URL / HUBRO_REDIS_URL) is shared by every app server: rate limits
# and, with HUBRO_SESSION_ENGINE=…cache or …cached_db, sessions. Default: per process.
CACHES = {"default": env_cache(prefix=env_str("HUBRO_CACHE_PREFIX", "hubro"))}
SESSION_ENGINE = env_str("HUBRO_SESSION_ENGINE", "django.contrib.sessions.backends.db")
# API requests per minute, per token and per client address (429 with Retry-After).
HUBRO_API_RATE_PER_TOKEN = env_int("HUBRO_API_RATE_PER_TOKEN", 600)
HUBRO_API_RATE_PER_ADDRESS = env_int("HUBRO_API_RATE_PER_ADDRESS", 1200)
# Guest sign-ups to events: per client address per hour, and guests per event.
HUBRO_GUEST_SIGNUPS_PER_HOUR = env_int("HUBRO_GUEST_SIGNUPS_PER_HOUR", 10)
HUBRO_GUESTS_PER_EVENT = env_int("HUBRO_GUESTS_PER_EVENT", 50)
# Future bookings one person may hold per hub where the hub sets no quota of its own.
HUBRO_DEFAULT_BOOKING_QUOTA = env_int("HUBRO_DEFAULT_BOOKING_QUOTA", 20)
# Which address a request comes from: REMOTE_ADDR, or the first hop of X-Forwarded-For
# when a proxy you trust sets it (HUBRO_TRUST_X_FORWARDED_FOR=true).
HUBRO_TRUST_X_FORWARDED_FOR = env_bool("HUBRO_TRUST_X_FORWARDED_FOR", False)
# The API body limit (docs/api.md): larger bodies answer 413 in JSON.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("HUBRO_MAX_BODY_BYTES", 10 * 1024 * 1024)
# --- end of caches ---------------------------------------------------------------------

# --- Operations: health, metrics, logs (issue 16; docs/production.md#monitoring) -------
# Who may read /metrics: these client addresses, or a request with this bearer token.
HUBRO_METRICS_ALLOW = env_list("HUBRO_METRICS_ALLOW", ["127.0.0.1", "::1"])
HUBRO_METRICS_TOKEN = env_str("HUBRO_METRICS_TOKEN", "")
# /readyz says "not ready" when the oldest queued task waited longer or disk runs low.
HUBRO_READY_MAX_TASK_AGE = env_int("HUBRO_READY_MAX_TASK_AGE", 900)
HUBRO_READY_MIN_FREE_MB = env_int("HUBRO_READY_MIN_FREE_MB", 500)
_log_format = env_str("HUBRO_LOG_FORMAT", "text" if DEBUG else "json")
if _log_format not in {"json", "text"}:
    raise ConfigError("HUBRO_LOG_FORMAT", f"expected json or text, got {_log_format!r}")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "hubro.ops.logs.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "hubro.ops.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": _log_format,
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("HUBRO_LOG_LEVEL", "INFO")},
    # The pool rolls back a connection handed back mid-transaction (a command that
    # failed); that it says so is noise, not news.
    "loggers": {"psycopg.pool": {"level": "ERROR"}},
}
# --- end of operations -----------------------------------------------------------------
