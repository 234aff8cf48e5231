from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from simple_history.admin import SimpleHistoryAdmin

from intlinks.models import WorkerHeartbeat

User = get_user_model()


class UserWithHistoryAdmin(SimpleHistoryAdmin, UserAdmin):
    list_display = ("username", "get_full_name", "email", "role_names", "is_active", "last_login")
    list_filter = ("groups", "is_active", "is_staff")

    @admin.display(description="Roles")
    def role_names(self, user):
        return ", ".join(group.name for group in user.groups.all())

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")


admin.site.unregister(User)
admin.site.register(User, UserWithHistoryAdmin)


@admin.register(WorkerHeartbeat)
class WorkerHeartbeatAdmin(admin.ModelAdmin):
    list_display = ("worker", "seen_at")
    readonly_fields = ("worker", "seen_at")
