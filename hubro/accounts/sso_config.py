"""Single sign-on providers from the environment, read by ``hubro/settings.py``.

``HUBRO_SSO_PROVIDERS`` lists provider ids (``ansattporten,entra,feide``). Each id ``X``
is configured by ``HUBRO_SSO_<X>_*`` variables (see docs/configuration.md). The kind of
a provider decides how Hubro finds the person's organization in the claims:

- ``ansattporten``: the organisation chosen in Ansattporten's organisation picker, from
  the ``authorization_details`` claim (rich authorization request);
- ``entra``: the ``tid`` claim of Microsoft Entra ID (multi-tenant), matched against the
  tenant ids that organizations list;
- ``generic``: any other OpenID Connect provider; ``HUBRO_SSO_<X>_ORG_CLAIM`` names the
  claim and ``HUBRO_SSO_<X>_ORG_KIND`` says whether it holds an organisation number or
  a tenant id.

This module imports nothing from Django's apps: settings import it."""

import json
import os
import re

from hubro.config import ConfigError

KINDS = ("ansattporten", "entra", "generic")
ORG_KINDS = ("orgnr", "tenant")
ENTRA_URL = "https://login.microsoftonline.com/organizations/v2.0"
ANSATTPORTEN_URL = "https://ansattporten.no"
DEFAULT_RAR_TYPE = "ansattporten:altinn:resource"
_ID = re.compile(r"^[a-z][a-z0-9_-]{0,29}$")


def _get(environ, name, default=""):
    return environ.get(name, default).strip()


def _provider(provider_id: str, environ) -> dict:
    prefix = f"HUBRO_SSO_{provider_id.upper().replace('-', '_')}_"
    kind = _get(environ, prefix + "KIND") or (provider_id if provider_id in KINDS else "generic")
    if kind not in KINDS:
        raise ConfigError(prefix + "KIND", f"expected one of {', '.join(KINDS)}, got {kind!r}")
    client_id = _get(environ, prefix + "CLIENT_ID")
    if not client_id:
        raise ConfigError(prefix + "CLIENT_ID", "is required for a listed SSO provider")
    url = _get(environ, prefix + "URL") or {
        "ansattporten": ANSATTPORTEN_URL,
        "entra": ENTRA_URL,
    }.get(kind, "")
    if not url.startswith(("https://", "http://")):
        raise ConfigError(prefix + "URL", "must be the provider's issuer address (https://…)")
    default_names = {"ansattporten": "Ansattporten", "entra": "Microsoft Entra ID"}
    scopes = _get(environ, prefix + "SCOPES") or (
        "openid profile" if kind == "ansattporten" else "openid profile email"
    )
    settings = {
        "server_url": url,
        "scope": scopes.split(),
        "hubro_kind": kind,
        "oauth_pkce_enabled": True,
    }
    auth_params = {}
    if kind == "ansattporten":
        resource = _get(environ, prefix + "RESOURCE")
        if not resource:
            raise ConfigError(
                prefix + "RESOURCE",
                "is required for Ansattporten: the Altinn resource the organisation picker"
                " asks for (urn:altinn:resource:…)",
            )
        details = [
            {"type": _get(environ, prefix + "RAR_TYPE") or DEFAULT_RAR_TYPE, "resource": resource}
        ]
        auth_params["authorization_details"] = json.dumps(details, separators=(",", ":"))
        acr = _get(environ, prefix + "ACR_VALUES", "substantial")
        if acr:
            auth_params["acr_values"] = acr
    elif kind == "generic":
        claim = _get(environ, prefix + "ORG_CLAIM")
        if not claim:
            raise ConfigError(
                prefix + "ORG_CLAIM",
                "names the claim that holds the organisation number or tenant id",
            )
        org_kind = _get(environ, prefix + "ORG_KIND", "orgnr")
        if org_kind not in ORG_KINDS:
            raise ConfigError(prefix + "ORG_KIND", f"expected orgnr or tenant, got {org_kind!r}")
        settings["hubro_org_claim"] = claim
        settings["hubro_org_kind"] = org_kind
    if auth_params:
        settings["auth_params"] = auth_params
    return {
        "provider_id": provider_id,
        "name": _get(environ, prefix + "NAME") or default_names.get(kind, provider_id.title()),
        "client_id": client_id,
        "secret": _get(environ, prefix + "CLIENT_SECRET"),
        "settings": settings,
    }


def providers_from_env(environ=None) -> list[dict]:
    """The configured providers as allauth app dicts, in the order listed."""
    environ = os.environ if environ is None else environ
    ids = [item.strip().lower() for item in environ.get("HUBRO_SSO_PROVIDERS", "").split(",")]
    apps = []
    for provider_id in filter(None, ids):
        if not _ID.match(provider_id):
            raise ConfigError(
                "HUBRO_SSO_PROVIDERS",
                f"{provider_id!r} is not a valid id (lower-case letters, digits, - and _)",
            )
        apps.append(_provider(provider_id, environ))
    return apps
