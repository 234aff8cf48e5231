"""Synthetic annual action plans: actions under the ways forward, and quarterly progress updates."""

import random
from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal

from intlinks.seeding import moment_on, save_rows
from strategy.financial_years import FinancialYear
from strategy.models import Action, ActionPlan, ActionStatus, ProgressUpdate, Rag
from strategy.seeding.strategies import SOURCE, SeededStrategy

# How an open action reads at a quarter's report: status, RAG, and the note a red one needs.
OPEN_REPORTS = [
    (ActionStatus.ON_TRACK, Rag.GREEN, ""),
    (ActionStatus.ON_TRACK, Rag.GREEN, "Example update: meetings held as planned."),
    (ActionStatus.AT_RISK, Rag.AMBER, "Example update: the partner's reply is late; chased."),
    (
        ActionStatus.OFF_TRACK,
        Rag.RED,
        "Example update: no budget this quarter; the working party will decide.",
    ),
]
CLOSING_REPORTS = [
    (ActionStatus.COMPLETE, Rag.GREEN, "Example update: delivered."),
    (ActionStatus.COMPLETE, Rag.GREEN, "Example update: delivered and reported to the working party."),
    (ActionStatus.COMPLETE, Rag.AMBER, "Example update: delivered late."),
    (ActionStatus.DROPPED, Rag.RED, "Example update: dropped; the partner withdrew."),
]


def _action(rng: random.Random, plan: ActionPlan, seeded: SeededStrategy, n: int, users) -> Action:
    year = FinancialYear(plan.financial_year)
    objective = seeded.objectives[n % len(seeded.objectives)]
    ways = seeded.ways_forward[objective.number]
    way = ways[(n // len(seeded.objectives)) % len(ways)]
    start = year.first_day + timedelta(days=rng.randint(0, 120))
    due = min(start + timedelta(days=rng.randint(60, 300)), year.last_day)
    action = Action(
        action_plan=plan,
        reference=f"{objective.number}{way.letter}-{n + 1}",
        description=f"{year}: {way.text}",
        objective=objective,
        way_forward=way,
        lead_officer=rng.choice(users) if users else None,
        start_date=start,
        due_date=due,
        planned_cost=Decimal(rng.randrange(0, 5000, 50)),
    )
    # The plan is drawn up before its year begins: when the record was created, for "stale".
    action.created_at = moment_on(rng, year.first_day - timedelta(days=rng.randint(7, 40)))
    return action


def _updates(
    rng: random.Random, action: Action, users, today: date, most: int | None
) -> list[ProgressUpdate]:
    """One update for each reporting date (quarter end) of the action's year that has passed."""
    year = FinancialYear(action.action_plan.financial_year)
    ends = [end for end in year.quarter_ends() if action.start_date <= end <= today]
    if most is not None:
        ends = ends[:most]
    updates = []
    for index, end in enumerate(ends):
        closing = end >= action.due_date or index == len(year.quarter_ends()) - 1
        status, rag, note = rng.choice(CLOSING_REPORTS if closing else OPEN_REPORTS)
        day = max(end - timedelta(days=rng.randint(0, 10)), action.start_date)
        updates.append(
            ProgressUpdate(
                action=action,
                recorded_by=rng.choice(users),
                recorded_at=moment_on(rng, day),
                status=status,
                rag=rag,
                note=note,
            )
        )
        if closing:
            break
    return updates


def seed_action_plan(
    *,
    rng: random.Random,
    seeded: SeededStrategy,
    financial_year: int,
    actions: int,
    users: Sequence,
    today: date,
    updates_per_action: int | None = None,
) -> list[Action]:
    """The strategy's action plan for `financial_year`: `actions` actions spread over its objectives and
    ways forward, each with its quarterly progress updates up to `today` (at most `updates_per_action`)."""
    plan = ActionPlan(
        strategy=seeded.strategy,
        financial_year=financial_year,
        title=f"Action plan {FinancialYear(financial_year)}",
        source=SOURCE,
    )
    save_rows(ActionPlan, [plan])
    rows = [_action(rng, plan, seeded, n, users) for n in range(actions)]
    save_rows(Action, rows, restore=["created_at"])
    if users:
        updates = [u for action in rows for u in _updates(rng, action, users, today, updates_per_action)]
        save_rows(ProgressUpdate, updates)
    return rows
