"""Benchmark scenarios for the strategy's pages (run by `make bench`).

They seed through `strategy.seeding`, never test code, so the benchmark needs no test dependency and
its rows keep the same rules as the synthetic council's.
"""

import random
from decimal import Decimal

from django.utils import timezone

from intlinks.benchmarks import ProfilePage, Scenario
from intlinks.roles import OFFICER
from intlinks.seeding import seed_users
from strategy.seeding import LineSpec, seed_action_plan, seed_budget, seed_strategy, seed_themes


def _seed_strategy(size: int) -> dict:
    seeded = seed_strategy(
        rng=random.Random(size),
        first_year=2024,
        last_year=2027,
        themes=seed_themes(),
        objectives=size,
        ways_forward=3,
        today=timezone.localdate(),
    )
    return {"strategy": seeded.strategy.pk}


def _seed_action_plan(size: int) -> dict:
    rng, today = random.Random(size), timezone.localdate()
    seeded = seed_strategy(rng=rng, first_year=2024, last_year=2027, themes=seed_themes(), today=today)
    actions = seed_action_plan(
        rng=rng,
        seeded=seeded,
        financial_year=2025,
        actions=size,
        users=seed_users(1, role=OFFICER),
        today=today,
        updates_per_action=1,
    )
    return {"plan": actions[0].action_plan_id}


def _seed_budget(size: int) -> dict:
    seed_budget(financial_year=2024, total=Decimal("100.00"), lines=[LineSpec("all", "Visits", Decimal("1"))])
    lines = [LineSpec(f"line-{n}", f"Line {n}", Decimal(1) / size, n % 2 == 0) for n in range(size)]
    seeded = seed_budget(financial_year=2025, total=Decimal("100.00") * size, lines=lines)
    return {"budget": seeded["line-0"].budget_id}


SCENARIOS = [
    Scenario("Strategy page (by objectives)", _seed_strategy, lambda c: f"/strategy/{c['strategy']}/"),
    Scenario("Action plan (by actions)", _seed_action_plan, lambda c: f"/strategy/plans/{c['plan']}/"),
    Scenario("Budget (by budget lines)", _seed_budget, lambda c: f"/strategy/budgets/{c['budget']}/"),
]


def _latest(model_name: str, url: str) -> str:
    from strategy import models

    model = getattr(models, model_name)
    return url.format(pk=model.objects.order_by("-pk").values_list("pk", flat=True).first())


# Pages timed on a whole synthetic council (`benchmark --profile`), each on the latest record.
PROFILE_PAGES = [
    ProfilePage("Strategy page (the latest)", lambda: _latest("Strategy", "/strategy/{pk}/")),
    ProfilePage("Action plan (the latest)", lambda: _latest("ActionPlan", "/strategy/plans/{pk}/")),
    ProfilePage("Budget (the latest)", lambda: _latest("Budget", "/strategy/budgets/{pk}/")),
]


# CSV exports timed on the synthetic council (`benchmark --profile`), streamed to the end.
PROFILE_EXPORTS = [
    ProfilePage(
        "Action plan CSV (the latest)", lambda: _latest("ActionPlan", "/strategy/plans/{pk}/actions.csv")
    ),
    ProfilePage(
        "Indicators CSV (the latest strategy)", lambda: _latest("Strategy", "/strategy/{pk}/indicators.csv")
    ),
]
