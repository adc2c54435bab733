"""Sessions: the idle timeout, signing out everywhere, and who must have a second
factor before anything else opens."""

import datetime as dt
import time

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client

from conftest import PASSWORD
from hubro.accounts.middleware import SEEN_KEY
from hubro.core.models import AuditEntry, Membership
from hubro.programme.models import ProgrammeRole

pytestmark = pytest.mark.django_db


def _signed_in(client, person):
    assert (
        client.post("/logg-inn/", {"login": person.email, "password": PASSWORD}).status_code == 302
    )
    return client


def test_an_idle_session_ends(client, kari, settings):
    _signed_in(client, kari)
    assert client.get("/mine-bookinger/").status_code == 200
    session = client.session
    session[SEEN_KEY] = int(time.time()) - settings.HUBRO_SESSION_IDLE_MINUTES * 60 - 5
    session.save()
    response = client.get("/mine-bookinger/", follow=True)
    assert response.redirect_chain[0][0].startswith("/logg-inn/")
    assert "uten aktivitet" in response.text
    assert client.get("/mine-bookinger/").status_code == 302


def test_an_active_session_goes_on(client, kari, settings):
    _signed_in(client, kari)
    session = client.session
    session[SEEN_KEY] = int(time.time()) - settings.HUBRO_SESSION_IDLE_MINUTES * 60 + 30
    session.save()
    assert client.get("/mine-bookinger/").status_code == 200


def test_signing_out_everywhere_ends_every_session(kari):
    laptop, phone = _signed_in(Client(), kari), _signed_in(Client(), kari)
    response = phone.post("/konto/sikkerhet/logg-ut-overalt/")
    assert response.status_code == 302
    assert laptop.get("/mine-bookinger/").status_code == 302
    assert phone.get("/mine-bookinger/").status_code == 302
    assert AuditEntry.objects.filter(action="person.logout_everywhere", actor=kari).exists()


@pytest.mark.parametrize(
    ("mode", "who", "sent"),
    [
        ("privileged", "vera", True),  # host
        ("privileged", "coordinator", True),
        ("privileged", "evaluator", True),
        ("privileged", "admin_person", True),
        ("privileged", "kari", False),
        ("all", "kari", True),
        ("none", "vera", False),
    ],
)
def test_who_is_sent_to_set_up_a_second_factor(
    request, client, settings, mode, who, sent, kari, nav
):
    settings.HUBRO_MFA_REQUIRED = mode
    if who == "coordinator":
        person = kari
        Membership.objects.filter(person=kari).update(role=Membership.Role.COORDINATOR)
    elif who == "evaluator":
        from hubro.programme.models import Programme

        person = kari
        programme = Programme.objects.create(
            name="Statens hus", slug="statens-hus", owner=nav, starts_on=dt.date(2021, 1, 1)
        )
        ProgrammeRole.objects.create(programme=programme, person=kari, role="evaluator")
    else:
        person = request.getfixturevalue(who)
    client.force_login(person)
    response = client.get("/mine-bookinger/")
    if sent:
        assert response.url == "/konto/totrinn-kreves/"
        assert client.get("/konto/2fa/").status_code == 200  # the set-up stays open
        Authenticator.objects.create(user=person, type=Authenticator.Type.TOTP, data={})
        assert client.get("/mine-bookinger/").status_code == 200
    else:
        assert response.status_code == 200
