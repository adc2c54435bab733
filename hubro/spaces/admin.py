"""Admin for hubs, for administrators only (the admin site lets only superusers in).
Hosts run their hubs in the host's workspace (``hubro.hosting``)."""

from django import forms
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from hubro.bookings.models import BookingRule
from hubro.core.admin import AuditedAdmin

from .models import ClosedDay, Hub, HubHost, OpeningHours, Space

# Django's date shortcuts and two-pane selectors fail axe-core checks; the browser's own
# date input and a plain multiple select are accessible and work without JavaScript.
ACCESSIBLE_WIDGETS = {models.DateField: {"widget": forms.DateInput(attrs={"type": "date"})}}


class HostEditable:
    """Inline rows of a hub. Stacked, so that every field has its own label (tabular
    rows only have column headers)."""

    extra = 0
    formfield_overrides = ACCESSIBLE_WIDGETS


class HostEditableInline(HostEditable, admin.StackedInline):
    """A stacked inline of a hub's rows."""


class OpeningHoursInline(HostEditableInline):
    model = OpeningHours


class ClosedDayInline(HostEditableInline):
    """Days the hub is closed beyond its weekly hours and the public holidays."""

    model = ClosedDay


class BookingRuleForm(forms.ModelForm):
    class Meta:
        model = BookingRule
        fields = list(BookingRule.EDITABLE_FIELDS)

    def clean(self):
        data = super().clean()
        shortest, longest = data.get("min_minutes"), data.get("max_minutes")
        if shortest is not None and longest is not None and shortest > longest:
            self.add_error(
                "max_minutes", _("Lengste booking kan ikke være kortere enn korteste booking.")
            )
        return data


class BookingRuleInline(HostEditable, admin.StackedInline):
    """The host's rules per kind of space; a rule for a kind wins over "Alle typer"."""

    model = BookingRule
    form = BookingRuleForm
    fieldsets = [
        (None, {"fields": ["space_kind", "access"]}),
        (
            _("Tid"),
            {
                "fields": [
                    ("max_days_ahead", "max_future_bookings"),
                    ("min_minutes", "max_minutes"),
                    ("granularity", "midday"),
                ]
            },
        ),
    ]


class SpaceInline(HostEditableInline):
    model = Space
    fields = ["name", "kind", "capacity", "is_active"]


class HubHostInline(admin.StackedInline):
    model = HubHost
    extra = 0


@admin.register(Hub)
class HubAdmin(AuditedAdmin):
    list_display = ["name", "municipality", "region", "host_organization", "is_active"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    formfield_overrides = ACCESSIBLE_WIDGETS
    inlines = [OpeningHoursInline, ClosedDayInline, BookingRuleInline, SpaceInline, HubHostInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "slug",
                    "address",
                    "description",
                    "municipality",
                    "region",
                    "host_organization",
                    "member_organizations",
                    "is_active",
                    "opened_on",
                ]
            },
        ),
        (_("Booking"), {"fields": ["observe_public_holidays"]}),
        (
            _("Innsjekking"),
            {"fields": ["release_no_shows", "checkin_opens_before", "checkin_closes_after"]},
        ),
    ]

    def audit_hub(self, obj):
        return obj


@admin.register(Space)
class SpaceAdmin(AuditedAdmin):
    list_display = ["name", "hub", "kind", "capacity", "is_active"]
    list_filter = ["kind", "hub"]
    search_fields = ["name", "hub__name"]

    def audit_hub(self, obj):
        return obj.hub

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("hub")
