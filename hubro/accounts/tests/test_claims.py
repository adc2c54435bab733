"""The employer in an identity provider's claims, and organizations made from them."""

import pytest

from hubro.accounts.claims import Employer, employer
from hubro.accounts.joining import CannotJoin, organization_for_orgnr
from hubro.accounts.sso_config import providers_from_env
from hubro.config import ConfigError
from hubro.core.models import Organization


def test_ansattporten_resource_type_names_the_chosen_organisation():
    claims = {
        "authorization_details": [
            {
                "type": "ansattporten:altinn:resource",
                "resource": "urn:altinn:resource:hubro",
                "authorized_parties": [
                    {
                        "orgno": {"authority": "iso6523-actorid-upis", "ID": "0192:889640782"},
                        "name": "ARBEIDS- OG VELFERDSETATEN",
                    }
                ],
            }
        ]
    }
    assert employer("ansattporten", claims) == Employer(
        "orgnr", "889640782", "ARBEIDS- OG VELFERDSETATEN"
    )


def test_ansattporten_service_type_names_the_reportee():
    claims = {
        "authorization_details": [
            {
                "type": "ansattporten:altinn:service",
                "resource": "urn:altinn:resource:2480:40",
                "reportees": [
                    {"Rights": ["Read"], "ID": "0192:922421498", "Name": "LYNGDAL KOMMUNE"}
                ],
            }
        ]
    }
    assert employer("ansattporten", claims) == Employer("orgnr", "922421498", "LYNGDAL KOMMUNE")


def test_no_choice_no_employer():
    assert employer("ansattporten", {"sub": "x"}) is None
    assert employer("entra", {"sub": "x"}) is None


def test_entra_and_a_configured_claim():
    assert employer("entra", {"tid": "abc"}) == Employer("tenant", "abc")
    claims = {"org": ["0192:974760673"]}
    assert employer("generic", claims, org_claim="org") == Employer("orgnr", "974760673")
    assert employer("generic", {"realm": "t1"}, org_claim="realm", org_kind="tenant") == (
        Employer("tenant", "t1")
    )


@pytest.mark.django_db
def test_an_organisation_unknown_to_the_register_needs_a_home_municipality(settings, places):
    settings.HUBRO_SSO_DEFAULT_MUNICIPALITY = ""
    with pytest.raises(CannotJoin, match="ikke registrert i Hubro"):
        organization_for_orgnr("974760673", name_hint="Skatteetaten")
    settings.HUBRO_SSO_DEFAULT_MUNICIPALITY = "4225"
    made = organization_for_orgnr("974760673", name_hint="SKATTEETATEN")
    assert (made.name, made.sector, made.municipality.number) == ("Skatteetaten", "other", "4225")
    assert organization_for_orgnr("974 760 673") == made
    with pytest.raises(CannotJoin, match="ugyldig organisasjonsnummer"):
        organization_for_orgnr("123456789")
    assert Organization.objects.count() == 1


def test_provider_settings_are_checked_at_start():
    with pytest.raises(ConfigError, match="HUBRO_SSO_ANSATTPORTEN_RESOURCE"):
        providers_from_env(
            {"HUBRO_SSO_PROVIDERS": "ansattporten", "HUBRO_SSO_ANSATTPORTEN_CLIENT_ID": "x"}
        )
    with pytest.raises(ConfigError, match="HUBRO_SSO_FEIDE_ORG_CLAIM"):
        providers_from_env(
            {
                "HUBRO_SSO_PROVIDERS": "feide",
                "HUBRO_SSO_FEIDE_CLIENT_ID": "x",
                "HUBRO_SSO_FEIDE_URL": "https://auth.dataporten.no",
            }
        )
    (app,) = providers_from_env(
        {
            "HUBRO_SSO_PROVIDERS": "entra",
            "HUBRO_SSO_ENTRA_CLIENT_ID": "c",
            "HUBRO_SSO_ENTRA_CLIENT_SECRET": "s",
        }
    )
    assert app["settings"]["server_url"] == "https://login.microsoftonline.com/organizations/v2.0"
    assert app["name"] == "Microsoft Entra ID"
