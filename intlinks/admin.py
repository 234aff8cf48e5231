from django.contrib import admin
from django.contrib.admin import AdminSite
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from simple_history.admin import SimpleHistoryAdmin

from intlinks.models import SecurityEvent, SiteSettings, WorkerHeartbeat
from intlinks.two_factor import needs_two_factor

User = get_user_model()


class TwoFactorAdminSite(AdminSite):
    """The admin opens only to a session that has given its second factor (docs/adr/0020). The
    two-factor middleware already sends such a session to the code page first; this holds even if a
    page were ever left open between the steps."""

    def has_permission(self, request):
        user = request.user
        return super().has_permission(request) and (not needs_two_factor(user) or user.is_verified())


admin.site.__class__ = TwoFactorAdminSite


class UserWithHistoryAdmin(SimpleHistoryAdmin, UserAdmin):
    """Accounts and their roles. An Administrator who is not a superuser gives people roles (groups) and
    nothing more: no one becomes a superuser or gets a permission outside the roles through them, and
    they never change their own roles, so they cannot give themselves the approval of breaches (the
    second person an approval needs)."""

    list_display = ("username", "get_full_name", "email", "role_names", "is_active", "last_login")
    list_filter = ("groups", "is_active", "is_staff")

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields += ["is_superuser", "user_permissions"]
            if obj is not None and obj.pk == request.user.pk:
                fields += ["groups", "is_staff", "is_active"]
        return fields

    @admin.display(description="Roles")
    def role_names(self, user):
        return ", ".join(group.name for group in user.groups.all())

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")


admin.site.unregister(User)
admin.site.register(User, UserWithHistoryAdmin)


class RoleAdmin(GroupAdmin):
    """Roles are granted their permissions by rule (intlinks/roles.py, ADR 0001), re-applied after every
    migration: only a superuser changes a group's permissions by hand."""

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return fields if request.user.is_superuser else [*fields, "permissions"]


admin.site.unregister(Group)
admin.site.register(Group, RoleAdmin)


@admin.register(WorkerHeartbeat)
class WorkerHeartbeatAdmin(admin.ModelAdmin):
    list_display = ("worker", "seen_at")
    readonly_fields = ("worker", "seen_at")


@admin.register(SiteSettings)
class SiteSettingsAdmin(SimpleHistoryAdmin):
    """The one row of site settings: added once, changed with its history, never deleted."""

    list_display = ("__str__", "open_data")

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not SiteSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SecurityEvent)
class SecurityEventAdmin(admin.ModelAdmin):
    """The security log, for the Administrator to read: no one adds, changes or deletes a line."""

    list_display = ("at", "kind", "username", "user", "address", "path")
    list_filter = ("kind",)
    search_fields = ("username", "address", "path")
    date_hierarchy = "at"
    list_select_related = ("user",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
