"""Sign-in, second factor, and a person's own account pages: security (password,
second factor, sessions, API tokens) and their data (download, delete)."""

import json

from allauth.account.decorators import reauthentication_required
from allauth.account.views import LoginView
from allauth.mfa.models import Authenticator
from allauth.usersessions.internal.flows.sessions import end_other_sessions
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hubro.core.actions import issue_api_token, revoke_api_token
from hubro.core.audit import record
from hubro.core.models import ApiToken

from . import export
from .erasure import erase_person
from .forms import DeleteAccountForm, LoginForm, TokenForm
from .policy import has_second_factor, second_factor_required


def sso_providers():
    """The configured single sign-on providers, for the buttons on the login page."""
    return [
        {"id": app["provider_id"], "name": app["name"]}
        for app in settings.SOCIALACCOUNT_PROVIDERS.get("hubro_sso", {}).get("APPS", [])
    ]


class SignInView(LoginView):
    template_name = "core/login.html"
    form_class = LoginForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            title=_("Logg inn"),
            sso_providers=sso_providers(),
            code_login=settings.ACCOUNT_LOGIN_BY_CODE_ENABLED,
        )
        return context


@login_required
def second_factor_required_page(request):
    if has_second_factor(request.user) or not second_factor_required(request.user):
        return redirect(settings.LOGIN_REDIRECT_URL)
    return render(
        request,
        "accounts/second_factor_required.html",
        {"title": _("Sett opp totrinnsinnlogging")},
    )


def _token_rows(person):
    now = timezone.now()
    return [
        {"token": token, "expired": token.expires_at is not None and token.expires_at <= now}
        for token in ApiToken.objects.filter(person=person, revoked_at__isnull=True).order_by(
            "-created_at"
        )
    ]


@login_required
def security(request):
    person = request.user
    return render(
        request,
        "accounts/security.html",
        {
            "title": _("Sikkerhet og innlogging"),
            "factors": Authenticator.objects.filter(user=person).exclude(
                type=Authenticator.Type.RECOVERY_CODES
            ),
            "factor_required": second_factor_required(person),
            "has_password": person.has_usable_password(),
            "tokens": _token_rows(person),
            "token_form": TokenForm(),
            "idle_minutes": settings.HUBRO_SESSION_IDLE_MINUTES,
        },
    )


@login_required
@require_POST
def token_create(request):
    form = TokenForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            _("Nøkkelen ble ikke laget: %(errors)s")
            % {"errors": " ".join(e for errors in form.errors.values() for e in errors)},
        )
        return redirect("accounts:security")
    raw = issue_api_token(
        request.user,
        name=form.cleaned_data["name"],
        actor=request.user,
        days=form.cleaned_data["days"],
    )
    return render(
        request,
        "accounts/token_created.html",
        {"title": _("Ny API-nøkkel"), "raw": raw, "name": form.cleaned_data["name"]},
    )


@login_required
@require_POST
def token_revoke(request, pk):
    token = get_object_or_404(ApiToken, pk=pk, person=request.user)
    if revoke_api_token(token, actor=request.user):
        messages.success(
            request,
            _("API-nøkkelen «%(name)s» virker ikke lenger.")
            % {"name": token.name or token.prefix},
        )
    return redirect("accounts:security")


@login_required
@require_POST
def sign_out_everywhere(request):
    person = request.user
    end_other_sessions(request, person)
    record(person, "person.logout_everywhere", person)
    logout(request)
    messages.success(request, _("Du er logget ut på alle enheter."))
    return redirect("login")


@login_required
def my_data(request):
    data = export.collect(request.user)
    return render(
        request,
        "accounts/my_data.html",
        {
            "title": _("Dine data"),
            "data": data,
            "sections": export.readable(data),
            "delete_form": DeleteAccountForm(person=request.user),
        },
    )


@login_required
def my_data_json(request):
    data = export.collect(request.user)
    record(request.user, "person.export", request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2, default=str),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="hubro-mine-data.json"'
    return response


@login_required
@reauthentication_required
def delete_account(request):
    person = request.user
    form = DeleteAccountForm(request.POST or None, person=person)
    if request.method == "POST" and form.is_valid():
        result = erase_person(person, actor=person)
        logout(request)
        messages.success(
            request,
            _(
                "Kontoen din er slettet. %(count)s kommende bookinger ble avbestilt, og"
                " tidligere bookinger er anonymisert."
            )
            % {"count": result["cancelled"]},
        )
        return redirect("login")
    return render(
        request,
        "accounts/delete_account.html",
        {"title": _("Slett kontoen din"), "form": form},
        status=422 if request.method == "POST" else 200,
    )
