"""axe-core on every sign-in, second-factor and profile page, in bokmål, nynorsk and
English: no serious or critical violations. One browser test per group of pages,
looping over the languages."""

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD, axe_violations, sign_in
from hubro.core.actions import issue_api_token
from hubro.core.models import OrganizationDomain

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ("nb", "nn", "en")


def in_language(page, live_server, language):
    page.context.add_cookies(
        [{"name": "hubro_language", "value": language, "url": live_server.url}]
    )


def check(page, path, language, failures):
    page.goto(path)
    expect(page.locator("html")).to_have_attribute("lang", language)
    found = axe_violations(page)
    if found:
        failures.append(f"{language} {path}: {found}")


def test_sign_in_pages_pass_axe_in_every_language(page, live_server, nav):
    OrganizationDomain.objects.create(organization=nav, domain="nav.test")
    failures = []
    for language in LANGUAGES:
        page.context.clear_cookies()  # a pending code sign-in would lead elsewhere
        in_language(page, live_server, language)
        for path in ("/logg-inn/", "/konto/login/code/", "/konto/password/reset/"):
            check(page, path, language, failures)
        # An error shown on the form, and the code confirmation page.
        page.goto("/logg-inn/")
        page.locator("input[name=login]").fill("nobody@nav.test")
        page.locator("input[name=password]").fill("wrong")
        page.locator("main form button[type=submit]").click()
        expect(page.locator("#error-summary")).to_be_visible()
        assert axe_violations(page) == [], language
        page.goto("/konto/login/code/")
        page.locator("input[name=email]").fill(f"tone.{language}@nav.test")
        page.locator("main form button[type=submit]").first.click()
        expect(page).to_have_url(f"{live_server.url}/konto/login/code/confirm/")
        found = axe_violations(page)
        if found:
            failures.append(f"{language} code confirm: {found}")
    assert failures == []


def test_profile_security_and_second_factor_pages_pass_axe(page, live_server, kari):
    issue_api_token(kari, name="Skjerm i resepsjonen")
    sign_in(page, kari.email)
    failures = []
    for language in LANGUAGES:
        in_language(page, live_server, language)
        for path in (
            "/min-profil/",
            "/konto/sikkerhet/",
            "/konto/mine-data/",
            "/konto/2fa/",
            "/konto/sessions/",
            "/konto/password/change/",
            "/logg-ut/",
        ):
            check(page, path, language, failures)
        # Pages behind a fresh password: the reauthentication page, then the pages.
        page.goto("/konto/2fa/totp/activate/")
        if "/reauthenticate/" in page.url:  # once; it holds for a while
            check(page, page.url.replace(live_server.url, ""), language, failures)
            page.locator("input[name=password]").fill(PASSWORD)
            page.locator("main form button[type=submit]").first.click()
        expect(page.locator("#authenticator_secret")).to_be_visible()
        found = axe_violations(page)
        if found:
            failures.append(f"{language} totp activate: {found}")
        for path in ("/konto/2fa/webauthn/add/", "/konto/mine-data/slett-konto/"):
            check(page, path, language, failures)
    assert failures == []
