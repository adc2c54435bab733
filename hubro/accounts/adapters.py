"""Hubro's hooks into django-allauth: open sign-up is off; single sign-on creates a
person only when the claims name an organization Hubro can make them a member of; a
one-time code creates one only at a listed e-mail domain (``forms.py``)."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from hubro.core.models import Organization, normalize_domain

from . import claims as claimkit
from .joining import CannotJoin, ensure_membership, organization_for_orgnr, organization_for_tenant

ORG_STATE_KEY = "hubro_organization"


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": _("Feil e-post eller passord."),
        "too_many_login_attempts": _(
            "For mange feil forsøk. Innloggingen er sperret i %(minutes)s minutter. Du kan"
            " også be om en engangskode eller nytt passord på e-post."
        ),
    }

    def validation_error(self, code, *args):
        error = super().validation_error(code, *args)
        if code == "too_many_login_attempts":
            error.message = error.message % {"minutes": settings.HUBRO_LOGIN_LOCKOUT_MINUTES}
        return error

    def is_open_for_signup(self, request):
        """No open sign-up: people join through single sign-on or a code to a work
        address (see ``joining``); administrators make the other accounts."""
        return False

    def authentication_failed(self, request, **credentials):
        from .audit import record_failed_sign_in

        record_failed_sign_in(request, credentials.get("email", ""))

    def populate_username(self, request, user):
        pass  # Person has no username


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin):
        # pre_social_login has refused everyone whose organization is unknown.
        return True

    def _organization(self, sociallogin) -> Organization | None:
        provider = sociallogin.account.get_provider()
        app_settings = provider.app.settings if provider.app else {}
        claims = claimkit.merged_claims(sociallogin.account.extra_data)
        found = claimkit.employer(
            app_settings.get("hubro_kind", "generic"),
            claims,
            org_claim=app_settings.get("hubro_org_claim", ""),
            org_kind=app_settings.get("hubro_org_kind", "orgnr"),
        )
        if found is None:
            return None
        if found.kind == "tenant":
            return organization_for_tenant(found.value)
        return organization_for_orgnr(found.value, name_hint=found.name)

    def _refuse(self, request, message):
        response = render(
            request,
            "accounts/cannot_join.html",
            {"title": _("Du kan ikke logge inn her ennå"), "message": message},
            status=403,
        )
        raise ImmediateHttpResponse(response)

    def pre_social_login(self, request, sociallogin):
        """Find the organization the claims name. A newcomer without one is refused
        with a page that says why; a known person gains the membership if missing."""
        try:
            organization = self._organization(sociallogin)
        except CannotJoin as exc:
            if sociallogin.is_existing:
                return
            self._refuse(request, exc.detail)
        if organization is None:
            if not sociallogin.is_existing:
                self._refuse(
                    request,
                    _(
                        "Innloggingen sa ikke hvilken organisasjon du kommer fra, eller"
                        " organisasjonen din er ikke med i Hubro ennå."
                    ),
                )
            return
        sociallogin.state[ORG_STATE_KEY] = organization.pk
        domains = set(organization.email_domains.values_list("domain", flat=True))
        for address in sociallogin.email_addresses:
            # An address at the organization's own domain, vouched for by the
            # organization's identity provider, needs no code.
            if normalize_domain(address.email.rpartition("@")[2]) in domains:
                address.verified = True
        if sociallogin.is_existing:
            ensure_membership(sociallogin.user, organization, via=sociallogin.account.provider)

    def populate_user(self, request, sociallogin, data):
        person = super().populate_user(request, sociallogin, data)
        name = data.get("name") or " ".join(
            part for part in (data.get("first_name"), data.get("last_name")) if part
        )
        person.name = (name or "")[:200]
        person.email = (person.email or "").lower()
        return person

    def save_user(self, request, sociallogin, form=None):
        from hubro.core.audit import record

        person = super().save_user(request, sociallogin, form)
        record(person, "person.create", person, changes={"via": sociallogin.account.provider})
        organization_id = sociallogin.state.get(ORG_STATE_KEY)
        if organization_id:
            organization = Organization.objects.get(pk=organization_id)
            ensure_membership(person, organization, via=sociallogin.account.provider)
        return person
