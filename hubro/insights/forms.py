import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hubro.core.models import Region

from .indicators import _add_months, _month_end, coordinated_organizations, visible_hubs
from .models import StatisticsSetting

PERIODS = [
    ("month", _("Måned")),
    ("quarter", _("Kvartal")),
    ("year", _("År")),
    ("custom", _("Egne datoer")),
]


def scope_choices(viewer) -> list[tuple[str, str]]:
    hubs = visible_hubs(viewer)
    choices = [("all", str(_("Alle huber (programmet)")))]
    regions = Region.objects.filter(hubs__in=[hub.pk for hub in hubs]).distinct()
    choices += [
        (f"region:{r.slug}", str(_("Region: %(name)s") % {"name": r.name})) for r in regions
    ]
    choices += [(f"hub:{hub.slug}", str(_("Hub: %(name)s") % {"name": hub.name})) for hub in hubs]
    choices += [
        (f"org:{org.orgnr}", str(_("Organisasjon: %(name)s") % {"name": org.name}))
        for org in coordinated_organizations(viewer).order_by("name")[:300]
    ]
    return choices


class PeriodForm(forms.Form):
    scope = forms.ChoiceField(label=_("Utvalg"))
    period = forms.ChoiceField(label=_("Periode"), choices=PERIODS, initial="year")
    start = forms.DateField(
        label=_("Fra"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "class": "ds-input"}),
        help_text=_("For måned, kvartal og år: en dag i perioden."),
    )
    end = forms.DateField(
        label=_("Til"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "class": "ds-input"}),
        help_text=_("Bare for egne datoer."),
    )

    def __init__(self, *args, viewer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scope"].choices = scope_choices(viewer)
        self.fields["scope"].widget.attrs["class"] = "ds-input"
        self.fields["period"].widget.attrs["class"] = "ds-input"

    def clean(self):
        data = super().clean()
        period = data.get("period")
        start = data.get("start") or timezone.localdate()
        if period == "month":
            data["start"] = start.replace(day=1)
            data["end"] = _month_end(start)
        elif period == "quarter":
            first = dt.date(start.year, (start.month - 1) // 3 * 3 + 1, 1)
            data["start"], data["end"] = first, _add_months(first, 3) - dt.timedelta(days=1)
        elif period == "year":
            data["start"], data["end"] = dt.date(start.year, 1, 1), dt.date(start.year, 12, 31)
        elif period == "custom":
            if not data.get("start"):
                self.add_error("start", _("Oppgi fra-dato."))
            if not data.get("end"):
                self.add_error("end", _("Oppgi til-dato."))
            elif data.get("start") and data["end"] < data["start"]:
                self.add_error("end", _("Til-datoen er før fra-datoen."))
        return data


class StatisticsSettingForm(forms.Form):
    audience = forms.ChoiceField(
        label=_("Hvem kan se statistikken for huben"),
        choices=StatisticsSetting.Audience.choices,
        widget=forms.RadioSelect,
    )
