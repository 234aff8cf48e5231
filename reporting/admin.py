"""The Django admin for Cabinet reports and their versions.

A final report's front matter is what Cabinet received, so the admin shows it read-only. Versions are
made only by generation (and finalised or superseded only through its services): the admin shows them,
never edits them, and never deletes a finalised one.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from reporting.models import (
    CabinetReport,
    Consultation,
    ExemptParagraph,
    Recommendation,
    ReportImplication,
    ReportMeeting,
    ReportVersion,
)


class LockedWithReport:
    """A row of a final report is read-only, as the report is."""

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_locked:
            return False
        return super().has_change_permission(request, obj)

    def has_add_permission(self, request, obj=None):
        if obj is not None and obj.is_locked:
            return False
        return super().has_add_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_locked:
            return False
        return super().has_delete_permission(request, obj)


class MeetingInline(LockedWithReport, admin.TabularInline):
    model = ReportMeeting
    extra = 0


class RecommendationInline(LockedWithReport, admin.TabularInline):
    model = Recommendation
    extra = 0


class ImplicationInline(LockedWithReport, admin.TabularInline):
    model = ReportImplication
    extra = 0


class ConsultationInline(LockedWithReport, admin.TabularInline):
    model = Consultation
    extra = 0


class ExemptParagraphInline(LockedWithReport, admin.TabularInline):
    model = ExemptParagraph
    extra = 0


@admin.register(CabinetReport)
class CabinetReportAdmin(SimpleHistoryAdmin):
    list_display = ("title", "kind", "financial_year", "layout", "state", "created_at")
    list_filter = ("kind", "layout", "state")
    search_fields = ("title",)
    raw_id_fields = ("strategy", "partnership")
    readonly_fields = ("state", "created_by", "created_at")
    inlines = [
        MeetingInline,
        RecommendationInline,
        ImplicationInline,
        ConsultationInline,
        ExemptParagraphInline,
    ]

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_locked:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and (obj.is_locked or obj.versions.exists()):
            return False
        return super().has_delete_permission(request, obj)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        from django.core.exceptions import PermissionDenied

        if request.method == "POST" and not self.has_change_permission(
            request, self.get_object(request, object_id)
        ):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


@admin.register(ReportVersion)
class ReportVersionAdmin(SimpleHistoryAdmin):
    list_display = ("report", "number", "status", "requested_by", "requested_at", "finalised_at")
    list_filter = ("status",)
    list_select_related = ("report", "requested_by")

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in ReportVersion._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # Shown, never edited: the change page renders read-only for those who may view.
        return False

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.finalised_at is not None:
            return False
        return super().has_delete_permission(request, obj)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        from django.core.exceptions import PermissionDenied

        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)
