"""Forms for setting up programmes and pilots, and for the steering group's meetings,
decisions and spending. Fields come from the models (same labels, choices and limits);
the actions in ``setup`` and ``meetings`` do the checking that matters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from hubro.community.forms import OrganizationField
from hubro.core.forms import DesignsystemetMixin, PersonByEmailField

from .criteria import NationalGoal
from .models import (
    Decision,
    Expense,
    LocalGoal,
    Meeting,
    Phase,
    Pilot,
    PilotGroup,
    PilotGroupMember,
    Programme,
    ProgrammeRole,
    SteeringGroupOrganization,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _field(model, name, **kwargs):
    return model._meta.get_field(name).formfield(**kwargs)


def _date(model, name):
    return _field(model, name, widget=DATE)


def _text(model, name, rows=3):
    return _field(model, name, widget=forms.Textarea(attrs={"rows": rows}))


class PeriodMixin:
    def clean(self):
        data = super().clean()
        start, end = data.get("starts_on"), data.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", _("Perioden kan ikke slutte før den begynner."))
        return data


class ProgrammeForm(PeriodMixin, DesignsystemetMixin, forms.Form):
    """A programme, and one checkbox and wording per national goal (``goal_<n>``,
    ``goal_<n>_text``)."""

    name = _field(Programme, "name")
    slug = _field(Programme, "slug", help_text=_("Brukes i adressen, f.eks. statens-hus."))
    description = _text(Programme, "description")
    owner = forms.ModelChoiceField(label=_("Programeier"), queryset=None)
    starts_on = _date(Programme, "starts_on")
    ends_on = _date(Programme, "ends_on")
    original_ends_on = _date(Programme, "original_ends_on")
    budget = _field(Programme, "budget", min_value=0)
    budget_note = _field(Programme, "budget_note")

    def __init__(self, *args, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners
        self.goal_names = []
        for number, label in NationalGoal.choices:
            self.fields[f"goal_{number}"] = forms.BooleanField(
                label=_("Mål %(number)d: %(label)s") % {"number": number, "label": label},
                required=False,
            )
            self.fields[f"goal_{number}_text"] = forms.CharField(
                label=_("Programmets formulering av mål %(number)d") % {"number": number},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2, "class": "ds-input"}),
            )
            self.goal_names.append((f"goal_{number}", f"goal_{number}_text"))

    def goal_fields(self):
        return [(self[check], self[text]) for check, text in self.goal_names]

    def goals(self) -> dict:
        return {
            number: self.cleaned_data.get(f"goal_{number}_text", "")
            for number in NationalGoal.values
            if self.cleaned_data.get(f"goal_{number}")
        }

    def fields_data(self) -> dict:
        return {
            name: self.cleaned_data[name] for name in self.fields if not name.startswith("goal_")
        }

    @staticmethod
    def initial_for(programme) -> dict:
        initial = {
            name: getattr(programme, name)
            for name in (
                "name",
                "slug",
                "description",
                "owner",
                "starts_on",
                "ends_on",
                "original_ends_on",
                "budget",
                "budget_note",
            )
        }
        for goal in programme.goals.all():
            initial[f"goal_{goal.number}"] = True
            initial[f"goal_{goal.number}_text"] = goal.text
        return initial


class PilotForm(DesignsystemetMixin, forms.Form):
    name = _field(Pilot, "name")
    slug = _field(Pilot, "slug", help_text=_("Brukes i adressen, f.eks. lyngdal-lister."))
    description = _text(Pilot, "description")
    host_municipality = _field(Pilot, "host_municipality")
    region = _field(Pilot, "region")
    hub = _field(Pilot, "hub")


class PhaseForm(PeriodMixin, DesignsystemetMixin, forms.Form):
    kind = _field(Phase, "kind")
    starts_on = _date(Phase, "starts_on")
    ends_on = _date(Phase, "ends_on")
    note = _text(Phase, "note", rows=2)


class LocalGoalForm(DesignsystemetMixin, forms.Form):
    title = _field(LocalGoal, "title")
    description = _text(LocalGoal, "description")
    national_goals = forms.TypedMultipleChoiceField(
        label=_("Nasjonale mål det støtter"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "ds-input"}),
    )

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["national_goals"].choices = [
            (goal.number, f"{goal.number}. {goal.get_number_display()}")
            for goal in programme.goals.order_by("number")
        ]


class MemberForm(PeriodMixin, DesignsystemetMixin, forms.Form):
    """A person in the steering group or in a reference or working group."""

    person = PersonByEmailField(label=_("Personens e-postadresse"))
    organization = OrganizationField(label=_("For organisasjon"), required=False)
    role = _field(PilotGroupMember, "role")
    starts_on = _date(PilotGroupMember, "starts_on")
    ends_on = _date(PilotGroupMember, "ends_on")


class SteeringOrganizationForm(DesignsystemetMixin, forms.Form):
    organization = OrganizationField(label=_("Organisasjon"))
    role = _field(SteeringGroupOrganization, "role")


class GroupForm(DesignsystemetMixin, forms.Form):
    kind = _field(PilotGroup, "kind")
    name = _field(PilotGroup, "name")
    description = _text(PilotGroup, "description")


class RoleForm(DesignsystemetMixin, forms.Form):
    person = PersonByEmailField(label=_("Personens e-postadresse"))
    role = _field(ProgrammeRole, "role")


class LeaderForm(DesignsystemetMixin, forms.Form):
    person = PersonByEmailField(label=_("Ny prosjektleders e-postadresse"))
    organization = OrganizationField(label=_("Ansatt i"), required=False)
    starts_on = forms.DateField(label=_("Leder fra"), widget=DATE)
    note = forms.CharField(label=_("Merknad"), max_length=300, required=False)


class LinkSubProjectForm(DesignsystemetMixin, forms.Form):
    project = forms.ModelChoiceField(label=_("Prosjekt"), queryset=None)
    added_on = forms.DateField(label=_("Del av piloten fra"), widget=DATE, required=False)

    def __init__(self, *args, projects, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = projects


class MeetingForm(DesignsystemetMixin, forms.Form):
    held_on = _date(Meeting, "held_on")
    title = _field(Meeting, "title")
    agenda = _text(Meeting, "agenda", rows=5)
    minutes = _text(Meeting, "minutes", rows=8)
    minutes_file = forms.FileField(
        label=_("Referat som PDF"),
        required=False,
        help_text=_("Valgfritt, i stedet for eller i tillegg til referatet som tekst."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )


class SubProjectChoiceMixin:
    """``sub_project`` chooses among the pilot's sub-projects; empty is the pilot."""

    def __init__(self, *args, pilot, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["sub_project"]
        field.queryset = pilot.sub_projects.select_related("project")
        field.label_from_instance = lambda link: link.project.title


def _recipient(label):
    return forms.ModelChoiceField(
        label=label, queryset=None, required=False, empty_label=_("Piloten")
    )


class DecisionForm(SubProjectChoiceMixin, DesignsystemetMixin, forms.Form):
    text = _text(Decision, "text")
    amount = _field(Decision, "amount", help_text=_("Bare når vedtaket bevilger penger."))
    sub_project = _recipient(_("Bevilges til"))


class ExpenseForm(SubProjectChoiceMixin, DesignsystemetMixin, forms.Form):
    spent_on = _date(Expense, "spent_on")
    amount = _field(Expense, "amount")
    description = _field(Expense, "description")
    sub_project = _recipient(_("Føres på"))
