import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hubro.core.forms import DesignsystemetMixin
from hubro.core.models import Organization
from hubro.programme.criteria import NationalGoal

from .access import hosted_hubs
from .models import SCALE_MAX, SCALE_MIN, TEXT_MAX, Question, Survey

DATE = forms.DateInput(attrs={"type": "date"})


class SurveyForm(DesignsystemetMixin, forms.Form):
    hub = forms.ModelChoiceField(label=_("Hub"), queryset=None, empty_label=None)
    kind = forms.ChoiceField(
        label=_("Type"),
        choices=Survey.Kind.choices,
        help_text=_("Undersøkelsen starter med forslag til spørsmål av denne typen."),
    )
    title = forms.CharField(label=_("Tittel"), max_length=200)
    intro = forms.CharField(
        label=_("Innledning"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    closes_on = forms.DateField(label=_("Svarfrist"), widget=DATE)

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hub"].queryset = hosted_hubs(actor)
        if not self.is_bound:
            self.initial.setdefault("closes_on", timezone.localdate() + dt.timedelta(days=14))


class QuestionForm(DesignsystemetMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Spørsmålstype"), choices=Question.Kind.choices)
    text = forms.CharField(label=_("Spørsmål"), max_length=300)
    choices = forms.CharField(
        label=_("Alternativer"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Bare for valgspørsmål: ett alternativ per linje."),
    )
    multiple = forms.BooleanField(label=_("Flere svar tillatt"), required=False)
    goal = forms.TypedChoiceField(
        label=_("Nasjonalt mål"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Ingen"))] + [(goal.value, goal.label) for goal in NationalGoal],
        help_text=_("Bare for skalaspørsmål om opplevd nytte: målet svaret teller for."),
    )
    required = forms.BooleanField(label=_("Må besvares"), required=False)

    def clean_choices(self):
        return [line.strip() for line in self.cleaned_data["choices"].splitlines() if line.strip()]


class SendForm(DesignsystemetMixin, forms.Form):
    to_hub_users = forms.BooleanField(
        label=_("Hubens brukere (alle som har booket her det siste året)"), required=False
    )
    organizations = forms.ModelMultipleChoiceField(
        label=_("Personene i disse virksomhetene"),
        queryset=Organization.objects.filter(memberships__isnull=False)
        .distinct()
        .order_by("name"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )


class AnswerForm(forms.Form):
    """One field per question, named ``q<id>``."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        for question in questions:
            name = f"q{question.pk}"
            if question.kind == Question.Kind.SCALE:
                field = forms.TypedChoiceField(
                    choices=[(n, str(n)) for n in range(SCALE_MIN, SCALE_MAX + 1)],
                    coerce=int,
                    empty_value=None,
                    widget=forms.RadioSelect,
                )
            elif question.kind == Question.Kind.CHOICE:
                options = [(choice, choice) for choice in question.choices]
                if question.multiple:
                    field = forms.MultipleChoiceField(
                        choices=options, widget=forms.CheckboxSelectMultiple
                    )
                else:
                    field = forms.ChoiceField(choices=options, widget=forms.RadioSelect)
            else:
                field = forms.CharField(
                    max_length=TEXT_MAX,
                    widget=forms.Textarea(attrs={"rows": 3, "class": "ds-input"}),
                )
            field.required = question.required
            field.label = question.text
            self.fields[name] = field

    def answers(self) -> dict:
        return {
            int(name[1:]): value
            for name, value in self.cleaned_data.items()
            if name.startswith("q")
        }
