"""Links that leave the site (calendar address, e-mail links) use HUBRO_BASE_URL when it
is set, and otherwise the address the request came to, never a fixed port 8000."""

import pytest
from django.core import mail
from django.test import Client

from conftest import PASSWORD
from hubro.core.profile_actions import issue_calendar_token

pytestmark = pytest.mark.django_db


def signed_in(person, host):
    client = Client(HTTP_HOST=host)
    assert client.login(email=person.email, password=PASSWORD)
    return client


def test_the_calendar_address_follows_the_address_asked(kari, settings):
    settings.HUBRO_BASE_URL = ""
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
    issue_calendar_token(kari, actor=kari)
    page = signed_in(kari, "127.0.0.1:8123").get("/min-profil/").content.decode()
    assert f"http://127.0.0.1:8123/kalender/{kari.calendar_token}.ics" in page
    assert ":8000" not in page


def test_the_configured_base_address_wins(kari, settings):
    settings.HUBRO_BASE_URL = "https://hubro.example.no"
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    issue_calendar_token(kari, actor=kari)
    page = signed_in(kari, "127.0.0.1:8123").get("/min-profil/").content.decode()
    assert f"https://hubro.example.no/kalender/{kari.calendar_token}.ics" in page


@pytest.mark.django_db(transaction=True)
def test_the_booking_email_links_to_the_address_asked(kari, desk, tomorrow, settings):
    # A transactional test: the e-mail goes after commit, inside the request, as live.
    settings.HUBRO_BASE_URL = ""
    settings.ALLOWED_HOSTS = ["localhost"]
    client = signed_in(kari, "localhost:8765")
    response = client.post(
        f"/huber/testlab/rom/{desk.pk}/book/",
        {
            "date": tomorrow.isoformat(),
            "start": "09:00",
            "end": "10:00",
            "organization": kari.memberships.get().organization_id,
        },
    )
    assert response.status_code == 302
    (message,) = mail.outbox
    assert "http://localhost:8765/mine-bookinger/" in message.body
