"""«Min profil»: the signed-in person's calendar address, name visibility and language."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from hubro.bookings.ical import calendar_url

from .errors import DomainError
from .forms import DesignsystemetMixin
from .profile_actions import (
    issue_calendar_token,
    revoke_calendar_token,
    set_language,
    set_presence_visibility,
)


class ProfileForm(DesignsystemetMixin, forms.Form):
    show_presence = forms.BooleanField(
        label=gettext_lazy("Vis navnet mitt i «hvem er her»"),
        help_text=gettext_lazy(
            "Andre som er logget inn, ser da navnet ditt og organisasjonen din på dager du"
            " har booket plass i en hub. Ellers telles du bare med i antallet."
        ),
        required=False,
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Språk i Hubro og i e-post"), choices=settings.LANGUAGES
    )


def _webcal(url: str | None) -> str | None:
    if not url:
        return None
    return "webcal://" + url.split("://", 1)[-1]


@login_required
def profile(request):
    person = request.user
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            try:
                set_presence_visibility(person, form.cleaned_data["show_presence"], actor=person)
                set_language(person, form.cleaned_data["language"], actor=person)
            except DomainError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, str(exc.detail))
            else:
                language = person.language
                translation.activate(language)
                messages.success(request, _("Innstillingene er lagret."))
                response = redirect("profile:index")
                # The language cookie wins over the saved choice (see HubroLocaleMiddleware).
                response.set_cookie(
                    settings.LANGUAGE_COOKIE_NAME,
                    language,
                    max_age=settings.LANGUAGE_COOKIE_AGE,
                    path=settings.LANGUAGE_COOKIE_PATH,
                    samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                    secure=settings.LANGUAGE_COOKIE_SECURE,
                    httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                )
                return response
    else:
        form = ProfileForm(
            initial={
                "show_presence": person.show_presence,
                "language": translation.get_language() or person.language,
            }
        )
    url = calendar_url(person)
    return render(
        request,
        "core/profile.html",
        {
            "title": _("Min profil"),
            "form": form,
            "calendar_url": url,
            "webcal_url": _webcal(url),
            "membership": person.primary_membership,
        },
        status=422 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def calendar_issue(request):
    had_one = bool(request.user.calendar_token)
    issue_calendar_token(request.user, actor=request.user)
    if had_one:
        messages.success(
            request, _("Du har fått en ny kalenderadresse. Den gamle virker ikke lenger.")
        )
    else:
        messages.success(request, _("Kalenderadressen din er klar."))
    return redirect("profile:index")


@login_required
@require_POST
def calendar_revoke(request):
    if revoke_calendar_token(request.user, actor=request.user):
        messages.success(request, _("Kalenderadressen er slettet og virker ikke lenger."))
    return redirect("profile:index")
