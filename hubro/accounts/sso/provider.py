"""Hubro's single sign-on provider: allauth's OpenID Connect provider, with the issuer
check Microsoft Entra ID's multi-tenant endpoint needs (see ``views``)."""

from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider

from .views import SSOAdapter


class SSOProvider(OpenIDConnectProvider):
    id = "hubro_sso"
    name = "Single sign-on"
    package = "hubro.accounts.sso"
    oauth2_adapter_class = SSOAdapter

    def get_default_scope(self):
        return ["openid", "profile", "email"]


provider_classes = [SSOProvider]
