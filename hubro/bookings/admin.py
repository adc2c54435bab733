from django.contrib import admin

from hubro.core.permissions import is_admin

from .models import Booking


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    """Read-only overview; bookings are made and cancelled through the booking pages."""

    list_display = ["space", "start", "end", "person", "organization", "status"]
    list_filter = ["status", "space__hub", "space__kind"]
    search_fields = ["person__email", "person__name", "space__name", "organization__name"]
    date_hierarchy = "start"
    list_select_related = ["space__hub", "person", "organization"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return (
            queryset if is_admin(request.user) else queryset.filter(space__hub__hosts=request.user)
        )

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
