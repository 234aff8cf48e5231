"""The Django admin for every model of the register, with history.

Writes go through the same services as the officers' pages. Where a service owns a rule the admin cannot
follow, the admin only shows: a link's status and its history change only through
partnership_change_status, an appraisal is accepted only through appraisal_accept and cannot be changed
afterwards. Breach approvals happen only through breach_justify and breach_approve: their fields are
shown, never edited. A complete or cancelled activity (`Activity.is_locked`) is read-only here, with its
costs, evidence and gifts, until it is reopened on its page. Records an auditor may ask about are
archived, never deleted (intlinks.archive_admin); an evidence or agreement record is deleted only with
its file."""

from django import forms
from django.contrib import admin
from django.contrib.admin.options import InlineModelAdmin
from django.core.exceptions import PermissionDenied
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from intlinks.archive_admin import ArchiveAdminMixin
from partnerships import services
from partnerships.models import (
    Activity,
    ActivityStateChange,
    AgendaItem,
    Agreement,
    AnnualReview,
    Appraisal,
    ConductPolicy,
    Contact,
    Cost,
    Evidence,
    ExternalFunding,
    Gift,
    GrantApplication,
    GrantStateChange,
    HotelCap,
    LogframeRow,
    Meeting,
    Organisation,
    Partnership,
    PartnershipOrganisation,
    Place,
    ReportingDeadline,
    StatusChange,
    Theme,
)


class RevertOnlyWhenChangeable:
    """django-simple-history lets anyone who may view a record post a revert to an old version; a
    record this admin shows read-only (closed, final) is not reverted either."""

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST" and not self.has_change_permission(
            request, self.get_object(request, object_id)
        ):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


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


class TrailInline(admin.TabularInline):
    """A record's trail of moves, shown and never written here: each move goes through its service."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class StatusChangeInline(TrailInline):
    model = StatusChange  # moves go through partnership_change_status, which checks the life cycle
    readonly_fields = ("from_status", "to_status", "changed_on", "changed_by", "reason")


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
class AnnualReviewAdmin(RevertOnlyWhenChangeable, SimpleHistoryAdmin):
    list_display = ("partnership", "reviewed_on", "rag", "decision", "next_review_due")
    list_filter = ("rag", "decision")
    list_select_related = ("partnership__place",)

    def has_change_permission(self, request, obj=None):
        # A recorded review is final: a correction is a new review (`AnnualReview.is_finalised`).
        return super().has_change_permission(request, obj) and not (obj and obj.is_finalised)

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
        "premium_economy_min_hours",
        "subsistence_per_meal",
        "subsistence_per_day",
    )
    inlines = [HotelCapInline]


@admin.register(HotelCap)
class HotelCapAdmin(SimpleHistoryAdmin):
    list_display = ("policy", "region", "nightly_cap")


# Set only by the services: who recorded, changed the amount, justified and approved, and when.
APPROVAL_FIELDS = (
    "breach",
    "justification",
    "justified_by",
    "justified_on",
    "recorded_by",
    "amount_changed_by",
    "amount_changed_on",
    "approved_by",
    "approved_on",
)
# A cost's excess and its repayment: set only by the services too.
REPAYMENT_FIELDS = ("excess_gbp", "repaid_amount", "repaid_on", "repayment_recorded_by")


def _activity_closed(activity) -> bool:
    return bool(activity and activity.is_locked)


class OpenActivityForm(forms.ModelForm):
    """A cost, gift or evidence of a closed activity is refused beside the activity field."""

    def clean(self):
        cleaned = super().clean()
        activity = cleaned.get("activity")
        if _activity_closed(activity):
            self.add_error("activity" if "activity" in self.fields else None, activity.lock_refusal())
        return cleaned


class ClosedWithActivityMixin(RevertOnlyWhenChangeable):
    """Read-only while the record's activity (or, for an inline, the parent activity) is closed."""

    def _closed(self, obj) -> bool:
        if isinstance(obj, Activity):
            return obj.is_locked
        return _activity_closed(getattr(obj, "activity", None))

    def has_add_permission(self, request, obj=None):
        if isinstance(self, InlineModelAdmin):
            return super().has_add_permission(request, obj) and not self._closed(obj)
        return super().has_add_permission(request)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not self._closed(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not self._closed(obj)


class CostInline(ClosedWithActivityMixin, admin.StackedInline):
    model = Cost
    extra = 0
    can_delete = False  # a cost is archived from its own admin, never deleted with the activity's form
    readonly_fields = ("amount_gbp", *APPROVAL_FIELDS, *REPAYMENT_FIELDS)


class EvidenceInline(ClosedWithActivityMixin, admin.TabularInline):
    model = Evidence
    extra = 0
    can_delete = False  # deleted from its own admin, which removes the file with the record


class StateChangeInline(TrailInline):
    # States move only through the activity's page: ready, complete, reopen, cancel.
    model = ActivityStateChange
    readonly_fields = ("from_state", "to_state", "changed_at", "changed_by", "reason")


@admin.register(Activity)
class ActivityAdmin(ArchiveAdminMixin, ClosedWithActivityMixin, SimpleHistoryAdmin):
    list_display = ("title", "partnership", "kind", "starts_on", "state")
    list_filter = ("kind", "state")
    search_fields = ("title", "places", "purpose")
    autocomplete_fields = ("partnership",)
    readonly_fields = ("state", "recorded_by")
    inlines = [CostInline, EvidenceInline, StateChangeInline]

    def save_model(self, request, obj, form, change):
        # The same service as the officers' page: the lock, and the gate going back to planned.
        services.activity_log(
            activity=obj,
            objectives=form.cleaned_data.get("objectives", ()),
            ways_forward=form.cleaned_data.get("ways_forward", ()),
            by=request.user,
        )

    def save_formset(self, request, form, formset, change):
        if formset.model is Cost:
            # Costs are flagged against the conduct rules by the service, as on the officers' pages.
            for cost in formset.save(commit=False):
                services.cost_save(cost=cost, by=request.user)
        elif formset.model is Evidence:
            for evidence in formset.save(commit=False):
                services.evidence_add(evidence=evidence, by=request.user)
            for evidence in formset.deleted_objects:
                services.evidence_delete(evidence=evidence, by=request.user)
        else:  # the state history, which the admin only shows
            super().save_formset(request, form, formset, change)


@admin.register(ActivityStateChange)
class ActivityStateChangeAdmin(SimpleHistoryAdmin):
    list_display = ("activity", "from_state", "to_state", "changed_at", "changed_by")
    readonly_fields = ("activity", "from_state", "to_state", "changed_at", "changed_by", "reason")

    def has_add_permission(self, request):
        return False  # written only by the activity's steps


@admin.register(Cost)
class CostAdmin(ArchiveAdminMixin, ClosedWithActivityMixin, SimpleHistoryAdmin):
    form = OpenActivityForm
    list_display = ("activity", "category", "amount", "currency", "amount_gbp", "stage", "budget_line")
    list_filter = ("category", "stage", "paid_by")
    readonly_fields = ("amount_gbp", *APPROVAL_FIELDS, *REPAYMENT_FIELDS)
    raw_id_fields = ("activity",)

    def save_model(self, request, obj, form, change):
        services.cost_save(cost=obj, by=request.user)


@admin.register(Evidence)
class EvidenceAdmin(ClosedWithActivityMixin, SimpleHistoryAdmin):
    form = OpenActivityForm
    list_display = ("title", "activity", "kind", "uploaded_at")
    raw_id_fields = ("activity",)

    def save_model(self, request, obj, form, change):
        services.evidence_add(evidence=obj, by=request.user)

    def delete_model(self, request, obj):
        services.evidence_delete(evidence=obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for evidence in queryset:
            services.evidence_delete(evidence=evidence, by=request.user)


@admin.register(Gift)
class GiftAdmin(ArchiveAdminMixin, ClosedWithActivityMixin, SimpleHistoryAdmin):
    form = OpenActivityForm
    list_display = (
        "description",
        "direction",
        "person",
        "counterparty",
        "value",
        "given_on",
        "registered_on",
    )
    list_filter = ("direction", "counterparty_kind")
    search_fields = ("description", "person", "counterparty")
    readonly_fields = APPROVAL_FIELDS
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


class GrantStateChangeInline(TrailInline):
    # Steps go through the services (submit, decide at a meeting, pay, monitoring report, close).
    model = GrantStateChange
    readonly_fields = ("from_state", "to_state", "changed_at", "changed_by", "note")


# Set only by the services: the steps of an application and who took each.
GRANT_STEP_FIELDS = (
    "state",
    "recorded_by",
    "submitted_on",
    "submitted_by",
    "meeting",
    "decided_by",
    "decided_at",
    "amount_approved",
    "conditions",
    "decline_reasons",
    "override_reason",
    "amount_paid",
    "paid_on",
    "paid_by",
    "monitoring_received_on",
    "monitoring_notes",
)


@admin.register(GrantApplication)
class GrantApplicationAdmin(ArchiveAdminMixin, SimpleHistoryAdmin):
    list_display = ("title", "organisation", "state", "amount_requested", "amount_approved", "amount_paid")
    list_filter = ("state",)
    search_fields = ("title", "purpose", "organisation__name")
    readonly_fields = GRANT_STEP_FIELDS
    filter_horizontal = ("objectives",)
    inlines = [GrantStateChangeInline]

    def has_change_permission(self, request, obj=None):
        # Only a draft is edited, as on its page; a declined or closed one is read-only.
        if obj is not None and not obj.can("edit"):
            return False
        return super().has_change_permission(request, obj)

    def save_model(self, request, obj, form, change):
        services.grant_save(
            application=obj, objectives=form.cleaned_data.get("objectives", ()), by=request.user
        )

    def save_related(self, request, form, formsets, change):
        for formset in formsets:  # the trail is read-only; objectives were set by the service
            self.save_formset(request, form, formset, change=change)


# A meeting's date, members present and agenda decide who may record a grant decision and which
# applications it considers; they change only through the meeting pages (`meeting_save`), which keep
# those rules. The admin corrects a title or the minutes, and never deletes a meeting.
MEETING_RULED_FIELDS = ("held_on", "members_present", "recorded_by")


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0
    can_delete = False
    fields = ("position", "kind", "grant_application", "partnership", "financial_year", "title", "notes")
    readonly_fields = ("position", "kind", "grant_application", "partnership", "financial_year")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ("held_on", "title")
    inlines = [AgendaItemInline]
    readonly_fields = MEETING_RULED_FIELDS

    def has_add_permission(self, request):
        return False  # a meeting is recorded on its page, which checks its members

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(GrantStateChange)
class GrantStateChangeAdmin(SimpleHistoryAdmin):
    list_display = ("application", "from_state", "to_state", "changed_at", "changed_by")
    readonly_fields = ("application", "from_state", "to_state", "changed_at", "changed_by", "note")


@admin.register(AgendaItem)
class AgendaItemAdmin(SimpleHistoryAdmin):
    list_display = ("meeting", "position", "kind", "title")
    readonly_fields = ("meeting", "position", "kind", "grant_application", "partnership", "financial_year")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
