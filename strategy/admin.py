"""The admin for administrators. Budgets and their lines are written through the budget service, so
that the admin keeps the rule that the lines add up to the controllable total."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from simple_history.admin import SimpleHistoryAdmin

from intlinks.archive_admin import ArchiveAdminMixin, KeptRecordAdminMixin
from intlinks.editing import formset_rows
from strategy import services
from strategy.models import (
    Action,
    ActionPlan,
    Budget,
    BudgetLine,
    CorporateTheme,
    Indicator,
    IndicatorValue,
    Objective,
    ProgressUpdate,
    Strategy,
    SynopsisEntry,
    WayForward,
)


class ObjectiveInline(admin.TabularInline):
    can_delete = False  # see KeptRecordAdminMixin
    model = Objective
    extra = 0


class WayForwardInline(admin.TabularInline):
    can_delete = False  # see KeptRecordAdminMixin
    model = WayForward
    extra = 0


class SynopsisEntryInline(admin.TabularInline):
    can_delete = False  # see KeptRecordAdminMixin
    model = SynopsisEntry
    extra = 0


class BudgetLinesFormSet(forms.BaseInlineFormSet):
    """A budget's lines in the admin, refused unless they keep the budget's rule (`Budget.lines_errors`)."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        kept, _ = formset_rows(self)
        errors = self.instance.lines_errors([row.instance for row in kept])
        if errors:
            raise ValidationError([message for messages in errors.values() for message in messages])


class BudgetLineInline(admin.TabularInline):
    model = BudgetLine
    formset = BudgetLinesFormSet
    extra = 0


class IndicatorValueInline(admin.TabularInline):
    can_delete = False  # see KeptRecordAdminMixin
    model = IndicatorValue
    extra = 0


@admin.register(CorporateTheme)
class CorporateThemeAdmin(KeptRecordAdminMixin, SimpleHistoryAdmin):
    list_display = ["name", "council", "position", "is_active"]
    list_editable = ["position", "is_active"]


@admin.register(Strategy)
class StrategyAdmin(ArchiveAdminMixin, SimpleHistoryAdmin):
    list_display = ["title", "first_year", "last_year", "status", "adopted_on"]
    list_filter = ["status"]
    inlines = [ObjectiveInline]


@admin.register(Objective)
class ObjectiveAdmin(KeptRecordAdminMixin, SimpleHistoryAdmin):
    list_display = ["__str__", "strategy"]
    list_filter = ["strategy"]
    inlines = [WayForwardInline, SynopsisEntryInline]


@admin.register(WayForward)
class WayForwardAdmin(KeptRecordAdminMixin, SimpleHistoryAdmin):
    list_display = ["__str__", "objective"]


@admin.register(SynopsisEntry)
class SynopsisEntryAdmin(KeptRecordAdminMixin, SimpleHistoryAdmin):
    list_display = ["__str__", "text"]
    list_filter = ["theme"]


@admin.register(ActionPlan)
class ActionPlanAdmin(KeptRecordAdminMixin, SimpleHistoryAdmin):
    list_display = ["__str__", "strategy", "financial_year"]


@admin.register(Action)
class ActionAdmin(KeptRecordAdminMixin, SimpleHistoryAdmin):
    list_display = ["reference", "action_plan", "objective", "lead_officer", "start_date", "due_date"]
    list_filter = ["action_plan"]
    search_fields = ["reference", "description"]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(SimpleHistoryAdmin):
    """Append-only: an update can be added or read, never changed (a correction is a new update)."""

    list_display = ["action", "recorded_at", "recorded_by", "status", "rag"]
    list_filter = ["rag", "status"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Indicator)
class IndicatorAdmin(KeptRecordAdminMixin, SimpleHistoryAdmin):
    list_display = ["name", "national_indicator", "strategy", "unit", "direction"]
    inlines = [IndicatorValueInline]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(KeptRecordAdminMixin, SimpleHistoryAdmin):
    list_display = ["indicator", "financial_year", "target", "actual"]


@admin.register(Budget)
class BudgetAdmin(ArchiveAdminMixin, SimpleHistoryAdmin):
    """A budget and its lines, saved together by `services.budget_save_with_lines`."""

    list_display = ["__str__", "financial_year", "controllable_total"]
    inlines = [BudgetLineInline]

    def save_model(self, request, obj, form, change):
        """Nothing yet: the budget is saved with its lines, in save_related."""

    def save_related(self, request, form, formsets, change):
        [lines] = formsets
        kept, removed = formset_rows(lines)
        # What the admin's history message reads, as formset.save() would have recorded it.
        lines.new_objects = [row.instance for row in kept if row.instance._state.adding]
        lines.changed_objects = [
            (row.instance, row.changed_data)
            for row in kept
            if not row.instance._state.adding and row.has_changed()
        ]
        lines.deleted_objects = removed
        services.budget_save_with_lines(
            budget=form.instance, lines=[row.instance for row in kept], removed=removed
        )


def with_other_lines(line: BudgetLine, budget: Budget) -> list[BudgetLine]:
    """`line` with the rest of its budget's lines: the whole set the budget's rule applies to."""
    return [*budget.lines.exclude(pk=line.pk), line]


class BudgetLineAdminForm(forms.ModelForm):
    """One line on its own keeps its budget's rule too: with the budget's other lines, it must add up."""

    class Meta:
        model = BudgetLine
        fields = [
            "budget",
            "name",
            "allocation",
            "counts_toward_overseas_assistance_limit",
            "position",
            "source",
        ]

    def clean(self):
        cleaned = super().clean()
        budget = cleaned.get("budget") or (self.instance.budget if self.instance.budget_id else None)
        if budget is None or "name" not in cleaned or "allocation" not in cleaned:
            return cleaned  # the missing field has its own message
        line = BudgetLine(pk=self.instance.pk, name=cleaned["name"], allocation=cleaned["allocation"])
        errors = budget.lines_errors(with_other_lines(line, budget))
        if errors:
            raise ValidationError([message for messages in errors.values() for message in messages])
        return cleaned


@admin.register(BudgetLine)
class BudgetLineAdmin(SimpleHistoryAdmin):
    """A single line, saved with the rest of its budget by the budget service; removed on the budget."""

    form = BudgetLineAdminForm
    list_display = ["name", "budget", "allocation", "counts_toward_overseas_assistance_limit"]

    def get_readonly_fields(self, request, obj=None):
        return ["budget"] if obj else []  # a line moved to another budget would unbalance both

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        services.budget_save_with_lines(budget=obj.budget, lines=with_other_lines(obj, obj.budget))
