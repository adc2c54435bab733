"""Single sign-on end to end, in Chromium, against a real OpenID Connect provider (the
certified npm package `oidc-provider`, started on 127.0.0.1): once set up like
Ansattporten (the organisation picker, `authorization_details`), once like Entra ID
(multi-tenant, `tid`). A first-time person lands signed in, a member of the right
organization, and books a desk at once."""

import re

import pytest
from playwright.sync_api import expect

from hubro.accounts.sso_config import providers_from_env
from hubro.core.models import (
    Membership,
    Organization,
    OrganizationDomain,
    OrganizationTenant,
    Person,
)
from testsupport import oidc

from .support import last_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TENANT = "6f1c2b0e-3d4a-4c5b-9e8f-0a1b2c3d4e5f"
SKATTEETATEN_LYNGDAL = "970004777"  # a local unit in the register fixtures, in Lyngdal


def configure(settings, provider, provider_id, kind, **extra):
    environ = {
        "HUBRO_SSO_PROVIDERS": provider_id,
        f"HUBRO_SSO_{provider_id.upper()}_KIND": kind,
        f"HUBRO_SSO_{provider_id.upper()}_URL": provider.url,
        f"HUBRO_SSO_{provider_id.upper()}_CLIENT_ID": provider.client_id,
        f"HUBRO_SSO_{provider_id.upper()}_CLIENT_SECRET": provider.client_secret,
        **extra,
    }
    settings.SOCIALACCOUNT_PROVIDERS = {"hubro_sso": {"APPS": providers_from_env(environ)}}


def book_a_desk(page, desk, day):
    page.goto(f"/huber/testlab/rom/{desk.pk}/book/?date={day.isoformat()}")
    page.get_by_label("Fra").fill("09:00")
    page.get_by_label("Til").fill("12:00")
    page.get_by_role("button", name="Book", exact=True).click()
    # The booking's own page confirms it; Mine bookinger lists it.
    expect(page).to_have_url(re.compile(r"/mine-bookinger/\d+/$"))
    expect(page.get_by_role("status")).to_contain_text("09:00–12:00")
    page.goto("/mine-bookinger/")
    expect(page.get_by_role("row").filter(has_text="Plass 1, Testlab")).to_contain_text(
        "09:00–12:00"
    )


@pytest.fixture
def entra(live_server, tmp_path):
    provider = oidc.start(
        "entra",
        tmp_path,
        redirect_uris=[f"{live_server.url}/konto/sso/entra/callback/"],
        tenant=TENANT,
        accounts={
            "siri": {
                "email": "siri.sund@nav.test",
                "name": "Siri Sund",
                "preferred_username": "siri.sund@nav.test",
            },
            "stranger": {"email": "sam@elsewhere.test", "name": "Sam Stranger"},
        },
    )
    yield provider
    provider.stop()


def test_entra_newcomer_lands_signed_in_as_a_member_and_books(
    page, settings, entra, nav, desk, tomorrow
):
    OrganizationTenant.objects.create(organization=nav, tenant_id=TENANT)
    OrganizationDomain.objects.create(organization=nav, domain="nav.test")
    configure(settings, entra, "entra", "entra", HUBRO_SSO_ENTRA_NAME="Microsoft Entra ID")

    page.goto("/logg-inn/")
    expect(page.locator("#who-can-join")).to_contain_text("arbeidsgiverens innlogging")
    page.get_by_role("button", name="Logg inn med Microsoft Entra ID").click()
    page.get_by_label("Brukernavn").fill("siri")
    page.get_by_role("button", name="Logg inn").click()
    expect(page.get_by_role("button", name="Logg ut")).to_be_visible()

    person = Person.objects.get(email="siri.sund@nav.test")
    assert person.name == "Siri Sund"
    assert list(person.memberships.values_list("organization__orgnr", "role")) == [
        (nav.orgnr, Membership.Role.MEMBER)
    ]
    book_a_desk(page, desk, tomorrow)
    assert person.bookings.count() == 1


def test_entra_tenant_no_organization_lists_is_refused_with_a_reason(page, settings, entra, nav):
    configure(settings, entra, "entra", "entra")  # Nav lists no tenant
    page.goto("/logg-inn/")
    page.get_by_role("button", name=re.compile("Logg inn med")).click()
    page.get_by_label("Brukernavn").fill("stranger")
    page.get_by_role("button", name="Logg inn").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Du kan ikke logge inn her ennå")
    expect(page.get_by_text("organisasjonen din er ikke med i Hubro")).to_be_visible()
    assert not Person.objects.filter(email="sam@elsewhere.test").exists()


@pytest.fixture
def ansattporten(live_server, tmp_path):
    provider = oidc.start(
        "ansattporten",
        tmp_path,
        redirect_uris=[f"{live_server.url}/konto/sso/ansattporten/callback/"],
        accounts={
            "siri": {
                "name": "Siri Sund",
                "pid": "24014005913",
                "organisations": [
                    {"orgnr": SKATTEETATEN_LYNGDAL, "name": "SKATTEETATEN LYNGDAL"},
                    {"orgnr": "889640782", "name": "ARBEIDS- OG VELFERDSETATEN"},
                ],
            }
        },
    )
    yield provider
    provider.stop()


def test_ansattporten_newcomer_joins_the_organisation_she_picked(
    page, settings, ansattporten, nav, desk, tomorrow
):
    from hubro.registry.tests.conftest import SECOND, import_snapshot

    import_snapshot(SECOND)  # the register knows the unit; Hubro does not yet
    assert not Organization.objects.filter(orgnr=SKATTEETATEN_LYNGDAL).exists()
    configure(
        settings,
        ansattporten,
        "ansattporten",
        "ansattporten",
        HUBRO_SSO_ANSATTPORTEN_RESOURCE="urn:altinn:resource:hubro-kontorplass",
    )

    page.goto("/logg-inn/")
    page.get_by_role("button", name="Logg inn med Ansattporten").click()
    page.get_by_label("Brukernavn").fill("siri")
    page.get_by_role("button", name="Logg inn").click()
    page.get_by_label("SKATTEETATEN LYNGDAL").check()  # the organisation picker
    page.get_by_role("button", name="Velg").click()

    asked = ansattporten.last_authorization()
    assert asked["authorization_details"] == (
        '[{"type":"ansattporten:altinn:resource",'
        '"resource":"urn:altinn:resource:hubro-kontorplass"}]'
    )
    # Ansattporten gives no e-mail address: Hubro asks for one and confirms it by code.
    page.get_by_label(re.compile("E-post", re.I)).fill("siri.sund@skatteetaten.test")
    page.get_by_role("button", name=re.compile("Registrer|Sign Up", re.I)).click()
    page.get_by_label(re.compile("Kode|Code", re.I)).fill(last_code("siri.sund@skatteetaten.test"))
    page.get_by_role("button", name=re.compile("Bekreft|Confirm", re.I)).click()
    expect(page.get_by_role("button", name="Logg ut")).to_be_visible()

    organization = Organization.objects.get(orgnr=SKATTEETATEN_LYNGDAL)
    assert (organization.name, organization.municipality.number) == (
        "Skatteetaten Lyngdal",
        "4225",
    )
    person = Person.objects.get(email="siri.sund@skatteetaten.test")
    assert list(person.memberships.values_list("organization__orgnr", flat=True)) == [
        SKATTEETATEN_LYNGDAL
    ]
    book_a_desk(page, desk, tomorrow)
