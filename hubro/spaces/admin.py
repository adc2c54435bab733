"""Admin for hubs. Hosts see and change only the hubs they host; administrators all."""

from django.contrib import admin

from hubro.core.admin import AuditedAdmin
from hubro.core.permissions import is_admin

from .models import Hub, HubHost, OpeningHours, Space


def _hosts(request, hub=None) -> bool:
    if is_admin(request.user):
        return True
    hosted = HubHost.objects.filter(person=request.user)
    return hosted.filter(hub=hub).exists() if hub is not None else hosted.exists()


class HostEditableInline(admin.TabularInline):
    extra = 0

    def has_view_permission(self, request, obj=None):
        return _hosts(request, obj)

    has_change_permission = has_add_permission = has_delete_permission = has_view_permission


class OpeningHoursInline(HostEditableInline):
    model = OpeningHours


class SpaceInline(HostEditableInline):
    model = Space
    fields = ["name", "kind", "capacity", "is_active"]


class HubHostInline(admin.TabularInline):
    model = HubHost
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(Hub)
class HubAdmin(AuditedAdmin):
    list_display = ["name", "municipality", "region", "host_organization", "is_active"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["municipality", "host_organization"]
    filter_horizontal = ["member_organizations"]
    inlines = [OpeningHoursInline, SpaceInline, HubHostInline]

    def audit_hub(self, obj):
        return obj

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset if is_admin(request.user) else queryset.filter(hosts=request.user)

    def get_inlines(self, request, obj):
        # Only administrators appoint hosts.
        return self.inlines if is_admin(request.user) else self.inlines[:2]

    def get_prepopulated_fields(self, request, obj=None):
        return self.prepopulated_fields if is_admin(request.user) else {}

    def get_readonly_fields(self, request, obj=None):
        if is_admin(request.user):
            return []
        return ["slug", "municipality", "region", "host_organization", "is_active"]

    def has_module_permission(self, request):
        return _hosts(request)

    def has_view_permission(self, request, obj=None):
        return _hosts(request, obj)

    has_change_permission = has_view_permission

    def has_add_permission(self, request):
        return is_admin(request.user)

    def has_delete_permission(self, request, obj=None):
        return is_admin(request.user)


@admin.register(Space)
class SpaceAdmin(AuditedAdmin):
    list_display = ["name", "hub", "kind", "capacity", "is_active"]
    list_filter = ["kind", "hub"]
    search_fields = ["name", "hub__name"]

    def audit_hub(self, obj):
        return obj.hub

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("hub")
        return queryset if is_admin(request.user) else queryset.filter(hub__hosts=request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "hub" and not is_admin(request.user):
            kwargs["queryset"] = Hub.objects.filter(hosts=request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_module_permission(self, request):
        return _hosts(request)

    def has_view_permission(self, request, obj=None):
        return _hosts(request, obj.hub if obj else None)

    has_change_permission = has_delete_permission = has_view_permission

    def has_add_permission(self, request):
        return _hosts(request)
