"""The Django admin's side of "archive, not delete": every archivable record's admin uses this mixin.

The admin's delete is replaced by archive and restore actions that call the one archive service, so no
cascade ever runs from the admin. Deleting outright is offered only for a record its creator made by
mistake in the last hour with nothing pointing at it (`Archivable.deletion_refusal`).
"""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse

from intlinks import services

ARCHIVE_FIELDS = ("archived_at", "archived_by", "archive_reason")


class KeptRecordAdminMixin:
    """For a part of a larger record (a strategy's objectives and ways forward, a plan's actions, an
    indicator's values, a theme): corrected in place, never deleted, because a delete would cascade
    through what cites it. The whole it belongs to is archived instead."""

    def has_delete_permission(self, request, obj=None):
        return False


class ArchivedListFilter(admin.SimpleListFilter):
    title = "archived"
    parameter_name = "archived"

    def lookups(self, request, model_admin):
        return [("no", "Current"), ("yes", "Archived")]

    def queryset(self, request, queryset):
        if self.value() == "no":
            return queryset.current()
        if self.value() == "yes":
            return queryset.archived()
        return queryset


def _refusals_as_messages(request, call, records) -> int:
    """Call the service for each record; each refusal becomes an error message. Returns how many went."""
    done = 0
    for record in records:
        try:
            call(record)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            done += 1
    return done


class ArchiveAdminMixin:
    """Archive and restore actions, the archive fields read-only, an "archived" filter, and no delete."""

    actions = ["archive_selected", "restore_selected"]

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), *ARCHIVE_FIELDS)

    def get_list_display(self, request):
        return (*super().get_list_display(request), "archived")

    @admin.display(description="Archived", boolean=True)
    def archived(self, record) -> bool:
        return record.is_archived

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), ArchivedListFilter)

    def has_change_permission(self, request, obj=None):
        # An archived record is shown read-only until it is restored (the restore action is allowed).
        return super().has_change_permission(request, obj) and not (obj is not None and obj.is_archived)

    def has_delete_permission(self, request, obj=None):
        # No bulk delete ever; one record only when its creator made it by mistake within the hour.
        if obj is None or not super().has_delete_permission(request, obj):
            return False
        return obj.can_be_deleted_by(request.user)

    @admin.action(description="Archive the selected records (with a reason)", permissions=["change"])
    def archive_selected(self, request, queryset):
        reason = request.POST.get("archive_reason", "").strip()
        if request.POST.get("confirm") != "yes" or not reason:
            return TemplateResponse(
                request,
                "admin/archive_confirmation.html",
                {
                    **self.admin_site.each_context(request),
                    "title": "Archive: say why",
                    "records": queryset,
                    "opts": self.model._meta,
                    "reason_missing": request.POST.get("confirm") == "yes",
                    "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
                },
            )
        done = _refusals_as_messages(
            request,
            lambda record: services.record_archive(record=record, by=request.user, reason=reason),
            queryset,
        )
        if done:
            messages.success(request, f"Archived {done}: hidden from lists and totals, kept in history")
        return None

    @admin.action(description="Restore the selected archived records", permissions=["change"])
    def restore_selected(self, request, queryset):
        done = _refusals_as_messages(
            request, lambda record: services.record_restore(record=record, by=request.user), queryset
        )
        if done:
            messages.success(request, f"Restored {done}")
