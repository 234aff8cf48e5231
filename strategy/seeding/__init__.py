"""Synthetic records of the plan, written in bulk for `manage.py seed_scale` and the benchmarks.

Each function takes a `random.Random` (so a seed number gives the same records every time) and
builds rows that already satisfy every rule the services check; `intlinks.seeding.save_rows` writes
them with their history. Texts are Leicester's 2008 strategy's (the demonstration data), reused in
invented strategies, so every record's source says "Example (synthetic profile)".
"""

from strategy.seeding.action_plans import seed_action_plan
from strategy.seeding.budgets import BUDGET_LINES, LineSpec, seed_budget
from strategy.seeding.strategies import seed_indicators, seed_strategy, seed_themes

__all__ = [
    "BUDGET_LINES",
    "LineSpec",
    "seed_action_plan",
    "seed_budget",
    "seed_indicators",
    "seed_strategy",
    "seed_themes",
]
