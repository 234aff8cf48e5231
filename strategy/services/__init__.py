"""Every write to the plan goes through these functions: views, the admin, tasks and demo data.

`from strategy import services; services.budget_save_with_lines(...)`: each subject's module is
re-exported here.
"""

from strategy.services.action_plans import (
    REMINDER_DAYS_BEFORE_REPORTING_DATE,
    action_plan_create,
    action_reminders_send,
    action_save,
    next_reporting_date,
    progress_update_add,
)
from strategy.services.budgets import budget_save_with_lines
from strategy.services.indicators import indicator_save, indicator_value_record
from strategy.services.strategies import objective_save, strategy_save, synopsis_entry_save, way_forward_save
from strategy.services.themes import corporate_theme_save

__all__ = [
    "REMINDER_DAYS_BEFORE_REPORTING_DATE",
    "action_plan_create",
    "action_reminders_send",
    "action_save",
    "budget_save_with_lines",
    "corporate_theme_save",
    "indicator_save",
    "indicator_value_record",
    "next_reporting_date",
    "objective_save",
    "progress_update_add",
    "strategy_save",
    "synopsis_entry_save",
    "way_forward_save",
]
