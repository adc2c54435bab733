"""Finding 1: secure by default. No published secret key in production, a Content
Security Policy without inline script, HSTS, the HTTPS redirect and the proxy header
from the environment, and `hubro check --deploy` clean under the documented
production environment (docs/production.md)."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

import hubro

PACKAGE = Path(hubro.__file__).parent
DOCS = PACKAGE.parent / "docs" / "production.md"


def run_hubro(*args, env):
    base = {
        k: v for k, v in os.environ.items() if not k.startswith(("HUBRO_", "DATABASE_", "DJANGO_"))
    }
    return subprocess.run(
        [sys.executable, "-m", "hubro.cli", *args],
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def documented_production_env() -> dict:
    """The environment file that docs/production.md tells an operator to write."""
    text = DOCS.read_text(encoding="utf-8")
    block = re.search(r"<!-- production-env -->\s*```sh\n(.*?)```", text, re.S)
    assert block, "docs/production.md has no production environment block"
    env = {}
    for line in block.group(1).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, _, value = line.partition("=")
            env[name] = value
    return env


def test_it_refuses_to_start_without_a_secret_key_when_debug_is_off(tmp_path):
    result = run_hubro("check", env={"HUBRO_DEBUG": "false", "HUBRO_VAR_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert "HUBRO_SECRET_KEY" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_published_development_key_is_refused(tmp_path):
    key = "hubro-insecure-development-key-do-not-use-in-production"
    result = run_hubro("check", env={"HUBRO_SECRET_KEY": key, "HUBRO_VAR_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert "published" in result.stderr


def test_a_debug_run_may_start_without_a_key(tmp_path):
    result = run_hubro("check", env={"HUBRO_DEBUG": "true", "HUBRO_VAR_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr


def test_the_key_can_come_from_a_file(tmp_path):
    key_file = tmp_path / "secret_key"
    key_file.write_text("k" * 50 + "\n")
    result = run_hubro(
        "shell",
        "-v",
        "0",
        "-c",
        "from django.conf import settings; print(settings.SECRET_KEY)",
        env={"HUBRO_SECRET_KEY_FILE": str(key_file), "HUBRO_VAR_DIR": str(tmp_path)},
    )
    assert result.stdout.strip() == "k" * 50, result.stderr


def test_check_deploy_is_clean_under_the_documented_production_environment(tmp_path):
    env = documented_production_env()
    for name in ("HUBRO_SECRET_KEY", "HUBRO_HTTPS", "HUBRO_PROXY_SSL_HEADER"):
        assert name in env, f"docs/production.md does not set {name}"
    env.update(
        HUBRO_SECRET_KEY=secrets.token_urlsafe(50),
        HUBRO_VAR_DIR=str(tmp_path),
        DATABASE_URL=os.environ.get("DATABASE_URL", f"sqlite:///{tmp_path}/hubro.sqlite3"),
    )
    if not env["DATABASE_URL"].startswith("postgres"):
        env["DATABASE_URL"] = f"sqlite:///{tmp_path}/hubro.sqlite3"
    env.pop("HUBRO_CACHE_URL", None)  # Redis is optional for the check itself
    result = run_hubro("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
def test_pages_carry_a_content_security_policy_without_inline_script(client):
    response = client.get("/logg-inn/")
    policy = response["Content-Security-Policy"]
    directives = dict(
        (part.split()[0], part.split()[1:]) for part in policy.split(";") if part.strip()
    )
    assert directives["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in directives.get("default-src", [])
    assert directives["frame-ancestors"] == ["'none'"]


@pytest.mark.django_db
def test_https_turns_on_the_redirect_hsts_and_the_proxy_header(settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    client = Client()
    plain = client.get("/logg-inn/")
    assert plain.status_code == 301
    assert plain["Location"].startswith("https://")
    proxied = client.get("/logg-inn/", headers={"X-Forwarded-Proto": "https"})
    assert proxied.status_code == 200
    assert proxied["Strict-Transport-Security"].startswith("max-age=31536000")
    # The health checks answer the load balancer over plain HTTP.
    assert client.get("/healthz").status_code == 200


def test_the_https_settings_come_from_the_environment(tmp_path):
    result = run_hubro(
        "shell",
        "-v",
        "0",
        "-c",
        "from django.conf import settings as s; print(s.SECURE_SSL_REDIRECT,"
        " s.SECURE_HSTS_SECONDS, s.SECURE_PROXY_SSL_HEADER, s.SESSION_COOKIE_SECURE)",
        env={
            "HUBRO_SECRET_KEY": "s" * 50,
            "HUBRO_VAR_DIR": str(tmp_path),
            "HUBRO_HTTPS": "true",
            "HUBRO_HSTS_SECONDS": "600",
            "HUBRO_PROXY_SSL_HEADER": "X-Forwarded-Proto=https",
        },
    )
    assert result.stdout.split() == [
        "True",
        "600",
        "('HTTP_X_FORWARDED_PROTO',",
        "'https')",
        "True",
    ], result.stderr


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(ld\+)?json)[^>]*>", re.I)
HANDLER = re.compile(r"""\son[a-z]+\s*=\s*["']""", re.I)


def test_no_template_holds_inline_script_or_event_handler_attributes():
    offenders = []
    for template in PACKAGE.rglob("templates/**/*.html"):
        text = template.read_text(encoding="utf-8")
        if "/email/" in str(template):
            continue  # e-mails are not served under the policy
        for pattern in (INLINE_SCRIPT, HANDLER):
            for match in pattern.finditer(text):
                offenders.append(f"{template.relative_to(PACKAGE)}: {match.group(0)}")
    assert offenders == []


def test_check_deploy_warns_without_a_base_address(tmp_path):
    env = documented_production_env()
    env.update(
        HUBRO_SECRET_KEY=secrets.token_urlsafe(50),
        HUBRO_VAR_DIR=str(tmp_path),
        DATABASE_URL=f"sqlite:///{tmp_path}/hubro.sqlite3",
    )
    env.pop("HUBRO_CACHE_URL", None)
    env.pop("HUBRO_BASE_URL")
    result = run_hubro("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0 and "hubro.W001" in result.stdout + result.stderr
