"""The plan: strategies with objectives and ways forward, themes, action plans, indicators, budgets."""

from strategy.models.action_plans import (
    CLOSED_STATUSES,
    NOT_RATED,
    Action,
    ActionPlan,
    ActionQuerySet,
    ActionStatus,
    ProgressUpdate,
    Rag,
)
from strategy.models.budgets import Budget, BudgetLine
from strategy.models.common import SOURCE_HELP
from strategy.models.indicators import Indicator, IndicatorValue
from strategy.models.strategies import Objective, Strategy, SynopsisEntry, WayForward
from strategy.models.themes import CorporateTheme

__all__ = [
    "CLOSED_STATUSES",
    "NOT_RATED",
    "SOURCE_HELP",
    "Action",
    "ActionPlan",
    "ActionQuerySet",
    "ActionStatus",
    "Budget",
    "BudgetLine",
    "CorporateTheme",
    "Indicator",
    "IndicatorValue",
    "Objective",
    "ProgressUpdate",
    "Rag",
    "Strategy",
    "SynopsisEntry",
    "WayForward",
]
