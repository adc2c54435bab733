from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hubro.core.forms import DesignsystemetMixin
from hubro.spaces.models import Hub

from .access import managed_organizations


class PositionForm(DesignsystemetMixin, forms.Form):
    title = forms.CharField(label=_("Stillingstittel"), max_length=200)
    organization = forms.ModelChoiceField(label=_("Virksomhet"), queryset=None, empty_label=None)
    hubs = forms.ModelMultipleChoiceField(
        label=_("Kan ha kontorsted på"),
        queryset=Hub.objects.filter(is_active=True).order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Velg hver hub stillingen kan ha som fast kontorsted."),
    )
    announcement_url = forms.URLField(
        label=_("Lenke til utlysningen"),
        max_length=500,
        assume_scheme="https",
        help_text=_("Den offisielle utlysningen, for eksempel på arbeidsplassen.nav.no."),
    )
    announced_on = forms.DateField(
        label=_("Utlyst"), widget=forms.DateInput(attrs={"type": "date"}), required=False
    )
    deadline = forms.DateField(
        label=_("Søknadsfrist"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = managed_organizations(actor)
        self.fields["hubs"].widget.attrs.pop("class", None)
        self.fields["hubs"].widget.attrs["class"] = "ds-input"
        if not self.is_bound and "announced_on" not in self.initial:
            self.initial["announced_on"] = timezone.localdate()


class HireForm(DesignsystemetMixin, forms.Form):
    hub = forms.ModelChoiceField(label=_("Hub"), queryset=None, empty_label=None)
    count = forms.IntegerField(
        label=_("Antall ansatte"),
        min_value=1,
        max_value=1000,
        help_text=_("Bare et antall: Hubro lagrer aldri hvem som ble ansatt."),
    )
    hired_on = forms.DateField(
        label=_("Ansatt dato"), widget=forms.DateInput(attrs={"type": "date"}), required=False
    )

    def __init__(self, *args, position, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hub"].queryset = position.hubs.order_by("name")
