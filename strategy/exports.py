"""The plan's downloads, one declaration a list: action plans' actions, indicators, budget lines
(intlinks.exports, issue 14). The plan pages and the whole-council export read these same columns."""

from collections.abc import Iterator

from django.db.models import QuerySet

from intlinks.csv_export import in_batches
from intlinks.exports import Column, Export
from intlinks.templatetags.intlinks import person_name
from strategy.models import Action, ActionStatus, BudgetLine, Indicator, IndicatorValue
from strategy.templatetags.strategy import rag_label


def _actions() -> QuerySet[Action]:
    return (
        Action.objects.with_progress()
        .select_related("action_plan", "objective", "way_forward", "lead_officer")
        .order_by("action_plan__financial_year", "action_plan", "objective__number", "reference")
    )


ACTIONS = Export(
    name="action-plan-actions",
    title="Action plan actions",
    about="Every action of every annual action plan, with its current status and RAG rating.",
    columns=[
        Column("Action plan", lambda action: action.action_plan.year_label, "The plan's financial year."),
        Column("Reference", lambda action: action.reference),
        Column("Objective", lambda action: action.objective.number, "The strategy objective's number."),
        Column("Way forward", lambda action: action.way_forward.letter if action.way_forward else ""),
        Column("Description", lambda action: action.description),
        Column("Lead officer", lambda action: person_name(action.lead_officer)),
        Column("Start date", lambda action: action.start_date),
        Column("Due date", lambda action: action.due_date),
        Column("Planned cost (£)", lambda action: action.planned_cost, money=True),
        Column("Status", lambda action: ActionStatus(action.current_status).label, "From its latest update."),
        Column("RAG", lambda action: rag_label(action.current_rag), "Red, Amber, Green or Not rated."),
        Column("Last update", lambda action: action.last_update_at.date() if action.last_update_at else None),
        Column("Overdue", lambda action: action.is_overdue),
        Column("No recent update", lambda action: action.is_stale),
    ],
    everything=_actions,
)


def _indicator_years(indicators: QuerySet[Indicator]) -> Iterator[tuple]:
    """One (indicator, financial year, value or None) for each year of the indicator's strategy; a
    chunk's recorded values are read in one query."""
    for chunk in in_batches(indicators.select_related("strategy").prefetch_related(None)):
        values = {}
        for value in IndicatorValue.objects.filter(indicator__in=chunk):
            values[value.indicator_id, value.financial_year] = value
        for indicator in chunk:
            for year in indicator.strategy.years:
                yield indicator, year, values.get((indicator.pk, year.start))


def _value(part: str):
    return lambda row: getattr(row[2], part) if row[2] else None


INDICATORS = Export(
    name="indicators",
    title="Indicators",
    about="Each indicator of each strategy, one row for every financial year the strategy covers.",
    columns=[
        Column("Strategy", lambda row: str(row[0].strategy)),
        Column("Indicator", lambda row: row[0].name),
        Column("National indicator", lambda row: row[0].national_indicator),
        Column("Unit", lambda row: row[0].unit),
        Column("Direction", lambda row: row[0].get_direction_display(), "Whether higher or lower is better."),
        Column("Baseline", lambda row: row[0].baseline),
        Column("Baseline year", lambda row: row[0].baseline_year_label),
        Column("Financial year", lambda row: row[1].label),
        Column("Target", _value("target")),
        Column("Actual", _value("actual")),
        Column("Note", _value("note")),
    ],
    read=_indicator_years,
    everything=lambda: Indicator.objects.order_by(
        "strategy__first_year", "strategy", "national_indicator", "name"
    ),
)

BUDGET_LINES = Export(
    name="budget-lines",
    title="Budget lines",
    about="Each line of each current yearly budget, with its allocation.",
    columns=[
        Column("Financial year", lambda line: line.budget.year_label),
        Column("Budget", lambda line: line.budget.title),
        Column("Controllable total (£)", lambda line: line.budget.controllable_total, money=True),
        Column("Line", lambda line: line.name),
        Column("Allocation (£)", lambda line: line.allocation, money=True),
        Column(
            "Counts toward the overseas assistance limit",
            lambda line: line.counts_toward_overseas_assistance_limit,
        ),
    ],
    everything=lambda: (
        BudgetLine.objects.filter(budget__archived_at__isnull=True)
        .select_related("budget")
        .order_by("budget__financial_year", "position", "pk")
    ),
)

# The whole-council export's files from this app, in this order.
ALL = (ACTIONS, INDICATORS, BUDGET_LINES)
