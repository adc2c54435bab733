"""The main menu, assembled from the capability apps.

Each app may have a ``navigation.py`` with ``items(request) -> list[NavItem]``: the
entries it offers this user. An app decides for itself who sees its entry (finance only
for hosts, coordinators and administrators, for instance), so the base template does
not need to know the apps' permission rules."""

from dataclasses import dataclass
from importlib import import_module

from django.apps import apps

# The menu's groups, so that it stays short for every role: booking, the community
# around the desks, insight for those who follow up, and administration.
BOOK = "book"
COMMUNITY = "community"
INSIGHT = "insight"
ADMINISTRATION = "administration"
PERSONAL = "personal"


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    # The URL namespace(s) whose pages mark this entry as the current page.
    namespaces: tuple[str, ...] = ()
    order: int = 100
    group: str = BOOK


def _providers():
    for config in apps.get_app_configs():
        if not config.name.startswith("hubro."):
            continue
        try:
            module = import_module(f"{config.name}.navigation")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.navigation":
                raise
            continue
        if hasattr(module, "items"):
            yield module.items


def navigation(request):
    """Context processor: ``nav_items`` for the signed-in user, with ``current`` set."""
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated):
        return {"nav_items": []}
    match = getattr(request, "resolver_match", None)
    namespace = match.namespace if match else ""
    entries = []
    for provider in _providers():
        entries.extend(provider(request))
    entries.sort(key=lambda item: item.order)
    return {
        "nav_items": [
            {
                "label": item.label,
                "url": item.url,
                "current": namespace in item.namespaces,
                "group": item.group,
            }
            for item in entries
        ]
    }


def items(request):
    """The core app's own entries: the profile, and the admin for administrators."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from hubro.core.permissions import is_admin

    entries = [
        NavItem(_("Min profil"), reverse("profile:index"), ("profile",), order=900, group=PERSONAL)
    ]
    if is_admin(request.user):
        entries.append(
            NavItem(
                _("Administrasjon"),
                reverse("admin:index"),
                ("admin",),
                order=990,
                group=ADMINISTRATION,
            )
        )
    return entries
