"""A host must set up a second factor before any host page opens; TOTP works in
Chromium (the code computed from the secret the page shows)."""

import re
import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from playwright.sync_api import expect

from conftest import PASSWORD, axe_violations, sign_in
from hubro.core.models import AuditEntry

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def totp(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def test_a_host_sets_up_totp_before_a_host_page_opens(page, settings, vera, hub):
    settings.HUBRO_MFA_REQUIRED = "privileged"
    settings.MFA_TOTP_TOLERANCE = 1  # a code computed at the edge of a 30 s step
    sign_in(page, vera.email)
    expect(page).to_have_url(re.compile(r"/konto/totrinn-kreves/$"))
    page.goto("/huber/testlab/logg/")
    expect(page).to_have_url(re.compile(r"/konto/totrinn-kreves/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Sett opp totrinnsinnlogging")
    assert axe_violations(page) == []

    page.get_by_role("link", name=re.compile("Kodeapp")).click()
    # Changing second factors asks for the password again (a stolen session cannot).
    expect(page).to_have_url(re.compile(r"/konto/reauthenticate/"))
    assert axe_violations(page) == []
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    secret = page.locator("#authenticator_secret").input_value()
    assert re.fullmatch(r"[A-Z2-7]{16,}", secret)
    assert axe_violations(page) == []
    page.locator("input[name=code]").fill(totp(secret))
    page.locator("main form button[type=submit]").last.click()
    expect(page).not_to_have_url(re.compile(r"/totp/activate/"))
    assert AuditEntry.objects.filter(action="authenticator.create", actor=vera).exists()

    page.goto("/huber/testlab/logg/")
    expect(page).to_have_url(re.compile(r"/huber/testlab/logg/$"))

    # The next sign-in asks for a code from the app.
    page.get_by_role("button", name="Logg ut").click()
    page.goto("/logg-inn/")
    page.get_by_label("E-post").fill(vera.email)
    page.get_by_label("Passord").fill(PASSWORD)
    page.get_by_role("button", name="Logg inn").click()
    expect(page).to_have_url(re.compile(r"/konto/2fa/authenticate/"))
    assert axe_violations(page) == []
    page.locator("input[name=code]").fill(totp(secret))
    page.locator("main form button[type=submit]").first.click()
    expect(page.get_by_role("button", name="Logg ut")).to_be_visible()
    page.goto("/huber/testlab/logg/")
    expect(page).to_have_url(re.compile(r"/huber/testlab/logg/$"))
