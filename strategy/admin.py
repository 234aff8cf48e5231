from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

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
    model = Objective
    extra = 0


class WayForwardInline(admin.TabularInline):
    model = WayForward
    extra = 0


class SynopsisEntryInline(admin.TabularInline):
    model = SynopsisEntry
    extra = 0


class BudgetLineInline(admin.TabularInline):
    model = BudgetLine
    extra = 0


class IndicatorValueInline(admin.TabularInline):
    model = IndicatorValue
    extra = 0


@admin.register(CorporateTheme)
class CorporateThemeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "council", "position", "is_active"]
    list_editable = ["position", "is_active"]


@admin.register(Strategy)
class StrategyAdmin(SimpleHistoryAdmin):
    list_display = ["title", "first_year", "last_year", "status", "adopted_on"]
    list_filter = ["status"]
    inlines = [ObjectiveInline]


@admin.register(Objective)
class ObjectiveAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "strategy"]
    list_filter = ["strategy"]
    inlines = [WayForwardInline, SynopsisEntryInline]


@admin.register(WayForward)
class WayForwardAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "objective"]


@admin.register(SynopsisEntry)
class SynopsisEntryAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "text"]
    list_filter = ["theme"]


@admin.register(ActionPlan)
class ActionPlanAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "strategy", "financial_year"]


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):
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
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "national_indicator", "strategy", "unit", "direction"]
    inlines = [IndicatorValueInline]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "financial_year", "target", "actual"]


@admin.register(Budget)
class BudgetAdmin(SimpleHistoryAdmin):
    """Allocations must add up to the total: edit lines here with care, or use the budget page's form."""

    list_display = ["__str__", "financial_year", "controllable_total"]
    inlines = [BudgetLineInline]


@admin.register(BudgetLine)
class BudgetLineAdmin(SimpleHistoryAdmin):
    list_display = ["name", "budget", "allocation", "counts_toward_overseas_assistance_limit"]
