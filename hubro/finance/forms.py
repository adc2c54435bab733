"""Forms of the finance pages. They parse input; the rules live in ``actions``."""

from django import forms
from django.utils.translation import gettext_lazy as _

from hubro.community.models import Project
from hubro.core.models import Organization

from .models import Agreement, CostLine, SharingKey

DATE = forms.DateInput(attrs={"type": "date", "class": "ds-input"}, format="%Y-%m-%d")


def _style(form):
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput):
            continue
        widget.attrs.setdefault("class", "ds-input")
    return form


class CostLineForm(forms.ModelForm):
    class Meta:
        model = CostLine
        fields = ["year", "category", "description", "planned", "actual", "spread_years"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)

    def _post_clean(self):
        """Skip the model's validation here: the rules (not negative, spread only for a
        fit-out, years in range) live in the action, which reports them per field."""


class AgreementForm(forms.ModelForm):
    class Meta:
        model = Agreement
        fields = [
            "organization",
            "project",
            "starts_on",
            "ends_on",
            "status",
            "basis",
            "yearly_amount",
            "percentage",
            "reference",
            "vat_category",
            "notes",
        ]
        widgets = {"starts_on": DATE, "ends_on": DATE, "notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, hub, **kwargs):
        super().__init__(*args, **kwargs)
        ids = set(hub.member_organizations.values_list("pk", flat=True)) | {
            hub.host_organization_id
        }
        # Funders that are not members (a ministry) stay selectable once they have one.
        ids |= set(
            Agreement.objects.filter(hub=hub, organization__isnull=False).values_list(
                "organization_id", flat=True
            )
        )
        self.fields["organization"].queryset = Organization.objects.filter(pk__in=ids)
        self.fields["organization"].required = False
        self.fields["project"].queryset = Project.objects.filter(hub=hub)
        self.fields["project"].required = False
        self.fields["organization"].help_text = _("Velg en organisasjon eller et prosjekt.")
        _style(self)

    def _post_clean(self):
        """Skip the model's validation here: it runs in the action, which reports it
        field by field."""


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Tittel"), max_length=200)
    file = forms.FileField(
        label=_("PDF-fil"),
        help_text=_("Bare PDF, høyst 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)


class KeyForm(forms.Form):
    kind = forms.ChoiceField(label=_("Nøkkel"), choices=SharingKey.Kind.choices)
    base_percent = forms.DecimalField(
        label=_("Grunnbeløp i prosent (bare for grunnbeløp pluss bruk)"),
        required=False,
        min_value=0,
        max_value=100,
        decimal_places=2,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)


class ParticipantNumbersForm(forms.Form):
    """Fixed shares and hand-entered employee numbers, one row per organization."""

    def __init__(self, *args, participants, **kwargs):
        super().__init__(*args, **kwargs)
        self.participants = participants
        for participant in participants:
            org = participant.organization
            self.fields[f"weight_{org.pk}"] = forms.DecimalField(
                label=_("Fast andel for %(name)s") % {"name": org.name},
                required=False,
                min_value=0,
                decimal_places=2,
                max_digits=7,
                initial=participant.fixed_weight or None,
            )
            self.fields[f"employees_{org.pk}"] = forms.IntegerField(
                label=_("Ansatte i regionen, %(name)s") % {"name": org.name},
                required=False,
                min_value=0,
                initial=participant.employees
                if participant.employees_source == "manual"
                else None,
            )
        _style(self)

    def rows(self):
        for participant in self.participants:
            pk = participant.organization.pk
            yield participant, self[f"weight_{pk}"], self[f"employees_{pk}"]
