"""The plan's seeding: budgets that add up, strategies and plans whose rows pass their own validation."""

import random
from datetime import date
from decimal import Decimal

import pytest
from django.db.models import Sum

from intlinks.roles import OFFICER
from intlinks.seeding import seed_users
from strategy.models import Action, ActionPlan, IndicatorValue, ProgressUpdate, Rag, Strategy, WayForward
from strategy.seeding import (
    BUDGET_LINES,
    LineSpec,
    seed_action_plan,
    seed_budget,
    seed_indicators,
    seed_strategy,
    seed_themes,
)

pytestmark = pytest.mark.django_db

TODAY = date(2025, 11, 20)


@pytest.mark.parametrize(
    "total", [Decimal("0.00"), Decimal("73400.00"), Decimal("1234.57"), Decimal("99999.99")]
)
def test_a_budgets_lines_add_up_to_its_controllable_total(total):
    lines = seed_budget(financial_year=2016, total=total)

    budget = next(iter(lines.values())).budget
    assert budget.lines.aggregate(total=Sum("allocation"))["total"] == total
    assert budget.lines.count() == len(BUDGET_LINES)
    assert not budget.lines.filter(allocation__lt=0).exists()
    assert budget.year_label == "2016/17"


def test_one_line_takes_the_whole_total():
    lines = seed_budget(
        financial_year=2016, total=Decimal("5000"), lines=[LineSpec("all", "Visits", Decimal("1"))]
    )

    assert lines["all"].allocation == Decimal("5000.00")


@pytest.fixture
def plan():
    rng = random.Random(5)
    seeded = seed_strategy(rng=rng, first_year=2023, last_year=2026, themes=seed_themes(), today=TODAY)
    seed_indicators(rng=rng, seeded=seeded, today=TODAY)
    users = seed_users(3, role=OFFICER)
    actions = seed_action_plan(
        rng=rng, seeded=seeded, financial_year=2024, actions=20, users=users, today=TODAY
    )
    return seeded, actions


def test_strategy_and_plan_rows_pass_their_validation(plan):
    seeded, actions = plan
    for model in (Strategy, WayForward, ActionPlan, Action, ProgressUpdate, IndicatorValue):
        rows = list(model.objects.all())
        assert rows, model.__name__
        for row in rows:
            row.full_clean()
    assert seeded.strategy.status == Strategy.Status.ADOPTED


def test_actions_are_created_before_their_year_and_reported_on_each_quarter(plan):
    _, actions = plan
    action = Action.objects.with_progress(today=TODAY).get(pk=actions[0].pk)
    assert action.created_at.date() < date(2024, 4, 1)
    assert action.updates.count() >= 1
    assert not ProgressUpdate.objects.filter(rag=Rag.RED, note="").exists()
    assert Action.history.filter(created_at__date__lt=date(2024, 4, 1)).count() == len(actions)
