import jwt
from allauth.account.internal.decorators import login_not_required
from allauth.socialaccount.internal import jwtkit
from allauth.socialaccount.models import SocialApp
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from allauth.socialaccount.providers.oauth2.views import OAuth2CallbackView, OAuth2LoginView
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter
from allauth.utils import build_absolute_uri
from django.http import Http404
from django.urls import reverse

TENANT_PLACEHOLDER = "{tenantid}"


class SSOAdapter(OpenIDConnectOAuth2Adapter):
    """OpenID Connect for Hubro's providers. Entra ID's multi-tenant discovery document
    names the issuer ``https://login.microsoftonline.com/{tenantid}/v2.0``; each token's
    issuer has the tenant filled in. The issuer is checked against the template with
    the token's own ``tid``, as Microsoft prescribes for multi-tenant applications."""

    def _decode_id_token(self, app, id_token):
        issuer = self.openid_config["issuer"]
        if TENANT_PLACEHOLDER in issuer:
            unverified = jwt.decode(id_token, options={"verify_signature": False})
            tenant = str(unverified.get("tid", ""))
            if not tenant or not all(c.isalnum() or c == "-" for c in tenant):
                raise OAuth2Error("Invalid id_token: no tenant")
            issuer = issuer.replace(TENANT_PLACEHOLDER, tenant)
        return jwtkit.verify_and_decode(
            credential=id_token,
            keys_url=self.openid_config["jwks_uri"],
            issuer=issuer,
            audience=app.client_id,
            lookup_kid=jwtkit.lookup_kid_jwk,
            verify_signature=not self.did_fetch_access_token,
        )

    def get_callback_url(self, request, app):
        callback_url = reverse("hubro_sso_callback", kwargs={"provider_id": self.provider_id})
        return build_absolute_uri(request, callback_url, self.redirect_uri_protocol)


@login_not_required
def login(request, provider_id):
    try:
        return OAuth2LoginView.adapter_view(SSOAdapter(request, provider_id))(request)
    except SocialApp.DoesNotExist:
        raise Http404 from None


@login_not_required
def callback(request, provider_id):
    try:
        return OAuth2CallbackView.adapter_view(SSOAdapter(request, provider_id))(request)
    except SocialApp.DoesNotExist:
        raise Http404 from None
