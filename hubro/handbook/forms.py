from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hubro.community.models import Project
from hubro.core.forms import DesignsystemetMixin
from hubro.spaces.models import Hub

from .models import Lesson

ALL = [("", _("Alle"))]


class LessonSearchForm(DesignsystemetMixin, forms.Form):
    """The handbook's search box and tag filters (GET)."""

    q = forms.CharField(
        label=_("Søk i håndboken"), required=False, max_length=200, widget=forms.SearchInput
    )
    theme = forms.ChoiceField(label=_("Tema"), required=False, choices=ALL + Lesson.Theme.choices)
    phase = forms.ChoiceField(label=_("Fase"), required=False, choices=ALL + Lesson.Phase.choices)
    hub_kind = forms.ChoiceField(
        label=_("Type hub"), required=False, choices=ALL + Lesson.HubKind.choices
    )
    place_size = forms.ChoiceField(
        label=_("Stedets størrelse"), required=False, choices=ALL + Lesson.PlaceSize.choices
    )

    def values(self) -> dict:
        """The cleaned values; a field with a bad value is left out (no filter)."""
        self.is_valid()
        return {name: self.cleaned_data.get(name, "") for name in self.fields}


def _linkable_pilots(person):
    from hubro.programme.models import Pilot
    from hubro.programme.queries import visible_programmes

    return Pilot.objects.filter(programme__in=visible_programmes(person))


def _linkable_assessments(person):
    from hubro.programme.queries import visible_assessments

    return visible_assessments(person)


class LessonForm(DesignsystemetMixin, forms.ModelForm):
    """Write or edit a lesson. Links offer what the writer may see (pilots and
    assessments of their programmes), plus whatever the lesson already points at."""

    class Meta:
        model = Lesson
        fields = [
            "title",
            "summary",
            "context",
            "tried",
            "outcome",
            "advice",
            "theme",
            "phase",
            "hub_kind",
            "place_size",
            "hub",
            "project",
            "pilot",
            "assessment",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "context": forms.Textarea(attrs={"rows": 4}),
            "tried": forms.Textarea(attrs={"rows": 4}),
            "outcome": forms.Textarea(attrs={"rows": 4}),
            "advice": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "summary": _("Ett eller to setninger som sier hva erfaringen handler om."),
            "context": _("Hvor og når, og hva som var utgangspunktet."),
            "advice": _("Hva du vil si til den som starter noe lignende."),
            "place_size": _("Etter antall innbyggere i vertskommunen."),
        }

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.instance
        self.fields["hub"].queryset = Hub.objects.filter(
            Q(is_active=True) | Q(pk=current.hub_id or 0)
        )
        self.fields["project"].queryset = Project.objects.all()
        pilots = self.fields["pilot"].queryset
        self.fields["pilot"].queryset = pilots.filter(
            Q(pk__in=_linkable_pilots(person).values("pk")) | Q(pk=current.pilot_id or 0)
        ).select_related("programme")
        assessments = self.fields["assessment"].queryset
        self.fields["assessment"].queryset = assessments.filter(
            Q(pk__in=_linkable_assessments(person).values("pk")) | Q(pk=current.assessment_id or 0)
        ).select_related("pilot")
        for name in ("phase", "hub_kind", "place_size"):
            self.fields[name].choices = [
                ("", _("Gjelder alle")),
                *list(self.fields[name].choices)[1:],
            ]
        for name in ("hub", "project", "pilot", "assessment"):
            self.fields[name].empty_label = _("Ingen")
        self.fields["theme"].choices = [("", _("Velg tema")), *Lesson.Theme.choices]
