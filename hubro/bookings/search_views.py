"""The page "Finn ledig plass": one search across every hub, one page of answers."""

import datetime as dt

from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hubro.core.errors import DomainError
from hubro.core.forms import DesignsystemetMixin
from hubro.spaces.models import Space, SpaceFeature

from .search import SpaceSearch, place_choices, search_spaces


class SearchForm(DesignsystemetMixin, forms.Form):
    date = forms.DateField(label=_("Dato"), widget=forms.DateInput(attrs={"type": "date"}))
    start = forms.TimeField(
        label=_("Fra"), widget=forms.TimeInput(format="%H:%M", attrs={"type": "time"})
    )
    end = forms.TimeField(
        label=_("Til"), widget=forms.TimeInput(format="%H:%M", attrs={"type": "time"})
    )
    kind = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("Alle typer")), *Space.Kind.choices]
    )
    people = forms.IntegerField(
        label=_("Antall personer"), required=False, min_value=1, max_value=1000, initial=1
    )
    features = forms.MultipleChoiceField(
        label=_("Utstyr"),
        required=False,
        choices=SpaceFeature.Feature.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    place = forms.ChoiceField(label=_("Sted"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].choices = place_choices()


def _initial() -> dict:
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    return {"date": tomorrow, "start": dt.time(9), "end": dt.time(15), "people": 1}


@login_required
def search_page(request):
    asked = "date" in request.GET
    form = SearchForm(request.GET if asked else None, initial=_initial())
    results = None
    status = 200
    if asked:
        if form.is_valid():
            data = form.cleaned_data
            search = SpaceSearch(
                day=data["date"],
                start=data["start"],
                end=data["end"],
                kind=data["kind"],
                people=data["people"] or 1,
                features=tuple(data["features"]),
                place=data["place"],
            )
            try:
                results = search_spaces(search, person=request.user)
            except DomainError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, str(exc.detail))
                status = 422
        else:
            status = 422
    return render(
        request,
        "bookings/search.html",
        {"form": form, "results": results, "asked": asked},
        status=status,
    )
