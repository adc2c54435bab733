from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from hubro.core.permissions import is_admin

from .models import Booking, BookingSeries


class HostReadOnlyAdmin(admin.ModelAdmin):
    """Read-only for the hosts of the hub and administrators; writes go through the
    booking pages, the API and their actions."""

    hub_path = "space__hub"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if is_admin(request.user):
            return queryset
        return queryset.filter(**{f"{self.hub_path}__hosts": request.user})

    def has_module_permission(self, request):
        return is_admin(request.user) or request.user.host_assignments.exists()

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Booking)
class BookingAdmin(HostReadOnlyAdmin):
    """Read-only overview; bookings are made and cancelled through the booking pages."""

    list_display = ["space", "start", "end", "person", "organization", "status", "overridden"]
    list_filter = [
        "status",
        "space__hub",
        "space__kind",
        ("override_by", admin.EmptyFieldListFilter),
    ]
    search_fields = ["person__email", "person__name", "space__name", "organization__name"]
    date_hierarchy = "start"
    list_select_related = ["space__hub", "person", "organization"]

    @admin.display(description=_("overstyrte regler"))
    def overridden(self, obj):
        return ", ".join(obj.overridden_rules or ())


class SeriesBookingInline(admin.StackedInline):
    model = Booking
    fields = ["start", "end", "status", "overridden_rules"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(BookingSeries)
class BookingSeriesAdmin(HostReadOnlyAdmin):
    """Recurring bookings with their dates; cancelled from "My bookings" or the API."""

    list_display = ["space", "person", "organization", "freq", "first_date", "until", "count"]
    list_filter = ["freq", "space__hub", "space__kind"]
    search_fields = ["person__email", "person__name", "space__name", "organization__name"]
    list_select_related = ["space__hub", "person", "organization"]
    inlines = [SeriesBookingInline]
