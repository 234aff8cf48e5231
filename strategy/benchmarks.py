"""Benchmark scenarios for the strategy's pages (run by `make bench`)."""

from decimal import Decimal

from intlinks.benchmarks import Scenario

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _seed_strategy(size: int) -> dict:
    from strategy.tests.factories import (
        CorporateThemeFactory,
        ObjectiveFactory,
        StrategyFactory,
        SynopsisEntryFactory,
        WayForwardFactory,
    )

    strategy = StrategyFactory()
    themes = [CorporateThemeFactory(name=name) for name in ("Confident People", "Greater Prosperity")]
    for number in range(1, size + 1):
        objective = ObjectiveFactory(strategy=strategy, number=number)
        for letter in "abc":
            WayForwardFactory(objective=objective, letter=letter)
        for theme in themes:
            SynopsisEntryFactory(objective=objective, theme=theme)
    return {"strategy": strategy.pk}


def _seed_action_plan(size: int) -> dict:
    from django.contrib.auth import get_user_model

    from strategy.tests.factories import (
        ActionFactory,
        ActionPlanFactory,
        ObjectiveFactory,
        ProgressUpdateFactory,
    )

    officer = get_user_model().objects.create_user(username="bench-lead-officer")
    plan = ActionPlanFactory()
    objectives = [ObjectiveFactory(strategy=plan.strategy, number=number) for number in range(1, 7)]
    for index in range(size):
        objective = objectives[index % len(objectives)]
        action = ActionFactory(action_plan=plan, objective=objective, lead_officer=officer)
        ProgressUpdateFactory(action=action, rag=("green", "amber")[index % 2], recorded_by=officer)
    return {"plan": plan.pk}


def _seed_budget(size: int) -> dict:
    from strategy.tests.factories import BudgetFactory, BudgetLineFactory

    BudgetFactory(financial_year=2024, controllable_total=Decimal("100.00"))
    budget = BudgetFactory(financial_year=2025, controllable_total=Decimal("100.00") * size)
    for index in range(size):
        BudgetLineFactory(
            budget=budget,
            allocation=Decimal("100.00"),
            counts_toward_overseas_assistance_limit=index % 2 == 0,
        )
    return {"budget": budget.pk}


SCENARIOS = [
    Scenario("Strategy page (by objectives)", _seed_strategy, lambda c: f"/strategy/{c['strategy']}/"),
    Scenario("Action plan (by actions)", _seed_action_plan, lambda c: f"/strategy/plans/{c['plan']}/"),
    Scenario("Budget (by budget lines)", _seed_budget, lambda c: f"/strategy/budgets/{c['budget']}/"),
]
