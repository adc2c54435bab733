import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from hubro.core.forms import DesignsystemetMixin
from hubro.core.models import Organization, Region
from hubro.core.timeutil import local_datetime
from hubro.core.widgets import SearchableSelectMultiple
from hubro.spaces.models import Hub, Space

from .actions.series import MAX_DATES
from .models import Event
from .permissions import coordinated_organizations, hosted_hubs

TIME = {"type": "time", "step": 900}


class ModelIdsField(forms.ModelMultipleChoiceField):
    """A multiple choice by id that refuses an id past 64 bits as an invalid choice:
    SQLite cannot even compare one, and would answer with a server error."""

    def _check_values(self, value):
        for pk in value:
            try:
                too_big = abs(int(pk)) >= 2**63
            except (TypeError, ValueError):
                continue  # the parent class reports it
            if too_big:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                )
        return super()._check_values(value)


class SpaceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.hub.name} – {obj.name} ({obj.capacity})"


class EventForm(DesignsystemetMixin, forms.Form):
    """An event's fields, with the date and local hours apart; for a new event, also a
    repetition (weekly or monthly)."""

    kind = forms.ChoiceField(label=_("Type"), choices=Event.Kind.choices)
    title = forms.CharField(label=_("Tittel"), max_length=200)
    description = forms.CharField(
        label=_("Beskrivelse"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    date = forms.DateField(label=_("Dato"), widget=forms.DateInput(attrs={"type": "date"}))
    start = forms.TimeField(label=_("Fra"), widget=forms.TimeInput(format="%H:%M", attrs=TIME))
    end = forms.TimeField(label=_("Til"), widget=forms.TimeInput(format="%H:%M", attrs=TIME))
    place = forms.ChoiceField(
        label=_("Sted"),
        choices=Event.Place.choices,
        initial=Event.Place.HUB,
        widget=forms.RadioSelect,
    )
    space = SpaceChoiceField(
        label=_("Rom på huben"),
        help_text=_("Rommet bookes for arrangementet, så ingen andre kan booke det samtidig."),
        queryset=Space.objects.none(),
        required=False,
        empty_label=_("Velg et rom på huben."),
    )
    hub = forms.ModelChoiceField(
        label=_("Hub som står bak"),
        help_text=_("For digitale arrangementer og arrangementer andre steder."),
        queryset=None,
        required=False,
        empty_label=_("Ingen"),
    )
    location = forms.CharField(
        label=_("Adresse eller stedsbeskrivelse"), max_length=300, required=False
    )
    online_url = forms.URLField(label=_("Lenke til digitalt møte"), required=False)
    capacity = forms.IntegerField(
        label=_("Kapasitet"),
        help_text=_("Tomt betyr ubegrenset. Når det er fullt, kommer nye på venteliste."),
        required=False,
        min_value=1,
        max_value=10000,
    )
    deadline_date = forms.DateField(
        label=_("Påmeldingsfrist, dato"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    deadline_time = forms.TimeField(
        label=_("Påmeldingsfrist, klokkeslett"),
        required=False,
        widget=forms.TimeInput(format="%H:%M", attrs=TIME),
    )
    organizers = ModelIdsField(
        label=_("Arrangører"),
        help_text=_("Hold nede Ctrl (Cmd på Mac) for å velge flere."),
        queryset=Organization.objects.order_by("name"),
        required=False,
        widget=SearchableSelectMultiple(),
    )
    audience = forms.ChoiceField(
        label=_("Hvem kan melde seg på"),
        choices=Event.Audience.choices,
        initial=Event.Audience.OPEN,
        widget=forms.RadioSelect,
    )
    freq = forms.ChoiceField(
        label=_("Gjentakelse"),
        required=False,
        choices=[
            ("", _("Nei, bare denne datoen")),
            ("weekly", _("Ukentlig")),
            ("monthly", _("Månedlig (samme ukedag i samme uke av måneden)")),
        ],
    )
    count = forms.IntegerField(
        label=_("Antall ganger"), required=False, min_value=1, max_value=MAX_DATES
    )
    override = forms.BooleanField(
        label=_("Overstyr bookingreglene"),
        help_text=_("Som vert kan du legge arrangementet utenom åpningstid og hubens regler."),
        required=False,
    )

    def __init__(self, *args, person, event=None, **kwargs):
        super().__init__(*args, **kwargs)
        hubs = hosted_hubs(person)
        spaces = Space.objects.filter(is_active=True, hub__is_active=True).select_related("hub")
        if not coordinated_organizations(person).exists():
            # Hosts place events in their own hubs; coordinators may use any hub's
            # rooms, booked by that hub's rules like any other booking.
            spaces = spaces.filter(hub__in=hubs)
        self.fields["space"].queryset = spaces.order_by("hub__name", "name")
        hub_choices = Hub.objects.filter(pk__in=hubs.values("pk"))
        if event is not None and event.hub_id:
            # A coordinator keeps the hub the event already has.
            hub_choices = hub_choices | Hub.objects.filter(pk=event.hub_id)
        self.fields["hub"].queryset = hub_choices.order_by("name")
        if event is not None:
            for name in ("freq", "count"):
                del self.fields[name]
        if not hubs.exists():
            del self.fields["override"]

    def clean(self):
        data = super().clean()
        day, start, end = data.get("date"), data.get("start"), data.get("end")
        if day and start and end:
            data["start_at"] = local_datetime(day, start)
            data["end_at"] = local_datetime(day, end)
            # Compared in UTC: a time in the gap where clocks go forward is no later
            # than the hour after it, though its wall clock says so.
            if data["end_at"].astimezone(dt.UTC) <= data["start_at"].astimezone(dt.UTC):
                self.add_error("end", _("Slutt må være etter start."))
        deadline_date, deadline_time = data.get("deadline_date"), data.get("deadline_time")
        data["deadline"] = None
        if deadline_date:
            data["deadline"] = local_datetime(deadline_date, deadline_time or dt.time(23, 59))
        elif deadline_time:
            self.add_error("deadline_date", _("Oppgi datoen for fristen."))
        place = data.get("place")
        if place == Event.Place.HUB and not data.get("space"):
            self.add_error("space", _("Velg et rom på huben."))
        if place == Event.Place.ELSEWHERE and not data.get("location"):
            self.add_error("location", _("Skriv hvor arrangementet holdes."))
        if data.get("freq") and not data.get("count"):
            self.add_error("count", _("Oppgi hvor mange ganger arrangementet gjentas."))
        return data

    def event_fields(self) -> dict:
        data = self.cleaned_data
        space = data.get("space") if data["place"] == Event.Place.HUB else None
        return {
            "kind": data["kind"],
            "title": data["title"],
            "description": data["description"],
            "start": data["start_at"],
            "end": data["end_at"],
            "place": data["place"],
            "hub": space.hub if space else data.get("hub"),
            "space": space,
            "location": data["location"] if data["place"] != Event.Place.HUB else "",
            "online_url": data["online_url"],
            "capacity": data["capacity"],
            "registration_deadline": data["deadline"],
            "audience": data["audience"],
        }


def initial_for(event) -> dict:
    from django.utils import timezone

    start, end = timezone.localtime(event.start), timezone.localtime(event.end)
    deadline = (
        timezone.localtime(event.registration_deadline) if event.registration_deadline else None
    )
    return {
        "kind": event.kind,
        "title": event.title,
        "description": event.description,
        "date": start.date(),
        "start": start.time(),
        "end": end.time(),
        "place": event.place,
        "space": event.space_id,
        "hub": event.hub_id,
        "location": event.location,
        "online_url": event.online_url,
        "capacity": event.capacity,
        "deadline_date": deadline.date() if deadline else None,
        "deadline_time": deadline.time() if deadline else None,
        "organizers": list(event.organizers.values_list("pk", flat=True)),
        "audience": event.audience,
    }


class GuestForm(DesignsystemetMixin, forms.Form):
    """A guest without an account signs up for an open event."""

    name = forms.CharField(
        label=_("Navn"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("E-post"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    organization = forms.CharField(
        label=_("Organisasjon"),
        help_text=_("Hvor du jobber, f.eks. «Agder fylkeskommune»."),
        max_length=300,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )


class InviteForm(DesignsystemetMixin, forms.Form):
    emails = forms.CharField(
        label=_("E-postadresser"),
        help_text=_("Én eller flere, skilt med komma eller linjeskift."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    organizations = ModelIdsField(
        label=_("Alle ansatte i organisasjonene"),
        help_text=_("Hold nede Ctrl (Cmd på Mac) for å velge flere."),
        queryset=Organization.objects.order_by("name"),
        required=False,
        widget=SearchableSelectMultiple(),
    )


class StateUnitsForm(DesignsystemetMixin, forms.Form):
    region = forms.ModelChoiceField(
        label=_("Region"),
        help_text=_("Lederne av alle statlige enheter i regionen, fra arbeidsstedsregisteret."),
        queryset=Region.objects.order_by("name"),
        empty_label=_("Velg en region."),
    )
