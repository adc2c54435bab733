"""Guests without an account: the address is confirmed before a place is held.

1. ``request_guest_place`` checks what can be checked at once (an open event, sign-up
   not closed, room for guests, the address not already signed up) and e-mails a
   signed link to the address. Nothing is written: an address nobody reads holds no
   place, and a flood of sign-ups fills no event.
2. The link (``guest_token``, valid ``LINK_HOURS``) opens a page whose button calls
   ``confirm_guest_place``: that registers the guest (``register_guest``, the same
   locked transaction as every sign-up, with the cap on guests per event) and e-mails
   the confirmation.

The web view limits how many links one address may ask for (django-ratelimit)."""

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from hubro.core.errors import Conflict, Invalid
from hubro.core.notify import enqueue

from ..models import Event, Registration
from .registrations import notify_after_commit, register_guest, registration_closed

SALT = "hubro.events.guest"
LINK_HOURS = 48


def guest_places_left(event) -> int:
    """How many more guests the event takes (``HUBRO_GUESTS_PER_EVENT`` in all)."""
    taken = (
        event.registrations.filter(person__isnull=True)
        .exclude(status=Registration.Status.CANCELLED)
        .count()
    )
    return max(0, settings.HUBRO_GUESTS_PER_EVENT - taken)


def check_guest_place(event, *, email: str) -> None:
    """Raise the reason a guest with ``email`` cannot sign up now, if there is one."""
    if event.audience != Event.Audience.OPEN:
        raise Invalid(_("Bare åpne arrangementer tar imot gjester."), code="not_open")
    if event.cancelled_at:
        raise Invalid(_("Arrangementet er avlyst."), code="closed")
    if registration_closed(event):
        raise Invalid(_("Påmeldingen er stengt."), code="closed")
    if guest_places_left(event) <= 0:
        raise Invalid(
            _("Arrangementet tar ikke imot flere gjester. Kontakt arrangøren."),
            code="guest_limit",
        )
    already = (
        event.registrations.filter(person__isnull=True, guest_email__iexact=email)
        .exclude(status=Registration.Status.CANCELLED)
        .exists()
    )
    if already:
        raise Conflict(
            _("Denne e-postadressen er allerede påmeldt."),
            code="already_registered",
            field="email",
        )


def guest_token(event, *, name: str, email: str, organization: str) -> str:
    return signing.dumps(
        {"e": event.pk, "n": name, "m": email, "o": organization}, salt=SALT, compress=True
    )


def read_guest_token(event, token: str) -> dict:
    """The guest's details from a link; ``Invalid`` ``link_expired`` or ``link_invalid``."""
    try:
        data = signing.loads(token, salt=SALT, max_age=LINK_HOURS * 3600)
    except signing.SignatureExpired:
        raise Invalid(
            _("Lenken er for gammel. Meld deg på på nytt for å få en ny."), code="link_expired"
        ) from None
    except signing.BadSignature:
        raise Invalid(_("Lenken er ikke gyldig."), code="link_invalid") from None
    if data.get("e") != event.pk:
        raise Invalid(_("Lenken er ikke gyldig."), code="link_invalid")
    return {"name": data["n"], "email": data["m"], "organization": data["o"]}


def request_guest_place(event, *, name: str, email: str, organization: str, language: str):
    """Check the sign-up and e-mail a confirmation link to ``email``. Holds no place."""
    name, email, organization = name.strip(), email.strip().lower(), organization.strip()
    if not (name and email and organization):
        raise Invalid(_("Fyll ut navn, e-post og organisasjon."), code="invalid")
    check_guest_place(event, email=email)
    from ..tasks import send_guest_link

    token = guest_token(event, name=name, email=email, organization=organization)
    enqueue(send_guest_link, event.pk, name, email, token, language)
    return token


def confirm_guest_place(event, token: str) -> Registration:
    """Hold the place the link asks for, and e-mail the guest that it is held (or that
    they are on the waiting list). Raises as ``register_guest`` does."""
    details = read_guest_token(event, token)
    registration = register_guest(event, **details)
    notify_after_commit("guest_confirmed", [registration.pk])
    return registration
