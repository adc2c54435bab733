import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from hubro.bookings.models import PURPOSE_KINDS, PURPOSE_MAX_LENGTH
from hubro.core.forms import DesignsystemetMixin
from hubro.core.models import Organization
from hubro.core.timeutil import local_datetime
from hubro.spaces.models import OpeningHours

from .recurrence import MAX_INTERVAL, MAX_OCCURRENCES, Repeat


class BookingForm(DesignsystemetMixin, forms.Form):
    """A day and either a time range or the whole opening day; optionally repeated, and
    for hosts and administrators, past the hub's rules."""

    date = forms.DateField(label=_("Dato"), widget=forms.DateInput(attrs={"type": "date"}))
    whole_day = forms.BooleanField(label=_("Hele åpningsdagen"), required=False)
    start = forms.TimeField(
        label=_("Fra"),
        required=False,
        widget=forms.TimeInput(format="%H:%M", attrs={"type": "time", "step": 900}),
    )
    end = forms.TimeField(
        label=_("Til"),
        required=False,
        widget=forms.TimeInput(format="%H:%M", attrs={"type": "time", "step": 900}),
    )
    organization = forms.ModelChoiceField(
        label=_("Booker for"), queryset=None, empty_label=None, required=True
    )
    freq = forms.ChoiceField(
        label=_("Gjentakelse"),
        required=False,
        choices=[
            ("", _("Nei, bare denne dagen")),
            ("daily", _("Daglig")),
            ("weekly", _("Ukentlig")),
        ],
    )
    interval = forms.IntegerField(
        label=_("Hver n-te dag eller uke"),
        help_text=_("1 er hver dag eller uke, 2 er annenhver."),
        required=False,
        min_value=1,
        max_value=MAX_INTERVAL,
        initial=1,
    )
    weekdays = forms.TypedMultipleChoiceField(
        label=_("Ukedager"),
        help_text=_("Ved ukentlig gjentakelse: uten valg brukes ukedagen til datoen over."),
        required=False,
        coerce=int,
        choices=OpeningHours.Weekday.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    until = forms.DateField(
        label=_("Siste dato"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    count = forms.IntegerField(
        label=_("Eller antall ganger"), required=False, min_value=1, max_value=MAX_OCCURRENCES
    )
    on_conflict = forms.ChoiceField(
        label=_("Datoer som ikke kan bookes"),
        choices=[
            ("skip", _("Hopp over dem og book resten")),
            ("fail", _("Ikke book noe i det hele tatt")),
        ],
        initial="skip",
        required=False,
        widget=forms.RadioSelect,
    )
    purpose = forms.CharField(
        label=_("Formål eller tittel (valgfritt)"),
        help_text=_("For eksempel «Styremøte Lister IPR». Verten ser det."),
        max_length=PURPOSE_MAX_LENGTH,
        required=False,
    )
    show_purpose = forms.BooleanField(
        label=_("Vis formålet i hubens dagsoversikt"),
        help_text=_("Da ser alle som ser huben, hva rommet er booket til."),
        required=False,
    )
    override = forms.BooleanField(
        label=_("Overstyr reglene"),
        help_text=_("Som vert kan du booke selv om hubens regler ikke tillater det."),
        required=False,
    )

    def __init__(self, *args, space, person, may_override=False, **kwargs):
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
        if not may_override:
            del self.fields["override"]
        if space.kind not in PURPOSE_KINDS:
            del self.fields["purpose"]
            del self.fields["show_purpose"]

    def clean(self):
        data = super().clean()
        data["repeat"] = self._repeat(data)
        data["on_conflict"] = data.get("on_conflict") or "skip"
        data["override"] = bool(data.get("override"))
        data["purpose"] = data.get("purpose") or ""
        data["show_purpose"] = bool(data.get("show_purpose"))
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

    def _repeat(self, data) -> Repeat | None:
        freq = data.get("freq")
        if not freq:
            return None
        until, count = data.get("until"), data.get("count")
        if (until is None) == (count is None) and not {"until", "count"} & set(self.errors):
            self.add_error(
                "until", _("Oppgi enten en sluttdato eller et antall ganger, ikke begge.")
            )
            return None
        return Repeat(
            freq=freq,
            interval=data.get("interval") or 1,
            weekdays=tuple(data.get("weekdays") or ()),
            until=until,
            count=count,
        )


class SeriesCancelForm(DesignsystemetMixin, forms.Form):
    """Which dates of a series to cancel: from a date, to a date, or both."""

    from_date = forms.DateField(
        label=_("Fra og med"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    to_date = forms.DateField(
        label=_("Til og med"),
        help_text=_("Tom: resten av serien."),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, prefix="cancel", **kwargs):
        super().__init__(*args, prefix=prefix, **kwargs)


def initial_for(request, day: dt.date) -> dict:
    initial = {"date": day}
    for name in ("start", "end"):
        value = request.GET.get(name, "")
        try:
            initial[name] = dt.time.fromisoformat(value) if value else None
        except ValueError:
            initial[name] = None
    return initial
