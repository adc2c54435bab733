"""`hubro user create` and `hubro token create`, as a provisioning script uses them."""

import io
import os
import re
import subprocess

import pytest
from django.core.management import CommandError, call_command

from hubro.core.models import ApiToken, Membership, Person

pytestmark = pytest.mark.django_db


def test_user_create_makes_a_member_of_the_organization(nav, capsys):
    call_command("user", "create", "Per@Nav.test", "--org", "889 640 782", "--name", "Per Hansen")
    person = Person.objects.get(email="per@nav.test")
    membership = person.memberships.get()
    assert (membership.organization, membership.role) == (nav, Membership.Role.MEMBER)
    assert person.name == "Per Hansen"
    assert not person.has_usable_password()
    assert "per@nav.test" in capsys.readouterr().out


def test_user_create_reads_the_password_from_standard_input(nav, client, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret-pass-Lister!\n"))
    call_command("user", "create", "per@nav.test", "--org", "889640782", "--password-stdin")
    assert client.login(username="per@nav.test", password="s3cret-pass-Lister!")


def test_user_create_never_takes_a_password_as_an_argument(nav):
    with pytest.raises(CommandError, match="unrecognized arguments"):
        call_command(
            "user", "create", "per@nav.test", "--org", "889640782", "--password", "s3cret!"
        )
    assert not Person.objects.filter(email="per@nav.test").exists()


def test_user_create_runs_the_password_validators(nav, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("12345678\n"))
    with pytest.raises(CommandError, match=r"(?i)too common|entirely numeric"):
        call_command("user", "create", "per@nav.test", "--org", "889640782", "--password-stdin")
    assert not Person.objects.filter(email="per@nav.test").exists()


def test_user_create_asks_twice_on_a_terminal(nav, client, monkeypatch):
    answers = iter(["Fjordane-kontor-2025", "Fjordane-kontor-2025"])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    call_command("user", "create", "per@nav.test", "--org", "889640782")
    assert client.login(username="per@nav.test", password="Fjordane-kontor-2025")


def test_user_create_refuses_two_different_passwords(nav, monkeypatch):
    answers = iter(["Fjordane-kontor-2025", "Fjordane-kontor-2026"])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    with pytest.raises(CommandError, match="differ"):
        call_command("user", "create", "per@nav.test", "--org", "889640782")
    assert not Person.objects.filter(email="per@nav.test").exists()


def test_user_create_refuses_a_duplicate_email(kari):
    with pytest.raises(CommandError, match=re.escape("kari@nav.test")):
        call_command("user", "create", "KARI@nav.test", "--org", "889640782")
    assert Person.objects.filter(email__iexact="kari@nav.test").count() == 1


def test_user_create_refuses_an_unknown_organization(nav):
    with pytest.raises(CommandError, match="974761076"):
        call_command("user", "create", "new@x.test", "--org", "974761076")
    assert not Person.objects.filter(email="new@x.test").exists()


def test_user_create_refuses_a_bad_email(nav):
    with pytest.raises(CommandError, match="not-an-email"):
        call_command("user", "create", "not-an-email", "--org", "889640782")


def test_token_create_prints_a_working_token(kari, client, capsys):
    call_command("token", "create", "kari@nav.test")
    token = capsys.readouterr().out.strip()
    assert token.startswith("hubro_")
    assert ApiToken.objects.get().key_hash != token  # only a hash is stored
    response = client.get("/api/v1/hubs", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200


def test_token_create_for_an_unknown_person_is_a_clear_error(db):
    with pytest.raises(CommandError, match=re.escape("nobody@x.test")):
        call_command("token", "create", "nobody@x.test")


def test_an_unmigrated_database_gets_advice_not_a_traceback(db, tmp_path):
    result = subprocess.run(
        ["hubro", "user", "create", "a@b.test", "--org", "123"],
        capture_output=True,
        text=True,
        timeout=120,
        env={
            "PATH": f"{__import__('sys').prefix}/bin:/usr/bin:/bin",
            "HUBRO_VAR_DIR": str(tmp_path),
            # Hubro refuses to start without a secret key (DEBUG off).
            "HUBRO_SECRET_KEY": os.environ["HUBRO_SECRET_KEY"],
        },
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "hubro migrate" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
