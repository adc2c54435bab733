"""The main menu, assembled from the capability apps.

Each app may have a ``navigation.py`` with ``items(request) -> list[NavItem]``: the
entries it offers a signed-in user, and ``public_items(request)``: the entries it offers
a visitor who is not signed in (its public pages). An app decides for itself who sees
its entry (finance only for hosts, coordinators and administrators, for instance), so
the base template does not need to know the apps' permission rules.

The entries are shown in groups (``NavItem.group``), so that the menu fits one line at
1280 px for every role: the booking entries stay in sight, every other group with more
than one entry folds into a disclosure (base.html)."""

from dataclasses import dataclass
from importlib import import_module

from django.apps import apps
from django.utils.translation import gettext_lazy

# The menu's groups, so that it stays short for every role: booking, the community
# around the desks, insight for those who follow up, and administration.
BOOK = "book"
COMMUNITY = "community"
INSIGHT = "insight"
ADMINISTRATION = "administration"
PERSONAL = "personal"

# The groups in the menu's order, with the label of their disclosure.
GROUPS = {
    BOOK: gettext_lazy("Booking"),
    COMMUNITY: gettext_lazy("Fellesskap"),
    INSIGHT: gettext_lazy("Innsikt"),
    ADMINISTRATION: gettext_lazy("Administrasjon"),
    PERSONAL: gettext_lazy("Meg"),
}
# Entries of these groups are always shown as plain links: booking is what most people
# come for, and a visitor's few entries need no folding.
FLAT_GROUPS = (BOOK,)


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    # The URL namespace(s) whose pages mark this entry as the current page.
    namespaces: tuple[str, ...] = ()
    order: int = 100
    group: str = BOOK


def _providers(name="items"):
    for config in apps.get_app_configs():
        if not config.name.startswith("hubro."):
            continue
        try:
            module = import_module(f"{config.name}.navigation")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.navigation":
                raise
            continue
        if hasattr(module, name):
            yield getattr(module, name)


def _grouped(entries, *, flat: bool) -> list[dict]:
    """The entries in menu groups, in the groups' order. A group folds into a
    disclosure when it has more than one entry, unless ``flat``."""
    groups = []
    for key, label in GROUPS.items():
        members = [entry for entry in entries if entry["group"] == key]
        if not members:
            continue
        groups.append(
            {
                "key": key,
                "label": label,
                "items": members,
                "folded": not flat and key not in FLAT_GROUPS and len(members) > 1,
                "current": any(entry["current"] for entry in members),
            }
        )
    return groups


def navigation(request):
    """Context processor: ``nav_items`` (the entries, with ``current`` set) and
    ``nav_groups`` (the same in menu groups) for the signed-in user or the visitor."""
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    match = getattr(request, "resolver_match", None)
    namespace = match.namespace if match else ""
    url_name = match.view_name if match else ""
    entries = []
    for provider in _providers("items" if signed_in else "public_items"):
        entries.extend(provider(request))
    entries.sort(key=lambda item: item.order)
    nav_items = [
        {
            "label": item.label,
            "url": item.url,
            "current": namespace in item.namespaces or url_name in item.namespaces,
            "group": item.group if item.group in GROUPS else BOOK,
        }
        for item in entries
    ]
    return {"nav_items": nav_items, "nav_groups": _grouped(nav_items, flat=not signed_in)}


def items(request):
    """The core app's own entry: the admin for administrators. The profile is the
    person's name beside "Logg ut" (base.html), so it takes no room in the menu."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from hubro.core.permissions import is_admin

    if not is_admin(request.user):
        return []
    return [
        NavItem(
            _("Systemadministrasjon"),
            reverse("admin:index"),
            ("admin",),
            order=990,
            group=ADMINISTRATION,
        )
    ]


def public_items(request):
    """For visitors: what Hubro is, who can join and how to sign in."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    return [NavItem(_("Om Hubro"), reverse("about"), ("about",), order=950, group=PERSONAL)]
