"""Forms for status reports, assessments, phase documents and self-assessments."""

from django import forms
from django.utils.translation import gettext_lazy as _

from hubro.core.forms import DesignsystemetMixin

from .criteria import Barrier, Criterion
from .models import Assessment, PhaseApproval, PhaseDocument
from .selfassessment import items

DATE = {"type": "date"}
SCORES = [(str(n), str(n)) for n in range(1, 6)]


class StatusReportForm(DesignsystemetMixin, forms.Form):
    """A period, a short status, risks, needs from the ministry, and one progress field
    per sub-project of the pilot (``progress_<project id>``)."""

    period_start = forms.DateField(label=_("Periode fra"), widget=forms.DateInput(attrs=DATE))
    period_end = forms.DateField(label=_("Periode til"), widget=forms.DateInput(attrs=DATE))
    summary = forms.CharField(
        label=_("Kort status"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    risks = forms.CharField(
        label=_("Risikoer"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    needs = forms.CharField(
        label=_("Behov fra departementet"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args, sub_projects=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.progress_names = []
        for link in sub_projects:
            name = f"progress_{link.project_id}"
            self.fields[name] = forms.CharField(
                label=_("Framdrift: %(title)s") % {"title": link.project.title},
                widget=forms.Textarea(attrs={"rows": 2, "class": "ds-input"}),
                required=False,
            )
            self.progress_names.append(name)

    def progress_fields(self):
        return [self[name] for name in self.progress_names]

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("Perioden kan ikke slutte før den begynner."))
        return data

    def progress(self) -> dict:
        return {
            int(name.removeprefix("progress_")): self.cleaned_data.get(name, "")
            for name in self.progress_names
        }


class AssessmentForm(DesignsystemetMixin, forms.Form):
    milestone = forms.ChoiceField(label=_("Tidspunkt"), choices=Assessment.Milestone.choices)
    assessed_on = forms.DateField(label=_("Dato"), widget=forms.DateInput(attrs=DATE))
    summary = forms.CharField(
        label=_("Sammendrag"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    success_factors = forms.MultipleChoiceField(
        label=_("Suksessfaktorer"),
        choices=Criterion.choices,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "ds-input"}),
        required=False,
    )
    barriers = forms.MultipleChoiceField(
        label=_("Barrierer"),
        choices=Barrier.choices,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "ds-input"}),
        required=False,
    )
    recommendations = forms.CharField(
        label=_("Anbefalinger"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, goals=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.goal_rows = []
        for goal in goals:
            score_name, text_name = f"goal_{goal.number}_score", f"goal_{goal.number}_text"
            self.fields[score_name] = forms.TypedChoiceField(
                label=_("Karakter for mål %(number)s") % {"number": goal.number},
                choices=[("", _("Ingen karakter")), *SCORES],
                coerce=int,
                empty_value=None,
                required=False,
            )
            self.fields[text_name] = forms.CharField(
                label=_("Vurdering av mål %(number)s") % {"number": goal.number},
                widget=forms.Textarea(attrs={"rows": 2, "class": "ds-input"}),
                required=False,
            )
            self.goal_rows.append((goal, score_name, text_name))

    def goal_fields(self):
        return [(goal, self[s], self[t]) for goal, s, t in self.goal_rows]

    def goal_scores(self) -> dict:
        return {
            goal.number: (self.cleaned_data.get(s), self.cleaned_data.get(t, ""))
            for goal, s, t in self.goal_rows
            if self.cleaned_data.get(s) is not None or self.cleaned_data.get(t)
        }


class PhaseDocumentForm(DesignsystemetMixin, forms.Form):
    title = forms.CharField(label=_("Tittel"), max_length=300)
    kind = forms.ChoiceField(label=_("Type"), choices=PhaseDocument.Kind.choices)
    file = forms.FileField(
        label=_("PDF-fil"), widget=forms.ClearableFileInput(attrs={"accept": ".pdf"})
    )


class PhaseApprovalForm(DesignsystemetMixin, forms.Form):
    decision = forms.ChoiceField(label=_("Vedtak"), choices=PhaseApproval.Decision.choices)
    decided_on = forms.DateField(label=_("Dato"), widget=forms.DateInput(attrs=DATE))
    note = forms.CharField(
        label=_("Merknad"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class RoundForm(DesignsystemetMixin, forms.Form):
    title = forms.CharField(label=_("Tittel"), max_length=200)
    held_on = forms.DateField(label=_("Dato"), widget=forms.DateInput(attrs=DATE))


class SelfAssessmentForm(DesignsystemetMixin, forms.Form):
    """A score 1–5 and a comment for each of the eight criteria and seven barriers."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for kind, code, label in items():
            score_name, comment_name = f"{kind}_{code}_score", f"{kind}_{code}_comment"
            self.fields[score_name] = forms.TypedChoiceField(
                label=_("Karakter: %(item)s") % {"item": label},
                choices=SCORES,
                coerce=int,
                widget=forms.RadioSelect(attrs={"class": "ds-input"}),
            )
            self.fields[comment_name] = forms.CharField(
                label=_("Kommentar: %(item)s") % {"item": label},
                widget=forms.Textarea(attrs={"rows": 2, "class": "ds-input"}),
                required=False,
            )
            self.rows.append((kind, code, label, score_name, comment_name))

    def rows_of(self, kind):
        return [(label, self[s], self[c]) for k, _code, label, s, c in self.rows if k == kind]

    def criteria_rows(self):
        return self.rows_of("criterion")

    def barrier_rows(self):
        return self.rows_of("barrier")

    def scores(self) -> dict:
        return {
            (kind, code): (self.cleaned_data[s], self.cleaned_data.get(c, ""))
            for kind, code, _label, s, c in self.rows
        }
