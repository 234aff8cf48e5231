"""Forms for officers, by subject: GOV.UK layouts; each cleans to typed values and has no side effects.

Saving goes through `strategy.services`, called by the views.
"""

from strategy.forms.action_plans import ActionForm, ActionPlanForm, ProgressUpdateForm
from strategy.forms.budgets import BudgetForm, BudgetLineForm, BudgetLineFormSet
from strategy.forms.indicators import IndicatorForm, IndicatorValueForm
from strategy.forms.strategies import ObjectiveForm, StrategyForm, SynopsisEntryForm, WayForwardForm
from strategy.forms.themes import CorporateThemeForm

__all__ = [
    "ActionForm",
    "ActionPlanForm",
    "BudgetForm",
    "BudgetLineForm",
    "BudgetLineFormSet",
    "CorporateThemeForm",
    "IndicatorForm",
    "IndicatorValueForm",
    "ObjectiveForm",
    "ProgressUpdateForm",
    "StrategyForm",
    "SynopsisEntryForm",
    "WayForwardForm",
]
