"""The hub's own details and settings, its photo and the lobby screen's secret."""

import secrets

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from hubro.core.audit import record
from hubro.core.errors import Invalid
from hubro.core.uploads import clean_image
from hubro.spaces.models import Hub

DETAIL_FIELDS = ("name", "address", "description")
CHECKIN_FIELDS = ("release_no_shows", "checkin_opens_before", "checkin_closes_after")
# A check-in window longer than a working day helps no one and hides typing errors.
MAX_CHECKIN_MINUTES = 24 * 60


def _save(hub: Hub, values: dict, *, action: str, actor) -> list[str]:
    """Set the fields that changed, save them and audit the change; the changed names."""
    changed = [name for name, value in values.items() if getattr(hub, name) != value]
    if not changed:
        return []
    with transaction.atomic():
        before = {name: getattr(hub, name) for name in changed}
        for name in changed:
            setattr(hub, name, values[name])
        hub.save(update_fields=changed)
        record(
            actor,
            action,
            hub,
            hub=hub,
            changes={name: [str(before[name]), str(values[name])] for name in changed},
        )
    return changed


def update_details(hub: Hub, *, name: str, address: str = "", description: str = "", actor):
    """Change the hub's name, address and description. The name is required
    (``name_required``). Audited as ``hub.update``."""
    name = " ".join((name or "").split())
    if not name:
        raise Invalid(_("Huben må ha et navn."), code="name_required", field="name")
    values = {"name": name, "address": (address or "").strip(), "description": description.strip()}
    return _save(hub, values, action="hub.update", actor=actor)


def update_settings(
    hub: Hub,
    *,
    release_no_shows: bool,
    checkin_opens_before: int,
    checkin_closes_after: int,
    actor,
):
    """Check-in: whether no-shows are released, and the window around a booking's
    start (0–1440 minutes each side). Audited as ``hub.update``."""
    for field, minutes in (
        ("checkin_opens_before", checkin_opens_before),
        ("checkin_closes_after", checkin_closes_after),
    ):
        if not isinstance(minutes, int) or not 0 <= minutes <= MAX_CHECKIN_MINUTES:
            raise Invalid(
                _("Oppgi et antall minutter mellom 0 og %(max)s.") % {"max": MAX_CHECKIN_MINUTES},
                code="invalid_minutes",
                field=field,
            )
    values = {
        "release_no_shows": bool(release_no_shows),
        "checkin_opens_before": checkin_opens_before,
        "checkin_closes_after": checkin_closes_after,
    }
    return _save(hub, values, action="hub.update", actor=actor)


def set_observe_holidays(hub: Hub, observe: bool, *, actor):
    """Whether Norway's public holidays are closed days at the hub."""
    return _save(hub, {"observe_public_holidays": bool(observe)}, action="hub.update", actor=actor)


def set_photo(hub: Hub, upload, *, alt: str, actor) -> None:
    """Replace the hub's photo with ``upload`` (checked and re-encoded by
    ``core.uploads.clean_image``). A description for screen readers is required
    (``alt_required``). The old file is removed after commit. Audited."""
    alt = " ".join((alt or "").split())
    if not alt:
        raise Invalid(
            _("Skriv kort hva bildet viser, for dem som bruker skjermleser."),
            code="alt_required",
            field="photo_alt",
        )
    content = clean_image(upload)
    old = hub.photo.name if hub.photo else ""
    with transaction.atomic():
        hub.photo.save("photo.jpg", ContentFile(content), save=False)
        hub.photo_alt = alt[:200]
        hub.save(update_fields=["photo", "photo_alt"])
        record(actor, "hub.update", hub, hub=hub, changes={"photo": "new", "photo_alt": alt})
        if old:
            transaction.on_commit(lambda: hub.photo.storage.delete(old))


def remove_photo(hub: Hub, *, actor) -> None:
    if not hub.photo:
        return
    old = hub.photo.name
    with transaction.atomic():
        hub.photo = ""
        hub.photo_alt = ""
        hub.save(update_fields=["photo", "photo_alt"])
        record(actor, "hub.update", hub, hub=hub, changes={"photo": "removed"})
        transaction.on_commit(lambda: hub.photo.storage.delete(old))


def renew_lobby_secret(hub: Hub, *, actor) -> str:
    """Give the lobby screen a new secret address; the old one stops working at once.
    Returns the new secret. Audited (without the secret)."""
    secret = secrets.token_urlsafe(32)
    with transaction.atomic():
        hub.lobby_secret = secret
        hub.save(update_fields=["lobby_secret"])
        record(actor, "hub.update", hub, hub=hub, changes={"lobby_secret": "renewed"})
    return secret


def turn_off_lobby(hub: Hub, *, actor) -> None:
    """Close the lobby screen's address: it shows nothing until a new one is made."""
    if hub.lobby_secret is None:
        return
    with transaction.atomic():
        hub.lobby_secret = None
        hub.save(update_fields=["lobby_secret"])
        record(actor, "hub.update", hub, hub=hub, changes={"lobby_secret": "off"})
