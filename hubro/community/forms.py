"""Forms for clusters and projects. They parse input; the actions hold the rules."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hubro.core.forms import DesignsystemetMixin, PersonByEmailField
from hubro.core.models import Organization, Person, normalize_orgnr
from hubro.events.forms import ModelIdsField
from hubro.spaces.models import Hub

from .actions.projects import ALLOWED_TRANSITIONS, INITIAL_STATUSES
from .models import Cluster, FundingLine, Project, ProjectPartner
from .queries import SECTOR_GROUPS

DATE = {"type": "date"}


class OrganizationField(forms.CharField):
    """An organization named by its number (9 digits) or its exact name."""

    default_error_messages = {
        "unknown": _("Fant ingen organisasjon med det nummeret eller navnet."),
        "ambiguous": _("Flere organisasjoner har det navnet; bruk organisasjonsnummeret."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("Organisasjonsnummer (9 siffer) eller fullt navn."))
        kwargs.setdefault("max_length", 300)
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        digits = normalize_orgnr(value)
        if digits.isdigit() and len(digits) == 9:
            found = list(Organization.objects.filter(orgnr=digits)[:2])
        else:
            found = list(Organization.objects.filter(name__iexact=value.strip())[:2])
        if not found:
            raise forms.ValidationError(self.error_messages["unknown"], code="unknown")
        if len(found) > 1:
            raise forms.ValidationError(self.error_messages["ambiguous"], code="ambiguous")
        return found[0]

    def prepare_value(self, value):
        if isinstance(value, Organization):
            return value.orgnr
        return value


class ClusterForm(DesignsystemetMixin, forms.Form):
    name = forms.CharField(label=_("Navn"), max_length=200)
    topic = forms.CharField(label=_("Tema"), max_length=200, required=False)
    description = forms.CharField(
        label=_("Beskrivelse"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    home_hubs = ModelIdsField(
        label=_("Hjemmehuber"),
        queryset=Hub.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    started_on = forms.DateField(
        label=_("Startet"),
        required=False,
        help_text=_("Tom dato: klyngen er under oppbygging."),
        widget=forms.DateInput(attrs=DATE),
    )
    ended_on = forms.DateField(
        label=_("Avsluttet"), required=False, widget=forms.DateInput(attrs=DATE)
    )

    def __init__(self, *args, hubs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["home_hubs"].queryset = hubs


class ClusterOrganizationForm(DesignsystemetMixin, forms.Form):
    organization = OrganizationField(label=_("Organisasjon"))
    joined_on = forms.DateField(
        label=_("Med fra"), required=False, widget=forms.DateInput(attrs=DATE)
    )


class ClusterPersonForm(DesignsystemetMixin, forms.Form):
    email = forms.EmailField(label=_("E-post til personen"))
    is_contact = forms.BooleanField(label=_("Kontaktperson for klyngen"), required=False)

    def clean_email(self):
        email = self.cleaned_data["email"]
        person = Person.objects.filter(email__iexact=email, is_active=True).first()
        if person is None:
            raise forms.ValidationError(_("Ingen i Hubro har den e-postadressen."))
        self.cleaned_data["person"] = person
        return email


class ProjectForm(DesignsystemetMixin, forms.Form):
    title = forms.CharField(label=_("Tittel"), max_length=200)
    description = forms.CharField(
        label=_("Beskrivelse"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[(s, Project.Status(s).label) for s in INITIAL_STATUSES],
    )
    starts_on = forms.DateField(
        label=_("Start"), required=False, widget=forms.DateInput(attrs=DATE)
    )
    ends_on = forms.DateField(label=_("Slutt"), required=False, widget=forms.DateInput(attrs=DATE))
    hub = forms.ModelChoiceField(
        label=_("Hub"), queryset=Hub.objects.none(), required=False, empty_label=_("Ingen")
    )
    cluster = forms.ModelChoiceField(
        label=_("Klynge"),
        queryset=Cluster.objects.none(),
        required=False,
        empty_label=_("Ingen"),
    )

    def __init__(self, *args, hubs, clusters, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hub"].queryset = hubs
        self.fields["cluster"].queryset = clusters


class StatusForm(DesignsystemetMixin, forms.Form):
    to_status = forms.ChoiceField(label=_("Ny status"))
    changed_on = forms.DateField(label=_("Dato"), widget=forms.DateInput(attrs=DATE))
    reason = forms.CharField(
        label=_("Begrunnelse"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    merged_into = forms.ModelChoiceField(
        label=_("Slås sammen med"),
        help_text=_("Bare ved sammenslåing."),
        queryset=Project.objects.none(),
        required=False,
        empty_label=_("Ingen"),
    )
    handed_over_to = OrganizationField(
        label=_("Overleveres til"),
        help_text=_("Bare ved overlevering: organisasjonsnummer eller fullt navn."),
        required=False,
    )

    def __init__(self, *args, project, **kwargs):
        kwargs.setdefault("initial", {"changed_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        allowed = ALLOWED_TRANSITIONS[project.status]
        self.fields["to_status"].choices = [
            (value, label) for value, label in Project.Status.choices if value in allowed
        ]
        self.fields["merged_into"].queryset = (
            Project.objects.exclude(pk=project.pk)
            .exclude(status__in=Project.ENDED)
            .order_by("title")
        )


class PartnerForm(DesignsystemetMixin, forms.Form):
    organization = OrganizationField(label=_("Organisasjon"))
    role = forms.ChoiceField(label=_("Rolle"), choices=ProjectPartner.Role.choices)


class FundingForm(DesignsystemetMixin, forms.Form):
    source = forms.CharField(
        label=_("Kilde"), max_length=200, help_text=_("For eksempel en tilskuddsordning.")
    )
    funder = OrganizationField(label=_("Finansiør (valgfritt)"), required=False)
    # Text, so that "250 000,50" works; the action parses and checks the amount.
    amount = forms.CharField(
        label=_("Beløp i kroner"),
        max_length=30,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    year = forms.IntegerField(label=_("År"))
    status = forms.ChoiceField(label=_("Status"), choices=FundingLine.Status.choices)


class OutcomeForm(DesignsystemetMixin, forms.Form):
    outcome = forms.CharField(
        label=_("Hva ble resultatet?"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )
    taken_over_by = OrganizationField(label=_("Hvem tok det videre (valgfritt)"), required=False)


class PortfolioFilterForm(forms.Form):
    """The portfolio's GET filters; only used to render the form."""

    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Alle")), *Project.Status.choices],
    )
    cluster = forms.ChoiceField(label=_("Klynge"), required=False)
    sector = forms.ChoiceField(
        label=_("Partnersektor"),
        required=False,
        choices=[("", _("Alle")), *SECTOR_GROUPS.items()],
    )

    def __init__(self, *args, clusters, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cluster"].choices = [("", _("Alle")), *((c.slug, c.name) for c in clusters)]
        for field in self.fields.values():
            field.widget.attrs["class"] = "ds-input"


class ProjectEditForm(DesignsystemetMixin, forms.Form):
    """A project's details; its status changes through ``StatusForm``, with a reason."""

    title = forms.CharField(label=_("Tittel"), max_length=200)
    description = forms.CharField(
        label=_("Beskrivelse"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    starts_on = forms.DateField(
        label=_("Start"), required=False, widget=forms.DateInput(attrs=DATE)
    )
    ends_on = forms.DateField(label=_("Slutt"), required=False, widget=forms.DateInput(attrs=DATE))
    hub = forms.ModelChoiceField(
        label=_("Hub"), queryset=Hub.objects.none(), required=False, empty_label=_("Ingen")
    )
    cluster = forms.ModelChoiceField(
        label=_("Klynge"), queryset=Cluster.objects.none(), required=False, empty_label=_("Ingen")
    )
    lead = PersonByEmailField(
        label=_("Prosjektleder (e-post)"),
        help_text=_("Prosjektlederen kan endre og slette prosjektet."),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hub"].queryset = Hub.objects.filter(is_active=True).order_by("name")
        self.fields["cluster"].queryset = Cluster.objects.order_by("name")


class PartnerRoleForm(DesignsystemetMixin, forms.Form):
    role = forms.ChoiceField(label=_("Rolle"), choices=ProjectPartner.Role.choices)
