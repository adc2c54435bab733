"""Shared fixtures: a small world of named people, so permission tests read like stories.

- kari: employee of Nav (state), books desks.
- ola: employee of Lyngdal kommune (municipal).
- vera: host of the test hub, employed by Lyngdal kommune.
- admin: an administrator.
"""

import datetime as dt
import os
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone

from hubro.core.actions import issue_api_token
from hubro.core.models import Membership, Municipality, Organization, Person, Region
from hubro.core.places import load_places
from hubro.spaces.models import Hub, HubHost, OpeningHours, Space

PASSWORD = "correct-horse-battery"


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # Tests render templates without running collectstatic first.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _sign_in_defaults(settings):
    """No second factor required unless a test turns it on (HUBRO_MFA_REQUIRED)."""
    settings.HUBRO_MFA_REQUIRED = "none"


@pytest.fixture(autouse=True)
def fresh_cache():
    """No counter of an earlier test (rate limits, sign-in lockouts) is left in the cache,
    before or after: every test from 127.0.0.1 would otherwise count against one API,
    guest and sign-in limit."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def places(db):
    """Municipalities and regions. A data migration loads them, but transactional
    tests flush the database, so load them again when they are gone."""
    if not Municipality.objects.exists():
        load_places(Municipality, Region)


@pytest.fixture
def lyngdal(places):
    return Municipality.objects.get(number="4225")


@pytest.fixture
def nav(places):
    return Organization.objects.create(
        orgnr="889640782",
        name="Arbeids- og velferdsetaten",
        sector="state",
        municipality=Municipality.objects.get(number="0301"),
    )


@pytest.fixture
def lyngdal_kommune(lyngdal):
    return Organization.objects.create(
        orgnr="922421498", name="Lyngdal kommune", sector="municipal", municipality=lyngdal
    )


def make_person(email, organization, *, name="", role=Membership.Role.MEMBER, **extra):
    person = Person.objects.create_user(email=email, password=PASSWORD, name=name, **extra)
    Membership.objects.create(person=person, organization=organization, role=role)
    return person


@pytest.fixture
def kari(nav):
    return make_person("kari@nav.test", nav, name="Kari Nordmann")


@pytest.fixture
def ola(lyngdal_kommune):
    return make_person("ola@lyngdal.test", lyngdal_kommune, name="Ola Nordmann")


@pytest.fixture
def hub(lyngdal, lyngdal_kommune, nav):
    # Open every day, holidays included, so that tests do not depend on the date they run.
    hub = Hub.objects.create(
        name="Testlab",
        slug="testlab",
        municipality=lyngdal,
        host_organization=lyngdal_kommune,
        observe_public_holidays=False,
    )
    hub.member_organizations.add(lyngdal_kommune, nav)
    OpeningHours.objects.bulk_create(
        OpeningHours(hub=hub, weekday=day, opens=dt.time(7), closes=dt.time(18))
        for day in range(7)
    )
    return hub


@pytest.fixture
def desk(hub):
    return Space.objects.create(hub=hub, name="Plass 1", kind=Space.Kind.DESK)


@pytest.fixture
def meeting_room(hub):
    return Space.objects.create(hub=hub, name="Møterom Lister", kind="meeting_room", capacity=10)


@pytest.fixture
def vera(hub, lyngdal_kommune):
    person = make_person("vera@lyngdal.test", lyngdal_kommune, name="Vera Vert")
    HubHost.objects.create(hub=hub, person=person)
    return person


@pytest.fixture
def admin_person(nav):
    return make_person("admin@hubro.test", nav, name="Ada Admin", is_staff=True, is_superuser=True)


@pytest.fixture
def tomorrow():
    return timezone.localdate() + dt.timedelta(days=1)


def at(day, hour, minute=0):
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=timezone.get_default_timezone())


class ApiClient:
    """A test client that sends a bearer token and JSON."""

    def __init__(self, person=None, token=None):
        self.client = Client()
        self.token = token or (issue_api_token(person) if person else None)

    def _headers(self):
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def get(self, path, **params):
        return self.client.get(path, params, headers=self._headers())

    def post(self, path, data):
        return self.client.post(
            path, data, content_type="application/json", headers=self._headers()
        )

    def patch(self, path, data):
        return self.client.patch(
            path, data, content_type="application/json", headers=self._headers()
        )

    def delete(self, path):
        return self.client.delete(path, headers=self._headers())


@pytest.fixture
def api_as():
    return ApiClient


# --- Browser tests -----------------------------------------------------------------------
CHROMIUM = "/usr/bin/chromium"
AXE_JS = Path(__file__).resolve().parent / "node_modules/axe-core/axe.min.js"


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
    # around it are ordinary synchronous calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="nb-NO")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def sign_in(page, email, password=PASSWORD):
    page.goto("/logg-inn/")
    page.get_by_label("E-post").fill(email)
    page.get_by_label("Passord").fill(password)
    page.get_by_role("button", name="Logg inn").click()
    page.wait_for_url(lambda url: "/logg-inn/" not in url)


def axe_violations(page, impacts=("serious", "critical")):
    """Run axe-core (from npm, served locally) on the page; return the grave findings."""
    # Evaluated through the DevTools protocol, not a <script> tag: the Content Security
    # Policy forbids inline script on the page, and the tests keep that policy on.
    page.evaluate(AXE_JS.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values:"
        " ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in impacts
    ]


# --- The shared demo server --------------------------------------------------------------
@pytest.fixture(scope="session")
def demo_server(tmp_path_factory):
    """One running Hubro with the demo loaded, for the whole session (see
    ``testsupport/demo_server.py``). Tests share its state: book your own space and day,
    or only read."""
    from testsupport import demo_server as server_module

    server = server_module.start(tmp_path_factory.mktemp("demo-server"))
    yield server
    server_module.stop(server)


@pytest.fixture(scope="session")
def _demo_sessions():
    return {}


@pytest.fixture
def demo_page(browser, demo_server, _demo_sessions):
    """``demo_page(email=None, *, language="nb", width=1280, height=900)``: a new page on
    the demo server, signed in as ``email`` (a demo account), or a visitor when None.
    Each person signs in once per test session; later pages reuse the session cookie."""
    from hubro.core.demo import DEMO_PASSWORD

    contexts = []

    def open_page(email=None, *, language="nb", width=1280, height=900):
        options = {
            "base_url": demo_server.url,
            "locale": {"nb": "nb-NO", "nn": "nn-NO", "en": "en-GB"}[language],
            "viewport": {"width": width, "height": height},
        }
        if email and email in _demo_sessions:
            options["storage_state"] = _demo_sessions[email]
        context = browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        if email and email not in _demo_sessions:
            sign_in(page, email, DEMO_PASSWORD)
            _demo_sessions[email] = context.storage_state()
        if language != "nb":
            context.add_cookies(
                [{"name": "hubro_language", "value": language, "url": demo_server.url}]
            )
        return page

    yield open_page
    for context in contexts:
        context.close()
