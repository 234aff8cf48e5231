"""Example plan records of the previous and the current financial year, so that the demonstration lives.

The documents' own records stop in 2009 (2015 for Derby): a new user opening the site today would find
every action overdue and no budget later than 2002/03. These records show the same plan carried into
the years around the day the demonstration is loaded: an example strategy carrying the 2008 objectives
forward over four years (Kent's evaluation framework: four-year objectives, annual action plans), an
action plan for each of the two years with progress at every RAG, and a budget for each of the two
years shaped like Derby's plan (£20,000 a year, Derby's report, implications 1.1). Every one says
"Example" in its title, name, note or source: none of it is presented as fact.

Safe to run twice, and on any later day: the example strategy is found by its source and the years it
covers, a plan or a budget by its year, an action by its reference, and an action's updates are added
with it, never later. A run a year later adds the new year's plan and budget; last year's stay.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from strategy import services
from strategy.financial_years import FinancialYear, financial_year_of
from strategy.models import (
    Action,
    ActionPlan,
    ActionStatus,
    Budget,
    BudgetLine,
    Objective,
    Rag,
    Strategy,
    WayForward,
)

STRATEGY_2008 = "Leicester City Council, International Development Strategy (2008)"
DERBY_2015 = "Derby City Council, Cabinet report, 9 September 2015, implications 1.1 and paragraph 4.12"
# The start of every example strategy's source: how a later run finds the strategies it made.
EXAMPLE_STRATEGY_SOURCE = "Example strategy, not from the documents:"
STRATEGY_YEARS = 4  # Kent's four-year strategic objectives

# Lines like the council's; the two limited lines count toward the 1993 Act check (cultural, educational
# or town-twinning activity). They add up to Derby's £20,000 a year.
EXAMPLE_YEAR_LINES = [
    ("Civic visits and delegations (Example)", Decimal("6000.00"), False),
    ("Grants to twinning associations (Example)", Decimal("8000.00"), True),
    ("Cultural and educational exchanges (Example)", Decimal("4500.00"), True),
    ("Memberships and subscriptions (Example)", Decimal("1500.00"), False),
]
EXAMPLE_YEAR_TOTAL = sum(allocation for _, allocation, _ in EXAMPLE_YEAR_LINES)


@dataclass(frozen=True)
class Step:
    status: str
    rag: str
    note: str


def _steps(*steps: tuple[str, str, str]) -> list[Step]:
    return [Step(status, rag, f"Example update: {note}") for status, rag, note in steps]


ON, RISK, OFF, DONE, DROPPED = (
    ActionStatus.ON_TRACK,
    ActionStatus.AT_RISK,
    ActionStatus.OFF_TRACK,
    ActionStatus.COMPLETE,
    ActionStatus.DROPPED,
)

# The ways forward each year's plan takes up (objective number and letter), with a planned cost and
# its updates: in the year before, most are done and two are left open (so overdue); in the current
# year every RAG shows, one action is complete and one not yet rated.
PLAN_ACTIONS = [
    (1, "b", Decimal("2500.00")),
    (1, "e", Decimal("0.00")),
    (2, "c", Decimal("500.00")),
    (3, "a", Decimal("1500.00")),
    (4, "b", Decimal("0.00")),
    (5, "d", Decimal("300.00")),
    (6, "b", Decimal("1200.00")),
    (6, "c", Decimal("800.00")),
]
PREVIOUS_YEAR_UPDATES = {
    "1b": _steps((ON, Rag.GREEN, "trade visit to Krefeld agreed."), (DONE, Rag.GREEN, "visit made.")),
    "1e": _steps(
        (RISK, Rag.AMBER, "partner for the joint bid not yet found."), (DONE, Rag.GREEN, "bid sent.")
    ),
    "2c": _steps((ON, Rag.GREEN, "groups asked how their work serves NI 1."), (DONE, Rag.GREEN, "reported.")),
    "3a": _steps((RISK, Rag.AMBER, "no school link found."), (DROPPED, Rag.AMBER, "carried into next year.")),
    "4b": _steps(
        (RISK, Rag.AMBER, "energy measures not costed."),
        (OFF, Rag.RED, "no project this year; to be raised at the working party."),
    ),
    "5d": _steps((ON, Rag.GREEN, "Fairtrade Fortnight events held."), (DONE, Rag.GREEN, "renewal sent.")),
    "6b": _steps((ON, Rag.GREEN, "four events held with the twin-town groups."), (DONE, Rag.GREEN, "done.")),
    "6c": _steps((RISK, Rag.AMBER, "the resource space is not yet found.")),
}
CURRENT_YEAR_UPDATES = {
    "1b": _steps((ON, Rag.GREEN, "civic visit to Krefeld made; trade fair next.")),
    "1e": _steps((ON, Rag.GREEN, "joint bid planned."), (RISK, Rag.AMBER, "the funder's deadline moved.")),
    "2c": _steps((ON, Rag.GREEN, "survey of the groups sent."), (DONE, Rag.GREEN, "findings reported.")),
    "3a": _steps((OFF, Rag.RED, "the school exchange with Strasbourg was cancelled; another host sought.")),
    "4b": [],
    "5d": _steps((RISK, Rag.AMBER, "fewer stalls booked than last year.")),
    "6b": _steps((ON, Rag.GREEN, "programme of events agreed with the groups.")),
    "6c": _steps((OFF, Rag.RED, "no space offered yet: the working party to decide.")),
}


def load(*, objectives_2008: dict[int, Objective], aims: str, today: date | None = None) -> str:
    """Create what is missing of the example plan and budgets for the year before `today`'s and its own.

    `objectives_2008` are the document strategy's objectives, carried forward with their ways forward.
    Returns a line for the loader's report.
    """
    today = today or timezone.localdate()
    current = financial_year_of(today)
    years = [current.previous, current]
    strategy = _example_strategy(years, objectives_2008, aims)
    officer = get_user_model().objects.filter(username="officer").first()
    for year in years:
        _example_budget(year)
        _example_action_plan(strategy, year, officer, today)
    return f"Example plan and budgets for {years[0]} and {years[1]}: {strategy}."


def _example_strategy(
    years: list[FinancialYear], objectives_2008: dict[int, Objective], aims: str
) -> Strategy:
    covering = Strategy.objects.filter(
        source__startswith=EXAMPLE_STRATEGY_SOURCE,
        first_year__lte=years[0].start,
        last_year__gte=years[-1].start,
    )
    strategy = covering.order_by("-first_year", "pk").first()
    if strategy is None:
        first = years[0]
        strategy = services.strategy_save(
            strategy=Strategy(
                title="Example international strategy: the 2008 objectives carried forward",
                first_year=first.start,
                last_year=first.start + STRATEGY_YEARS - 1,
                status=Strategy.Status.ADOPTED,
                adopted_on=first.first_day - timedelta(days=14),
                aims=aims,
                source=f"{EXAMPLE_STRATEGY_SOURCE} the aims, objectives and ways forward of the "
                f"{STRATEGY_2008}, carried over {STRATEGY_YEARS} years as Kent's evaluation framework "
                "asks (four-year objectives, annual action plans). The period and the adoption date "
                "are invented, computed from the day the demonstration was loaded.",
            )
        )
    for number, objective in objectives_2008.items():
        copy = Objective.objects.filter(strategy=strategy, number=number).first()
        copy = copy or services.objective_save(
            objective=Objective(
                strategy=strategy,
                number=number,
                title=objective.title,
                source=f"Example: objective {number} of the {STRATEGY_2008}, carried forward",
            )
        )
        for way in objective.ways_forward.all():
            if not WayForward.objects.filter(objective=copy, letter=way.letter).exists():
                services.way_forward_save(
                    way_forward=WayForward(
                        objective=copy,
                        letter=way.letter,
                        text=way.text,
                        source=f"Example: way forward {number}{way.letter} of the {STRATEGY_2008}, "
                        "carried forward",
                    )
                )
    return strategy


def _example_budget(year: FinancialYear) -> None:
    # A budget for the year, whoever made it, is the council's: the example never adds to it.
    if Budget.objects.filter(financial_year=year.start).exists():
        return
    budget = Budget(
        financial_year=year.start,
        title="Overseas Links Controllable Budget (Example)",
        controllable_total=EXAMPLE_YEAR_TOTAL,
        source=f"Example budget, not from the documents: £20,000 a year as {DERBY_2015} plans "
        "(£5,000 in 2016–17, £20,000 from 2017–18). The lines are invented.",
    )
    lines = [
        BudgetLine(
            name=name,
            allocation=allocation,
            counts_toward_overseas_assistance_limit=limited,
            position=position,
            source="Example split, not from the documents",
        )
        for position, (name, allocation, limited) in enumerate(EXAMPLE_YEAR_LINES, start=1)
    ]
    services.budget_save_with_lines(budget=budget, lines=lines)


def _example_action_plan(strategy: Strategy, year: FinancialYear, officer, today: date) -> None:
    plan = ActionPlan.objects.filter(strategy=strategy, financial_year=year.start).first()
    plan = plan or services.action_plan_create(
        strategy=strategy,
        financial_year=year.start,
        title=f"Example action plan {year}",
        source=f"Example: actions taken from the ways forward of the {STRATEGY_2008}; the dates, "
        "costs, lead officer and updates are invented.",
    )
    is_current = today in year
    updates = CURRENT_YEAR_UPDATES if is_current else PREVIOUS_YEAR_UPDATES
    for number, letter, planned_cost in PLAN_ACTIONS:
        reference = f"{number}{letter}"
        if Action.objects.filter(action_plan=plan, reference=reference).exists():
            continue  # its updates were added with it: a later run never rewrites its story
        way = WayForward.objects.select_related("objective").get(
            objective__strategy=strategy, objective__number=number, letter=letter
        )
        action = services.action_save(
            action=Action(
                action_plan=plan,
                reference=reference,
                description=way.text,
                objective=way.objective,
                way_forward=way,
                lead_officer=officer,
                start_date=year.first_day,
                due_date=year.last_day,
                planned_cost=planned_cost,
            )
        )
        if officer:
            if is_current:  # recent updates, so that no open action is stale
                since, until = max(year.first_day, today - timedelta(days=60)), today
            else:
                since, until = year.first_day, year.last_day
            _add_updates(action, updates[reference], officer, since, until)


def _add_updates(action: Action, steps: list[Step], officer, since: date, until: date) -> None:
    """The steps spread evenly between `since` and `until`."""
    span = (until - since).days
    for position, step in enumerate(steps, start=1):
        day = since + timedelta(days=span * position // (len(steps) + 1))
        services.progress_update_add(
            action=action,
            by=officer,
            recorded_at=timezone.make_aware(datetime.combine(day, time(9, 0))),
            status=step.status,
            rag=step.rag,
            note=step.note,
        )
