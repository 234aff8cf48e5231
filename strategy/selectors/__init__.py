"""Reads that decide each page's query count: every function here runs a fixed number of queries.

`from strategy import selectors; selectors.budget_summary(...)`: each subject's module is re-exported.
"""

from strategy.selectors.action_plans import (
    RAG_ORDER,
    ObjectiveGroup,
    action_plan_groups,
    action_updates,
    actions_with_progress,
    plan_actions,
    plan_lead_officers,
    rag_counts_by_objective,
)
from strategy.selectors.budgets import (
    BudgetLineGroup,
    BudgetLineRow,
    BudgetOfYear,
    BudgetSummary,
    OverseasAssistanceCheck,
    budget_line_groups,
    budget_of_year,
    budget_summary,
    budgets_by_year,
)
from strategy.selectors.indicators import IndicatorRow, indicator_rows
from strategy.selectors.strategies import strategies_with_plans, strategy_with_contents, synopsis_rows
from strategy.selectors.themes import all_corporate_themes, corporate_themes

__all__ = [
    "RAG_ORDER",
    "BudgetLineRow",
    "BudgetOfYear",
    "BudgetSummary",
    "IndicatorRow",
    "ObjectiveGroup",
    "OverseasAssistanceCheck",
    "action_plan_groups",
    "action_updates",
    "actions_with_progress",
    "all_corporate_themes",
    "BudgetLineGroup",
    "budget_line_groups",
    "budget_of_year",
    "budget_summary",
    "budgets_by_year",
    "corporate_themes",
    "indicator_rows",
    "plan_actions",
    "plan_lead_officers",
    "rag_counts_by_objective",
    "strategies_with_plans",
    "strategy_with_contents",
    "synopsis_rows",
]
