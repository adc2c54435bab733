"""API tokens expire, a person manages their own on «Sikkerhet og innlogging», and
`hubro token list|revoke` does it from the command line; all audited."""

import datetime as dt
import re

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from hubro.core.actions import issue_api_token
from hubro.core.models import ApiToken, AuditEntry

pytestmark = pytest.mark.django_db


def test_a_token_expires_after_the_default_or_the_chosen_days(kari, client, settings):
    raw = issue_api_token(kari)
    token = ApiToken.objects.get()
    expected = timezone.now() + dt.timedelta(days=settings.HUBRO_API_TOKEN_DAYS)
    assert abs(token.expires_at - expected) < dt.timedelta(minutes=1)
    headers = {"Authorization": f"Bearer {raw}"}
    assert client.get("/api/v1/hubs", headers=headers).status_code == 200
    ApiToken.objects.filter(pk=token.pk).update(
        expires_at=timezone.now() - dt.timedelta(seconds=1)
    )
    assert client.get("/api/v1/hubs", headers=headers).status_code == 401


def test_a_person_makes_and_revokes_their_own_token(kari, ola, client):
    other = issue_api_token(ola, name="Olas")
    client.force_login(kari)
    response = client.post("/konto/sikkerhet/api-nokler/ny/", {"name": "Skjermen", "days": "30"})
    raw = re.search(r'value="(hubro_[^"]+)"', response.text).group(1)
    token = ApiToken.objects.get(person=kari)
    days = round((token.expires_at - token.created_at).total_seconds() / 86400)
    assert (token.name, days) == ("Skjermen", 30)
    page = client.get("/konto/sikkerhet/").text
    assert "Skjermen" in page and raw not in page  # the secret is shown once

    olas = ApiToken.objects.get(person=ola)
    assert client.post(f"/konto/sikkerhet/api-nokler/{olas.pk}/trekk-tilbake/").status_code == 404
    client.post(f"/konto/sikkerhet/api-nokler/{token.pk}/trekk-tilbake/")
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert (
        client.get("/api/v1/hubs", headers={"Authorization": f"Bearer {raw}"}).status_code == 401
    )
    assert (
        client.get("/api/v1/hubs", headers={"Authorization": f"Bearer {other}"}).status_code == 200
    )
    assert set(AuditEntry.objects.filter(actor=kari).values_list("action", flat=True)) >= {
        "apitoken.create",
        "apitoken.revoke",
    }


def test_a_lifetime_outside_the_choices_is_refused(kari, client):
    client.force_login(kari)
    response = client.post(
        "/konto/sikkerhet/api-nokler/ny/", {"name": "x", "days": "9999"}, follow=True
    )
    assert "Nøkkelen ble ikke laget" in response.text
    assert not ApiToken.objects.exists()


def test_token_list_and_revoke_from_the_command_line(kari, ola, capsys):
    call_command("token", "create", kari.email, "--name", "Timeplan", "--days", "7")
    issue_api_token(ola, name="Olas")
    capsys.readouterr()
    call_command("token", "list")
    listing = capsys.readouterr().out
    assert "kari@nav.test" in listing and "Timeplan" in listing and "valid until" in listing
    token = ApiToken.objects.get(person=kari)
    call_command("token", "revoke", str(token.pk))
    assert "Revoked" in capsys.readouterr().out
    call_command("token", "list")
    assert "Timeplan" not in capsys.readouterr().out
    call_command("token", "list", "--all")
    assert "revoked" in capsys.readouterr().out
    with pytest.raises(CommandError, match="No single token"):
        call_command("token", "revoke", "hubro_nope")
    assert AuditEntry.objects.filter(action="apitoken.revoke").count() == 1
