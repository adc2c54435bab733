"""Guests without an account sign up for open events with a clear form; bad input gets
field errors, never a 500. The place is held once the guest follows the link that is
e-mailed to them (test_guest_abuse.py covers the limits)."""

import re

import pytest
from django.core import mail
from django.test import Client

from hubro.events.models import Event, Registration

pytestmark = pytest.mark.django_db


def confirm_link(email: str) -> str:
    """The confirmation link in the last e-mail to ``email``, as a path."""
    message = [m for m in mail.outbox if email.lower() in [t.lower() for t in m.to]][-1]
    return re.search(r"https?://[^/\s]+(/\S+/gjest/bekreft/\S+/)", message.body).group(1)


def sign_up_as_guest(client, event, data):
    """Fill in the form, then follow the e-mailed link and press the button."""
    asked = client.post(f"/arrangementer/{event.pk}/gjest/", data)
    assert asked.status_code == 200, asked.content.decode()[:500]
    return client.post(confirm_link(data["email"]))


def test_a_guest_signs_up_for_an_open_event(lunch):
    client = Client()
    page = client.get(f"/arrangementer/{lunch.pk}/gjest/")
    assert page.status_code == 200
    for label in ("Navn", "E-post", "Organisasjon"):
        assert f">{label}" in page.content.decode()
    done = sign_up_as_guest(
        client,
        lunch,
        {"name": "Gunn Gjest", "email": "Gunn@Example.org", "organization": "Agder fylkeskommune"},
    )
    assert done.status_code == 200
    assert "Du er påmeldt" in done.content.decode()
    guest = Registration.objects.get(event=lunch)
    assert (guest.guest_name, guest.guest_email, guest.guest_organization) == (
        "Gunn Gjest",
        "gunn@example.org",
        "Agder fylkeskommune",
    )
    assert guest.status == "registered"


@pytest.mark.parametrize(
    "data, field",
    [
        ({"name": "", "email": "a@example.org", "organization": "X"}, "id_name"),
        ({"name": "A", "email": "not-an-email", "organization": "X"}, "id_email"),
        ({"name": "A", "email": "a@example.org", "organization": ""}, "id_organization"),
        ({"name": "A" * 300, "email": "a@example.org", "organization": "X"}, "id_name"),
        ({}, "id_name"),
    ],
)
def test_bad_guest_input_gets_field_errors(lunch, data, field):
    response = Client().post(f"/arrangementer/{lunch.pk}/gjest/", data)
    assert response.status_code == 422
    body = response.content.decode()
    assert f'id="{field}-error"' in body
    assert 'href="#' + field + '"' in body
    assert not Registration.objects.exists()


def test_the_same_guest_email_twice_is_a_field_error(lunch):
    data = {"name": "Gunn", "email": "gunn@example.org", "organization": "AFK"}
    client = Client()
    sign_up_as_guest(client, lunch, data)
    again = client.post(f"/arrangementer/{lunch.pk}/gjest/", {**data, "email": "GUNN@example.org"})
    assert again.status_code == 422
    assert 'id="id_email-error"' in again.content.decode()
    assert Registration.objects.count() == 1


def test_a_full_event_puts_the_guest_on_the_waiting_list(make_event):
    event = make_event(capacity=1)
    client = Client()
    sign_up_as_guest(client, event, {"name": "En", "email": "en@example.org", "organization": "X"})
    second = sign_up_as_guest(
        client, event, {"name": "To", "email": "to@example.org", "organization": "Y"}
    )
    assert "venteliste som nummer 1" in second.content.decode()


def test_guests_cannot_sign_up_for_members_events(make_event, kari):
    event = make_event(audience=Event.Audience.MEMBERS)
    client = Client()
    client.force_login(kari)  # kari sees it, but guests are for open events only
    assert client.get(f"/arrangementer/{event.pk}/gjest/").status_code == 404
    response = client.post(
        f"/arrangementer/{event.pk}/gjest/",
        {"name": "A", "email": "a@example.org", "organization": "X"},
    )
    assert response.status_code == 404


def test_guest_sign_up_after_the_deadline_shows_closed(make_event):
    import datetime as dt

    from django.utils import timezone

    event = make_event(registration_deadline=timezone.now() - dt.timedelta(hours=1))
    response = Client().post(
        f"/arrangementer/{event.pk}/gjest/",
        {"name": "A", "email": "a@example.org", "organization": "X"},
    )
    assert response.status_code == 422
    assert "Påmeldingen er stengt" in response.content.decode()
