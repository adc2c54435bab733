"""Forms of the host's workspace. They parse input; the actions hold the rules."""

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from hubro.bookings.models import PURPOSE_MAX_LENGTH, BookingRule
from hubro.core.forms import DesignsystemetMixin, PersonByEmailField
from hubro.core.models import Organization
from hubro.core.timeutil import local_datetime
from hubro.insights.models import StatisticsSetting
from hubro.spaces.models import OpeningHours, Space, SpaceFeature

DATE = forms.DateInput(attrs={"type": "date"})


def _time(label, **kwargs):
    return forms.TimeField(
        label=label,
        widget=forms.TimeInput(format="%H:%M", attrs={"type": "time", "step": 900}),
        **kwargs,
    )


class SpaceField(forms.ModelChoiceField):
    """A space of the hub, named with its kind ("Møterom Lista – Møterom")."""

    def label_from_instance(self, obj):
        return f"{obj.name} – {obj.get_kind_display()}"


class SlotMixin:
    """A space, a date and a time range, turned into aware ``start_at``/``end_at``."""

    def clean(self):
        data = super().clean()
        day, start, end = data.get("date"), data.get("start"), data.get("end")
        if day and start and end:
            data["start_at"] = local_datetime(day, start)
            data["end_at"] = local_datetime(day, end)
        return data


class OnBehalfForm(SlotMixin, DesignsystemetMixin, forms.Form):
    email = PersonByEmailField(
        label=_("Personens e-post"),
        help_text=_("Personen må være med i en av hubens medlemsorganisasjoner."),
        widget=forms.EmailInput(attrs={"list": "hub-people", "autocomplete": "off"}),
    )
    organization = forms.ModelChoiceField(
        label=_("Booker for organisasjon"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("Personens egen (hovedtilknytning)"),
    )
    space = SpaceField(label=_("Rom eller plass"), queryset=Space.objects.none())
    date = forms.DateField(label=_("Dato"), widget=DATE)
    start = _time(_("Fra"))
    end = _time(_("Til"))
    purpose = forms.CharField(
        label=_("Formål (møterom og prosjektrom)"),
        max_length=PURPOSE_MAX_LENGTH,
        required=False,
    )
    show_purpose = forms.BooleanField(
        label=_("Vis formålet i hubens dagsoversikt"), required=False
    )
    override = forms.BooleanField(label=_("Overstyr hubens regler"), required=False)

    def __init__(self, *args, hub, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["space"].queryset = hub.spaces.filter(is_active=True).order_by(
            "kind", "position", "name"
        )
        self.fields["organization"].queryset = Organization.objects.filter(
            pk__in=[
                hub.host_organization_id,
                *hub.member_organizations.values_list("pk", flat=True),
            ]
        ).order_by("name")


class MoveForm(SlotMixin, DesignsystemetMixin, forms.Form):
    space = SpaceField(label=_("Rom eller plass"), queryset=Space.objects.none(), empty_label=None)
    date = forms.DateField(label=_("Dato"), widget=DATE)
    start = _time(_("Fra"))
    end = _time(_("Til"))
    override = forms.BooleanField(label=_("Overstyr hubens regler"), required=False)

    def __init__(self, *args, hub, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["space"].queryset = hub.spaces.filter(is_active=True).order_by(
            "kind", "position", "name"
        )


class CancelForm(DesignsystemetMixin, forms.Form):
    reason = forms.CharField(
        label=_("Begrunnelse"),
        help_text=_("Personen får begrunnelsen på e-post, på sitt eget språk."),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class HubDetailsForm(DesignsystemetMixin, forms.Form):
    name = forms.CharField(label=_("Navn"), max_length=200)
    address = forms.CharField(label=_("Adresse"), max_length=300, required=False)
    description = forms.CharField(
        label=_("Beskrivelse"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class PhotoForm(DesignsystemetMixin, forms.Form):
    photo = forms.FileField(
        label=_("Bilde"),
        help_text=_("JPEG, PNG eller WebP, høyst 8 MB. Bildet lagres uten metadata."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    photo_alt = forms.CharField(
        label=_("Hva viser bildet?"),
        help_text=_("Leses opp for dem som bruker skjermleser."),
        max_length=200,
    )


class SettingsForm(DesignsystemetMixin, forms.Form):
    release_no_shows = forms.BooleanField(
        label=_("Frigi bookinger som ikke er sjekket inn"), required=False
    )
    checkin_opens_before = forms.IntegerField(
        label=_("Innsjekking åpner (minutter før start)"), min_value=0, max_value=1440
    )
    checkin_closes_after = forms.IntegerField(
        label=_("Innsjekking stenger (minutter etter start)"), min_value=0, max_value=1440
    )
    statistics = forms.ChoiceField(
        label=_("Hvem kan se hubens statistikk"),
        choices=StatisticsSetting.Audience.choices,
        widget=forms.RadioSelect,
    )


class SpaceForm(DesignsystemetMixin, forms.Form):
    name = forms.CharField(label=_("Navn"), max_length=200)
    kind = forms.ChoiceField(label=_("Type"), choices=Space.Kind.choices)
    capacity = forms.IntegerField(label=_("Kapasitet (personer)"), min_value=1, max_value=1000)
    description = forms.CharField(
        label=_("Beskrivelse"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    features = forms.MultipleChoiceField(
        label=_("Utstyr"),
        help_text=_("Folk kan filtrere på utstyret når de booker."),
        choices=SpaceFeature.Feature.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class OpeningHoursForm(DesignsystemetMixin, forms.Form):
    """One row per weekday: open or not, and the hours."""

    def __init__(self, *args, hub, **kwargs):
        super().__init__(*args, **kwargs)
        current = {row.weekday: row for row in hub.opening_hours.all()}
        for weekday, label in OpeningHours.Weekday.choices:
            row = current.get(weekday)
            self.fields[f"open_{weekday}"] = forms.BooleanField(
                label=_("Åpent %(day)s") % {"day": label}, required=False, initial=row is not None
            )
            self.fields[f"opens_{weekday}"] = _time(
                _("%(day)s åpner") % {"day": str(label).capitalize()},
                required=False,
                initial=row.opens if row else dt.time(8),
            )
            self.fields[f"closes_{weekday}"] = _time(
                _("%(day)s stenger") % {"day": str(label).capitalize()},
                required=False,
                initial=row.closes if row else dt.time(16),
            )
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "ds-input")

    def rows(self):
        return [
            (label, self[f"open_{day}"], self[f"opens_{day}"], self[f"closes_{day}"])
            for day, label in OpeningHours.Weekday.choices
        ]

    def clean(self):
        data = super().clean()
        hours = {}
        for weekday, _label in OpeningHours.Weekday.choices:
            if not data.get(f"open_{weekday}"):
                hours[weekday] = None
                continue
            opens, closes = data.get(f"opens_{weekday}"), data.get(f"closes_{weekday}")
            if opens is None:
                self.add_error(f"opens_{weekday}", _("Oppgi når huben åpner."))
            if closes is None:
                self.add_error(f"closes_{weekday}", _("Oppgi når huben stenger."))
            if opens and closes:
                hours[weekday] = (opens, closes)
        data["hours"] = hours
        return data


class ClosedDayForm(DesignsystemetMixin, forms.Form):
    date = forms.DateField(label=_("Dato"), widget=DATE)
    reason = forms.CharField(label=_("Årsak"), max_length=200, required=False)


class HolidaysForm(DesignsystemetMixin, forms.Form):
    observe_public_holidays = forms.BooleanField(
        label=_("Stengt på norske helligdager"), required=False
    )


class RuleForm(DesignsystemetMixin, forms.ModelForm):
    class Meta:
        model = BookingRule
        fields = list(BookingRule.EDITABLE_FIELDS)
        widgets = {
            "midday": forms.TimeInput(format="%H:%M", attrs={"type": "time", "step": 900}),
        }


class OrganizationSearchForm(forms.Form):
    q = forms.CharField(label=_("Søk etter organisasjon (navn eller nummer)"), required=False)


class CohostForm(DesignsystemetMixin, forms.Form):
    email = PersonByEmailField(label=_("E-post til den nye verten"))
