import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from hubro.core.forms import DesignsystemetMixin
from hubro.core.models import Organization
from hubro.core.timeutil import local_datetime


class BookingForm(DesignsystemetMixin, forms.Form):
    """A day and either a time range or the whole opening day."""

    date = forms.DateField(label=_("Dato"), widget=forms.DateInput(attrs={"type": "date"}))
    whole_day = forms.BooleanField(label=_("Hele åpningsdagen"), required=False)
    start = forms.TimeField(
        label=_("Fra"), required=False, widget=forms.TimeInput(attrs={"type": "time", "step": 900})
    )
    end = forms.TimeField(
        label=_("Til"), required=False, widget=forms.TimeInput(attrs={"type": "time", "step": 900})
    )
    organization = forms.ModelChoiceField(
        label=_("Booker for"), queryset=None, empty_label=None, required=True
    )

    def __init__(self, *args, space, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.space = space
        organizations = Organization.objects.filter(memberships__person=person).order_by(
            "-memberships__is_primary", "name"
        )
        field = self.fields["organization"]
        field.queryset = organizations
        first = organizations.first()
        if first is not None:
            field.initial = first.pk
        if organizations.count() <= 1:
            field.widget = forms.HiddenInput()

    def clean(self):
        data = super().clean()
        day = data.get("date")
        if day is None:
            return data
        if data.get("whole_day"):
            interval = self.space.hub.open_interval(day)
            if interval is None:
                raise forms.ValidationError(_("Huben er stengt denne dagen."), code="closed")
            data["start_at"], data["end_at"] = interval
            return data
        start, end = data.get("start"), data.get("end")
        if start is None and "start" not in self.errors:
            self.add_error("start", _("Velg når bookingen starter, eller hele dagen."))
        if end is None and "end" not in self.errors:
            self.add_error("end", _("Velg når bookingen slutter, eller hele dagen."))
        if start and end:
            data["start_at"] = local_datetime(day, start)
            data["end_at"] = local_datetime(day, end)
        return data


def initial_for(request, space, day: dt.date) -> dict:
    initial = {"date": day}
    for name in ("start", "end"):
        value = request.GET.get(name, "")
        try:
            initial[name] = dt.time.fromisoformat(value) if value else None
        except ValueError:
            initial[name] = None
    return initial
