"""Signing in: a one-time code to a work address, lockout after wrong passwords, the
login page showing only what is configured, and the sign-in events in the audit log."""

import time as real_time

import pytest
from allauth.core.internal import ratelimit
from django.core import mail

from conftest import PASSWORD
from hubro.accounts.models import PendingJoin
from hubro.core.models import AuditEntry, Membership, OrganizationDomain, Person

from .support import last_code

pytestmark = pytest.mark.django_db


def test_a_person_at_a_listed_domain_joins_with_a_code(client, nav):
    OrganizationDomain.objects.create(organization=nav, domain="nav.test")
    response = client.post("/konto/login/code/", {"email": "Tone.Tangen@NAV.test"})
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["tone.tangen@nav.test"]]
    code = last_code("tone.tangen@nav.test")

    response = client.post("/konto/login/code/confirm/", {"code": code}, follow=True)
    assert response.redirect_chain[-1][0] == "/huber/"
    person = Person.objects.get(email="tone.tangen@nav.test")
    assert response.wsgi_request.user == person
    assert list(person.memberships.values_list("organization", "role", "is_primary")) == [
        (nav.pk, Membership.Role.MEMBER, True)
    ]
    assert not PendingJoin.objects.filter(person=person).exists()  # the code was used


def test_an_unlisted_domain_is_refused_with_a_clear_message(client, nav, kari):
    OrganizationDomain.objects.create(organization=nav, domain="nav.no")
    for email in ("someone@gmail.test", kari.email):  # kari's domain is not listed either
        response = client.post("/konto/login/code/", {"email": email})
        assert response.status_code == 200
        assert "domenet til" in response.text and "er ikke registrert" in response.text
    assert mail.outbox == []
    assert not Person.objects.filter(email="someone@gmail.test").exists()


def test_a_wrong_code_does_not_sign_in(client, nav):
    OrganizationDomain.objects.create(organization=nav, domain="nav.test")
    client.post("/konto/login/code/", {"email": "tone@nav.test"})
    client.post("/konto/login/code/confirm/", {"code": "BCDF-GHJK"})
    assert client.get("/mine-bookinger/").status_code == 302


class ShiftedTime:
    """The rate limiter's clock, moved forward."""

    def __init__(self, seconds):
        self.seconds = seconds

    def time(self):
        return real_time.time() + self.seconds

    monotonic = staticmethod(real_time.monotonic)
    sleep = staticmethod(real_time.sleep)


def _sign_in(client, email, password):
    return client.post("/logg-inn/", {"login": email, "password": password})


def test_wrong_passwords_lock_the_account_until_the_lock_ends(client, kari, settings, monkeypatch):
    attempts = settings.HUBRO_LOGIN_ATTEMPTS
    for _ in range(attempts):
        response = _sign_in(client, kari.email, "wrong-password")
        assert response.status_code == 200
        assert "sperret" not in response.text
    response = _sign_in(client, kari.email, PASSWORD)
    assert response.status_code == 200
    assert f"sperret i {settings.HUBRO_LOGIN_LOCKOUT_MINUTES} minutter" in response.text
    assert client.get("/mine-bookinger/").status_code == 302  # not signed in

    # Another address from the same client is not locked.
    assert (
        AuditEntry.objects.filter(action="person.login_failed", object_id=str(kari.pk)).count()
        == attempts
    )

    monkeypatch.setattr(
        ratelimit, "time", ShiftedTime(settings.HUBRO_LOGIN_LOCKOUT_MINUTES * 60 + 1)
    )
    response = _sign_in(client, kari.email, PASSWORD)
    assert response.status_code == 302
    assert client.get("/mine-bookinger/").status_code == 200


def test_the_lock_is_per_account(client, kari, ola, settings):
    for _ in range(settings.HUBRO_LOGIN_ATTEMPTS):
        _sign_in(client, kari.email, "wrong-password")
    assert _sign_in(client, ola.email, PASSWORD).status_code == 302


def test_sign_in_and_sign_out_are_audited(client, kari):
    assert _sign_in(client, kari.email, PASSWORD).status_code == 302
    client.post("/logg-ut/")
    actions = list(
        AuditEntry.objects.filter(object_id=str(kari.pk), object_type="core.person")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["person.login", "person.logout"]
    login = AuditEntry.objects.get(action="person.login")
    assert login.changes["ip"] == "127.0.0.1"


def test_a_failed_sign_in_for_an_unknown_address_stores_no_address(client, db):
    _sign_in(client, "typo@nav.tset", "whatever")
    entry = AuditEntry.objects.get(action="person.login_failed")
    assert "typo" not in f"{entry.object_repr} {entry.changes} {entry.actor_label}"


def test_the_login_page_shows_only_what_is_configured(client, settings):
    settings.SOCIALACCOUNT_PROVIDERS = {"hubro_sso": {"APPS": []}}
    settings.ACCOUNT_LOGIN_BY_CODE_ENABLED = False
    page = client.get("/logg-inn/").text
    assert "Logg inn med passord" in page
    assert "Logg inn gjennom arbeidsgiveren" not in page
    assert "kode på e-post" not in page
    assert "Du får konto av en administrator" in page

    settings.ACCOUNT_LOGIN_BY_CODE_ENABLED = True
    settings.SOCIALACCOUNT_PROVIDERS = {
        "hubro_sso": {"APPS": [{"provider_id": "feide", "name": "Feide", "client_id": "x"}]}
    }
    page = client.get("/logg-inn/").text
    assert "Logg inn med Feide" in page
    assert "Logg inn med kode på e-post" in page
    assert "arbeidsgiverens innlogging eller med en kode til jobb-e-posten" in page


def test_open_sign_up_is_closed(client, db):
    response = client.post(
        "/konto/signup/", {"email": "new@x.test", "password1": "Lister-lab-2025!"}
    )
    assert not Person.objects.filter(email="new@x.test").exists()
    assert response.status_code in (200, 403)


def test_a_nynorsk_sign_in_error_is_nynorsk(client, kari):
    client.cookies["hubro_language"] = "nn"
    response = _sign_in(client, kari.email, "wrong-password")
    assert "E-postadressa eller passordet er feil." in response.text
    client.cookies["hubro_language"] = "nb"
    response = _sign_in(client, kari.email, "wrong-password")
    assert "Feil e-post eller passord." in response.text


def test_allauths_own_messages_are_nynorsk_too(client, kari):
    # allauth ships bokmål but no nynorsk; Hubro's catalogue of its messages does.
    client.cookies["hubro_language"] = "nn"
    _sign_in(client, kari.email, PASSWORD)
    response = client.post("/logg-ut/", follow=True)
    assert "Du er logga ut." in response.text
    client.cookies["hubro_language"] = "nb"
    _sign_in(client, kari.email, PASSWORD)
    response = client.post("/logg-ut/", follow=True)
    assert "Du er logget ut." in response.text


def test_a_forgotten_password_is_reset_by_e_mail(client, kari):
    import re as regex

    client.post("/konto/password/reset/", {"email": kari.email})
    (message,) = mail.outbox
    link = regex.search(r"https?://[^/\s]+(/konto/password/reset/key/\S+)", message.body).group(1)
    response = client.get(link, follow=True)
    new = "Nytt-passord-for-Lister-2026"
    client.post(
        response.redirect_chain[-1][0] if response.redirect_chain else link,
        {"password1": new, "password2": new},
    )
    assert _sign_in(client, kari.email, new).status_code == 302
    assert AuditEntry.objects.filter(action="person.password_reset", actor=kari).exists()
