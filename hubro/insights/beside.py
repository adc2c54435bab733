"""Figures other apps show beside the measured indicators (an extension point).

An app registers a *provider* in its ``AppConfig.ready``: a callable
``provider(scope, start, end) -> Section | None`` that gets the resolved scope (its hubs,
its organization, whether the viewer has person-level rights there) and the period, and
returns a section of figures, or None when it has nothing for that scope. The dashboard
shows the sections below the measured indicators; insights imports no provider, so the
imports point one way (``hubro.surveys`` and ``hubro.positions`` depend on insights, not
the reverse). Counts of people in a section go through ``privacy.suppress`` like every
other figure: ``suppressed_unless_rights`` does that for a section's figures."""

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from .figure import Figure
from .privacy import suppress

logger = logging.getLogger(__name__)


@dataclass
class Section:
    key: str
    title: str
    goals: tuple[int, ...]
    figures: list[Figure]
    note: str = ""
    link: str = ""
    link_label: str = ""
    extra: list = field(default_factory=list)


_providers: list[Callable] = []


def register(provider: Callable) -> None:
    """Add a provider of a section beside the indicators (once)."""
    if provider not in _providers:
        _providers.append(provider)


def sections(scope, start, end) -> list[Section]:
    """Every registered provider's section for ``scope`` and the period."""
    found = []
    for provider in _providers:
        section = provider(scope, start, end)
        if section is not None:
            found.append(section)
    return found


def suppressed_unless_rights(scope, figures: list[Figure], groups=()) -> list[Figure]:
    """Apply the privacy rules of docs/privacy.md unless the viewer has person-level
    rights for the scope; returns the figures."""
    if not scope.person_rights:
        suppress(figures, list(groups))
    return figures
