"""The Django admin for every model of the register, with history.

Writes go through the same services as the officers' pages. Where a service owns a rule the admin cannot
follow, the admin only shows: a link's status and its history change only through
partnership_change_status, an appraisal is accepted only through appraisal_accept and cannot be changed
afterwards. Records an auditor may ask about are archived, never deleted (intlinks.archive_admin); an
evidence or agreement record is deleted only with its file."""

from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from intlinks.archive_admin import ArchiveAdminMixin
from partnerships import services
from partnerships.models import (
    Activity,
    Agreement,
    AnnualReview,
    Appraisal,
    ConductPolicy,
    Contact,
    Cost,
    Evidence,
    ExternalFunding,
    Gift,
    HotelCap,
    LogframeRow,
    Organisation,
    Partnership,
    PartnershipOrganisation,
    Place,
    ReportingDeadline,
    StatusChange,
    Theme,
)


def _save_rows(formset, save) -> None:
    """Save an admin inline's rows through a service, as the officers' pages do."""
    for row in formset.save(commit=False):
        save(row)
    for row in formset.deleted_objects:
        row.delete()


@admin.register(Theme)
class ThemeAdmin(SimpleHistoryAdmin):
    list_display = ("name",)
    search_fields = ("name",)


@admin.register(Place)
class PlaceAdmin(ArchiveAdminMixin, SimpleHistoryAdmin):
    list_display = ("name", "country", "kind", "population", "latitude", "longitude")
    list_filter = ("kind", "country")
    search_fields = ("name", "notes")

    def save_model(self, request, obj, form, change):
        services.place_save(place=obj)


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0
    fields = ("name", "role", "email", "phone", "purpose")


@admin.register(Organisation)
class OrganisationAdmin(ArchiveAdminMixin, SimpleHistoryAdmin):
    list_display = ("name", "short_name", "kind")
    list_filter = ("kind",)
    search_fields = ("name", "short_name")
    inlines = [ContactInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_model(self, request, obj, form, change):
        services.organisation_save(organisation=obj)

    def save_formset(self, request, form, formset, change):
        _save_rows(formset, lambda contact: services.contact_save(contact=contact))


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
class PartnershipAdmin(ArchiveAdminMixin, SimpleHistoryAdmin):
    list_display = ("place", "kind", "depth", "status", "began_year")
    list_filter = ("status", "kind", "depth", "themes")
    search_fields = ("place__name", "summary")
    list_select_related = ("place",)
    autocomplete_fields = ("place",)
    filter_horizontal = ("themes",)
    readonly_fields = ("status",)
    inlines = [PartnershipOrganisationInline, StatusChangeInline, LogframeRowInline]

    def save_model(self, request, obj, form, change):
        # The themes are set again by save_related, from the same form.
        if change:
            services.partnership_update(partnership=obj, themes=form.cleaned_data["themes"])
        else:  # a new link starts its status history like one recorded through the pages
            services.partnership_create(partnership=obj, by=request.user, reason="Link recorded in the admin")

    def save_formset(self, request, form, formset, change):
        if formset.model is PartnershipOrganisation:
            _save_rows(formset, lambda row: services.partnership_organisation_save(involvement=row))
        elif formset.model is LogframeRow:
            _save_rows(formset, lambda row: services.logframe_row_save(row=row))
        else:  # the status history, which the admin only shows
            super().save_formset(request, form, formset, change)


@admin.register(Agreement)
class AgreementAdmin(SimpleHistoryAdmin):
    list_display = ("partnership", "kind", "signed_on", "ends_on")
    list_filter = ("kind",)
    list_select_related = ("partnership__place",)

    def save_model(self, request, obj, form, change):
        services.agreement_save(agreement=obj)

    def delete_model(self, request, obj):
        services.agreement_delete(agreement=obj)

    def delete_queryset(self, request, queryset):
        for agreement in queryset:
            services.agreement_delete(agreement=agreement)


@admin.register(AnnualReview)
class AnnualReviewAdmin(SimpleHistoryAdmin):
    list_display = ("partnership", "reviewed_on", "rag", "decision", "next_review_due")
    list_filter = ("rag", "decision")
    list_select_related = ("partnership__place",)

    def save_model(self, request, obj, form, change):
        services.review_record(review=obj)


@admin.register(Appraisal)
class AppraisalAdmin(SimpleHistoryAdmin):
    list_display = ("partnership", "appraised_on", "recommendation", "accepted_on")
    list_filter = ("recommendation",)
    list_select_related = ("partnership__place",)
    readonly_fields = ("accepted_on", "accepted_by")

    def has_change_permission(self, request, obj=None):
        # Accepting formalised the link on the strength of this appraisal: it stays as it was.
        return super().has_change_permission(request, obj) and not (obj and obj.is_accepted)

    def save_model(self, request, obj, form, change):
        services.appraisal_save(appraisal=obj)


@admin.register(Contact)
class ContactAdmin(SimpleHistoryAdmin):
    list_display = ("name", "role", "organisation", "partnership")
    search_fields = ("name",)

    def save_model(self, request, obj, form, change):
        services.contact_save(contact=obj)


@admin.register(StatusChange)
class StatusChangeAdmin(SimpleHistoryAdmin):
    list_display = ("partnership", "from_status", "to_status", "changed_on", "changed_by")
    readonly_fields = ("partnership", "from_status", "to_status", "changed_on", "changed_by", "reason")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # the life cycle's record: kept with the link, archived or not


@admin.register(PartnershipOrganisation)
class PartnershipOrganisationAdmin(SimpleHistoryAdmin):
    list_display = ("organisation", "partnership", "role")

    def save_model(self, request, obj, form, change):
        services.partnership_organisation_save(involvement=obj)


@admin.register(LogframeRow)
class LogframeRowAdmin(SimpleHistoryAdmin):
    list_display = ("partnership", "level", "position", "summary")
    list_filter = ("level",)

    def save_model(self, request, obj, form, change):
        services.logframe_row_save(row=obj)


class HotelCapInline(admin.TabularInline):
    model = HotelCap
    extra = 0


@admin.register(ConductPolicy)
class ConductPolicyAdmin(ArchiveAdminMixin, SimpleHistoryAdmin):
    list_display = (
        "in_force_from",
        "business_class_min_hours",
        "subsistence_per_meal",
        "subsistence_per_day",
    )
    inlines = [HotelCapInline]


@admin.register(HotelCap)
class HotelCapAdmin(SimpleHistoryAdmin):
    list_display = ("policy", "region", "nightly_cap")


class CostInline(admin.StackedInline):
    model = Cost
    extra = 0
    can_delete = False  # a cost is archived from its own admin, never deleted with the activity's form
    readonly_fields = ("amount_gbp", "breach", "recorded_by", "approved_by", "approved_on")


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0
    can_delete = False  # deleted from its own admin, which removes the file with the record


@admin.register(Activity)
class ActivityAdmin(ArchiveAdminMixin, SimpleHistoryAdmin):
    list_display = ("title", "partnership", "kind", "starts_on", "state")
    list_filter = ("kind", "state")
    search_fields = ("title", "places", "purpose")
    autocomplete_fields = ("partnership",)
    inlines = [CostInline, EvidenceInline]

    def save_formset(self, request, form, formset, change):
        if formset.model is not Cost:
            return super().save_formset(request, form, formset, change)
        # Costs are flagged against the conduct rules by the service, as on the officers' pages.
        for cost in formset.save(commit=False):
            services.cost_save(cost=cost, by=request.user)
        return None


@admin.register(Cost)
class CostAdmin(ArchiveAdminMixin, SimpleHistoryAdmin):
    list_display = ("activity", "category", "amount", "currency", "amount_gbp", "stage", "budget_line")
    list_filter = ("category", "stage", "paid_by")
    readonly_fields = ("amount_gbp", "breach", "recorded_by")
    raw_id_fields = ("activity",)

    def save_model(self, request, obj, form, change):
        services.cost_save(cost=obj, by=request.user)


@admin.register(Evidence)
class EvidenceAdmin(SimpleHistoryAdmin):
    list_display = ("title", "activity", "kind", "uploaded_at")
    raw_id_fields = ("activity",)

    def delete_model(self, request, obj):
        services.evidence_delete(evidence=obj)

    def delete_queryset(self, request, queryset):
        for evidence in queryset:
            services.evidence_delete(evidence=evidence)


@admin.register(Gift)
class GiftAdmin(ArchiveAdminMixin, SimpleHistoryAdmin):
    list_display = ("description", "direction", "counterparty", "value", "given_on", "registered_on")
    list_filter = ("direction", "counterparty_kind")
    search_fields = ("description", "counterparty")
    readonly_fields = ("breach", "recorded_by")
    raw_id_fields = ("activity",)

    def save_model(self, request, obj, form, change):
        services.gift_save(gift=obj, by=request.user)


class ReportingDeadlineInline(admin.TabularInline):
    model = ReportingDeadline
    extra = 0


@admin.register(ExternalFunding)
class ExternalFundingAdmin(ArchiveAdminMixin, SimpleHistoryAdmin):
    list_display = ("funder", "programme", "status", "amount_bid", "amount_awarded", "partnership")
    list_filter = ("status",)
    search_fields = ("funder", "programme", "title")
    filter_horizontal = ("activities",)
    inlines = [ReportingDeadlineInline]


@admin.register(ReportingDeadline)
class ReportingDeadlineAdmin(SimpleHistoryAdmin):
    list_display = ("funding", "description", "due_on", "done")
