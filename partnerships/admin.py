"""The Django admin for every model of the register, with history. Status changes stay in the service:
the admin shows a link's status and its history but changes it only through partnership_change_status."""

from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from partnerships import services
from partnerships.models import (
    Agreement,
    AnnualReview,
    Appraisal,
    Contact,
    LogframeRow,
    Organisation,
    Partnership,
    PartnershipOrganisation,
    Place,
    StatusChange,
    Theme,
)


@admin.register(Theme)
class ThemeAdmin(SimpleHistoryAdmin):
    list_display = ("name",)
    search_fields = ("name",)


@admin.register(Place)
class PlaceAdmin(SimpleHistoryAdmin):
    list_display = ("name", "country", "kind", "population", "latitude", "longitude")
    list_filter = ("kind", "country")
    search_fields = ("name", "notes")


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0
    fields = ("name", "role", "email", "phone", "purpose")


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ("name", "short_name", "kind")
    list_filter = ("kind",)
    search_fields = ("name", "short_name")
    inlines = [ContactInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class PartnershipOrganisationInline(admin.TabularInline):
    model = PartnershipOrganisation
    extra = 0
    autocomplete_fields = ("organisation",)


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    extra = 0
    can_delete = False
    readonly_fields = ("from_status", "to_status", "changed_on", "changed_by", "reason")

    def has_add_permission(self, request, obj=None):
        return False  # moves go through partnership_change_status, which checks the life cycle


class LogframeRowInline(admin.StackedInline):
    model = LogframeRow
    extra = 0


@admin.register(Partnership)
class PartnershipAdmin(SimpleHistoryAdmin):
    list_display = ("place", "kind", "depth", "status", "began_year")
    list_filter = ("status", "kind", "depth", "themes")
    search_fields = ("place__name", "summary")
    list_select_related = ("place",)
    autocomplete_fields = ("place",)
    filter_horizontal = ("themes",)
    readonly_fields = ("status",)
    inlines = [PartnershipOrganisationInline, StatusChangeInline, LogframeRowInline]

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
        else:  # a new link starts its status history like one recorded through the pages
            services.partnership_create(partnership=obj, by=request.user, reason="Link recorded in the admin")


@admin.register(Agreement)
class AgreementAdmin(SimpleHistoryAdmin):
    list_display = ("partnership", "kind", "signed_on", "ends_on")
    list_filter = ("kind",)
    list_select_related = ("partnership__place",)


@admin.register(AnnualReview)
class AnnualReviewAdmin(SimpleHistoryAdmin):
    list_display = ("partnership", "reviewed_on", "rag", "decision", "next_review_due")
    list_filter = ("rag", "decision")
    list_select_related = ("partnership__place",)


@admin.register(Appraisal)
class AppraisalAdmin(SimpleHistoryAdmin):
    list_display = ("partnership", "appraised_on", "recommendation", "accepted_on")
    list_filter = ("recommendation",)
    list_select_related = ("partnership__place",)
    readonly_fields = ("accepted_on", "accepted_by")


@admin.register(Contact)
class ContactAdmin(SimpleHistoryAdmin):
    list_display = ("name", "role", "organisation", "partnership")
    search_fields = ("name",)


@admin.register(StatusChange)
class StatusChangeAdmin(SimpleHistoryAdmin):
    list_display = ("partnership", "from_status", "to_status", "changed_on", "changed_by")
    readonly_fields = ("partnership", "from_status", "to_status", "changed_on", "changed_by", "reason")

    def has_add_permission(self, request):
        return False


@admin.register(PartnershipOrganisation)
class PartnershipOrganisationAdmin(SimpleHistoryAdmin):
    list_display = ("organisation", "partnership", "role")


@admin.register(LogframeRow)
class LogframeRowAdmin(SimpleHistoryAdmin):
    list_display = ("partnership", "level", "position", "summary")
    list_filter = ("level",)
