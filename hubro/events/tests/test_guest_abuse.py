"""Finding 3: a guest sign-up holds no place until the address is confirmed through an
e-mailed link; it is rate-limited per client address and per e-mail address; an event
takes a limited number of guests; the guest gets a confirmation e-mail."""

import pytest
from django.core import mail
from django.test import Client

from hubro.events.models import Registration

from .test_guests import confirm_link, sign_up_as_guest

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_counters(fresh_cache):
    """Each test counts its own requests."""


def guest(n: int) -> dict:
    return {"name": f"Gjest {n}", "email": f"gjest{n}@example.org", "organization": "AFK"}


def test_a_sign_up_holds_no_place_until_the_address_is_confirmed(
    lunch, django_capture_on_commit_callbacks
):
    client = Client()
    asked = client.post(f"/arrangementer/{lunch.pk}/gjest/", guest(1))
    assert asked.status_code == 200
    assert "Sjekk e-posten din" in asked.text
    assert not Registration.objects.exists()
    (link_mail,) = mail.outbox
    assert link_mail.to == ["gjest1@example.org"]
    # Opening the link (a mail scanner does that) holds nothing either.
    link = confirm_link("gjest1@example.org")
    assert client.get(link).status_code == 200
    assert not Registration.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(link)
    assert "Du er påmeldt" in done.text
    registration = Registration.objects.get()
    assert (registration.guest_email, registration.status) == ("gjest1@example.org", "registered")
    confirmation = mail.outbox[-1]
    assert confirmation.to == ["gjest1@example.org"]
    assert "bekreftet" in confirmation.subject


def test_a_link_confirms_one_place_once(lunch):
    client = Client()
    sign_up_as_guest(client, lunch, guest(1))
    again = client.post(confirm_link("gjest1@example.org"))
    assert again.status_code == 422
    assert Registration.objects.count() == 1


def test_a_forged_or_foreign_link_holds_no_place(lunch, make_event, tomorrow):
    from conftest import at

    client = Client()
    client.post(f"/arrangementer/{lunch.pk}/gjest/", guest(1))
    link = confirm_link("gjest1@example.org")
    assert client.post(link[:-3] + "xx/").status_code == 400
    other = make_event(title="Et annet", start=at(tomorrow, 14), end=at(tomorrow, 15))
    assert client.post(link.replace(f"/{lunch.pk}/", f"/{other.pk}/")).status_code == 400
    assert not Registration.objects.exists()


def test_one_address_cannot_send_links_without_end(lunch, settings):
    settings.HUBRO_GUEST_SIGNUPS_PER_HOUR = 3
    client = Client()
    answers = [
        client.post(f"/arrangementer/{lunch.pk}/gjest/", guest(n)).status_code for n in range(5)
    ]
    assert answers == [200, 200, 200, 429, 429]
    assert len(mail.outbox) == 3


def test_one_email_address_gets_at_most_three_links_an_hour(lunch):
    sent = 0
    for n in range(5):
        # From five different addresses: the limit follows the e-mail address too.
        client = Client(REMOTE_ADDR=f"10.0.0.{n + 1}")
        if client.post(f"/arrangementer/{lunch.pk}/gjest/", guest(1)).status_code == 200:
            sent += 1
    assert sent == 3
    assert len(mail.outbox) == 3


def test_an_event_takes_a_limited_number_of_guests(make_event, settings):
    settings.HUBRO_GUESTS_PER_EVENT = 2
    event = make_event(capacity=None)
    client = Client()
    for n in range(2):
        sign_up_as_guest(client, event, guest(n))
    refused = client.post(f"/arrangementer/{event.pk}/gjest/", guest(9))
    assert refused.status_code == 422
    assert "flere gjester" in refused.text
    assert Registration.objects.filter(event=event).count() == 2
