"""Forms of the sign-in pages and of a person's own account pages."""

import datetime as dt

from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import RequestLoginCodeForm as AllauthRequestLoginCodeForm
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from hubro.core.forms import DesignsystemetMixin

from .joining import join_by_code


class LoginForm(DesignsystemetMixin, AllauthLoginForm):
    """allauth's password form, labelled as Hubro always did ("E-post", "Passord")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("E-post")
        self.fields["login"].widget.attrs.update({"autocomplete": "email", "placeholder": ""})
        self.fields["password"].label = _("Passord")
        self.fields["password"].help_text = ""
        self.fields["password"].widget.attrs.update(
            {"autocomplete": "current-password", "placeholder": ""}
        )

    def login(self, request, redirect_url=None):
        # An account an administrator made (admin, `hubro user create`, the demo) has no
        # confirmed address in allauth's table yet: the administrator vouched for it,
        # and the person has just proved they hold its password.
        from allauth.account.models import EmailAddress

        person = self.user
        if person is not None and not EmailAddress.objects.filter(user=person).exists():
            EmailAddress.objects.create(
                user=person, email=person.email, verified=True, primary=True
            )
        return super().login(request, redirect_url)


class RequestLoginCodeForm(DesignsystemetMixin, AllauthRequestLoginCodeForm):
    """A code to a work address. An address at a domain an organization lists gets one
    (and an account, the first time); any other address is refused, whether or not it
    has an account, so that the answer tells nothing about who is registered."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("Jobb-e-post")
        self.fields["email"].widget.attrs.update({"autocomplete": "email", "placeholder": ""})

    def clean_email(self):
        email = super().clean_email()  # rate limited per address and client
        if email:
            person = join_by_code(email)
            if person is None:
                raise forms.ValidationError(
                    _(
                        "Innlogging med kode er for e-postadresser hos organisasjoner som er"
                        " med i Hubro, og domenet til %(email)s er ikke registrert. Logg inn"
                        " med passord eller gjennom arbeidsgiveren din, eller be"
                        " koordinatoren i organisasjonen din om å melde den inn."
                    )
                    % {"email": email},
                    code="domain_not_listed",
                )
            self._user = person
        return email


class TokenForm(DesignsystemetMixin, forms.Form):
    LIFETIMES = [7, 30, 90, 180, 365]

    name = forms.CharField(
        label=_("Navn på nøkkelen"),
        max_length=100,
        help_text=_("Hva den brukes til, for eksempel «Timeplan-skjermen»."),
    )
    days = forms.TypedChoiceField(
        label=_("Gyldig i"),
        coerce=int,
        choices=[],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        lifetimes = sorted({*self.LIFETIMES, settings.HUBRO_API_TOKEN_DAYS})
        self.fields["days"].choices = [
            (days, _("%(days)s dager") % {"days": days}) for days in lifetimes
        ]
        self.fields["days"].initial = settings.HUBRO_API_TOKEN_DAYS

    def expires_at(self, now) -> dt.datetime:
        return now + dt.timedelta(days=self.cleaned_data["days"])


class DeleteAccountForm(DesignsystemetMixin, forms.Form):
    confirm = forms.CharField(
        label=_("Skriv e-postadressen din for å bekrefte"),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args, person, **kwargs):
        self.person = person
        super().__init__(*args, **kwargs)

    def clean_confirm(self):
        value = self.cleaned_data["confirm"].strip().lower()
        if value != self.person.email.lower():
            raise forms.ValidationError(
                _("Det er ikke e-postadressen din. Kontoen er ikke slettet."), code="mismatch"
            )
        return value
