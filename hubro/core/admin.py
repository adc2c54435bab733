from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from hubro.core.audit import record
from hubro.core.permissions import is_admin

from .models import (
    ApiToken,
    AuditEntry,
    Membership,
    Municipality,
    Organization,
    OrganizationDomain,
    OrganizationTenant,
    Person,
    Region,
)


def _administrators_only(request) -> bool:
    """The admin is an administrator's tool: only superusers get in. ``is_staff`` alone
    opens nothing; hosts and coordinators work in Hubro's own pages."""
    return is_admin(request.user)


admin.site.has_permission = _administrators_only


class AuditedAdmin(admin.ModelAdmin):
    """Writes made through the admin go to Hubro's audit log like any other write."""

    def audit_hub(self, obj):
        return None

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        action = "update" if change else "create"
        record(
            request.user,
            f"{obj._meta.model_name}.{action}",
            obj,
            hub=self.audit_hub(obj),
            changes={"fields": form.changed_data},
        )

    def delete_model(self, request, obj):
        record(request.user, f"{obj._meta.model_name}.delete", obj, hub=self.audit_hub(obj))
        super().delete_model(request, obj)

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        parent = form.instance
        for obj in formset.new_objects:
            record(request.user, f"{obj._meta.model_name}.create", obj, hub=self.audit_hub(parent))
        for obj, fields in formset.changed_objects:
            record(
                request.user,
                f"{obj._meta.model_name}.update",
                obj,
                hub=self.audit_hub(parent),
                changes={"fields": fields},
            )
        for obj in formset.deleted_objects:
            record(request.user, f"{obj._meta.model_name}.delete", obj, hub=self.audit_hub(parent))


class MembershipInline(admin.StackedInline):
    model = Membership
    extra = 0


@admin.register(Person)
class PersonAdmin(UserAdmin):
    ordering = ["email"]
    list_display = ["email", "name", "is_staff", "is_superuser", "is_active"]
    search_fields = ["email", "name"]
    list_filter = ["is_staff", "is_superuser", "is_active"]
    inlines = [MembershipInline]
    # Django's two-pane selector and date shortcuts fail axe-core checks.
    filter_horizontal = ()
    readonly_fields = ["last_login", "date_joined"]
    fieldsets = [
        (None, {"fields": ["email", "password", "name", "language"]}),
        (_("Roller"), {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        (_("Datoer"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "name", "password1", "password2"]})
    ]
    actions = ["export_data", "erase"]
    inlines = [MembershipInline]

    @admin.action(description=_("Last ned alt Hubro har om personen (JSON)"))
    def export_data(self, request, queryset):
        """GDPR art. 15 for a person who asks an administrator. Audited."""
        import json

        from django.http import HttpResponse

        from hubro.accounts.export import collect

        data = [collect(person) for person in queryset]
        for person in queryset:
            record(request.user, "person.export", person)
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2, default=str),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = 'attachment; filename="hubro-persondata.json"'
        return response

    @admin.action(description=_("Slett og anonymiser (GDPR)"))
    def erase(self, request, queryset):
        """GDPR art. 17 on a person's request: future bookings cancelled, past bookings
        and the audit log anonymised (hubro.accounts.erasure). Audited as
        ``person.erase`` with the administrator as actor."""
        from hubro.accounts.erasure import erase_person

        people = [p for p in queryset if p.pk != request.user.pk]
        for person in people:
            erase_person(person, actor=request.user)
        self.message_user(
            request, _("%(count)s personer er slettet og anonymisert.") % {"count": len(people)}
        )


class OrganizationDomainInline(admin.StackedInline):  # tabular fails axe: no visible labels
    model = OrganizationDomain
    extra = 1


class OrganizationTenantInline(admin.StackedInline):
    model = OrganizationTenant
    extra = 0


@admin.register(Organization)
class OrganizationAdmin(AuditedAdmin):
    # Who may join with a code to a work address, and through which Entra ID tenant.
    inlines = [OrganizationDomainInline, OrganizationTenantInline]
    list_display = ["name", "orgnr", "sector", "municipality"]
    list_filter = ["sector"]
    search_fields = ["name", "orgnr"]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "county"]
    search_fields = ["number", "name"]
    list_filter = ["county"]


@admin.register(Region)
class RegionAdmin(AuditedAdmin):
    list_display = ["name", "slug", "kind"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["prefix", "person", "name", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["prefix", "person", "created_at", "last_used_at"]
    exclude = ["key_hash"]

    def has_add_permission(self, request):
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only: the audit log cannot be edited or deleted from the app."""

    list_display = ["at", "actor_label", "action", "object_repr", "hub"]
    list_filter = ["action", "hub"]
    search_fields = ["actor_label", "object_repr", "action"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
