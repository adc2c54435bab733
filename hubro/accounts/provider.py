"""Where allauth looks for an installed app's providers (``<app>.provider``)."""

from .sso.provider import provider_classes  # noqa: F401
