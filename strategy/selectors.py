"""Reads that decide each page's query count: every function here runs a fixed number of queries."""

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, Prefetch, Q

from strategy.financial_years import FinancialYear
from strategy.models import (
    NOT_RATED,
    Action,
    ActionPlan,
    Budget,
    BudgetLine,
    CorporateTheme,
    Indicator,
    Objective,
    Rag,
    Strategy,
    SynopsisEntry,
    WayForward,
)
from strategy.spending import ZERO, Spending, spending_by_line

RAG_ORDER = [Rag.RED.value, Rag.AMBER.value, Rag.GREEN.value, NOT_RATED]


# --- Strategy page -----------------------------------------------------------------------------


def corporate_themes() -> list[CorporateTheme]:
    """This council's active themes, in column order (blank council means this council)."""
    return list(
        CorporateTheme.objects.filter(Q(council="") | Q(council=settings.COUNCIL_NAME), is_active=True)
    )


def strategy_with_contents(*, strategy_id: int) -> Strategy:
    """A strategy with its objectives, ways forward, synopsis cells and action plans (5 queries)."""
    return (
        Strategy.objects.prefetch_related(
            Prefetch("objectives", queryset=Objective.objects.order_by("number")),
            Prefetch("objectives__ways_forward", queryset=WayForward.objects.order_by("letter")),
            Prefetch("objectives__synopsis_entries", queryset=SynopsisEntry.objects.select_related("theme")),
            "action_plans",
        )
        .filter(pk=strategy_id)
        .get()
    )


def synopsis_rows(*, strategy: Strategy, themes: list[CorporateTheme]) -> list[tuple[Objective, list]]:
    """The synopsis table: one row per objective, one (theme, text or "") cell per theme, in order."""
    rows = []
    for objective in strategy.objectives.all():
        by_theme = {entry.theme_id: entry.text for entry in objective.synopsis_entries.all()}
        rows.append((objective, [(theme, by_theme.get(theme.pk, "")) for theme in themes]))
    return rows


# --- Action plan page --------------------------------------------------------------------------


def plan_actions(*, action_plan: ActionPlan):
    """The plan's actions with their current progress and what the page shows beside them."""
    return (
        Action.objects.filter(action_plan=action_plan)
        .with_progress()
        .select_related("objective", "way_forward", "lead_officer")
        .order_by("objective__number", "reference")
    )


@dataclass
class ObjectiveGroup:
    objective: Objective
    actions: list = field(default_factory=list)
    rag_counts: dict = field(default_factory=dict)


def rag_counts_by_objective(*, action_plan: ActionPlan) -> dict[int, Counter]:
    """For each objective id, how many of the plan's actions are red, amber, green or not rated."""
    rows = (
        Action.objects.filter(action_plan=action_plan)
        .with_progress()
        .order_by()
        .values("objective_id", "current_rag")
        .annotate(n=Count("pk"))
    )
    counts: dict[int, Counter] = {}
    for row in rows:
        counts.setdefault(row["objective_id"], Counter())[row["current_rag"]] = row["n"]
    return counts


def action_plan_groups(*, action_plan: ActionPlan, actions) -> list[ObjectiveGroup]:
    """Actions grouped under every objective of the strategy, with RAG counts over the whole plan."""
    counts = rag_counts_by_objective(action_plan=action_plan)
    groups = {
        objective.pk: ObjectiveGroup(
            objective, rag_counts={rag: counts.get(objective.pk, Counter())[rag] for rag in RAG_ORDER}
        )
        for objective in Objective.objects.filter(strategy_id=action_plan.strategy_id).order_by("number")
    }
    for action in actions:
        groups[action.objective_id].actions.append(action)
    return list(groups.values())


# --- Indicators --------------------------------------------------------------------------------


@dataclass
class IndicatorRow:
    indicator: Indicator
    years: list[FinancialYear]
    cells: list  # one IndicatorValue or None per year of the strategy

    @property
    def year_cells(self) -> list[tuple]:
        return list(zip(self.years, self.cells, strict=True))


def indicator_rows(*, strategy: Strategy) -> list[IndicatorRow]:
    """Every indicator of the strategy with its target and actual per year (2 queries)."""
    years = strategy.years
    rows = []
    for indicator in strategy.indicators.select_related("objective").prefetch_related("values"):
        by_year = {value.financial_year: value for value in indicator.values.all()}
        rows.append(IndicatorRow(indicator, years, [by_year.get(year.start) for year in years]))
    return rows


# --- Budgets -----------------------------------------------------------------------------------


@dataclass
class BudgetLineRow:
    line: BudgetLine
    allocated: Decimal
    committed: Decimal
    spent: Decimal

    @property
    def remaining(self) -> Decimal:
        return self.allocated - self.committed - self.spent


@dataclass
class OverseasAssistanceCheck:
    """The Local Government (Overseas Assistance) Act 1993 limit for town-twinning activity.

    The limit is twice the amount spent, or budgeted for, in the previous financial year; we take the
    greater of the two, as the Act allows either.
    """

    previous_year: FinancialYear
    allocated: Decimal
    spent: Decimal
    previous_allocated: Decimal | None  # None: no budget recorded for the previous year
    previous_spent: Decimal | None

    @property
    def limit(self) -> Decimal | None:
        if self.previous_allocated is None:
            return None
        return 2 * max(self.previous_allocated, self.previous_spent)

    @property
    def allocated_exceeds(self) -> bool:
        return self.limit is not None and self.allocated > self.limit

    @property
    def spent_exceeds(self) -> bool:
        return self.limit is not None and self.spent > self.limit

    @property
    def warnings(self) -> list[str]:
        found = []
        for what, amount, exceeds in (
            ("Allocated", self.allocated, self.allocated_exceeds),
            ("Spent", self.spent, self.spent_exceeds),
        ):
            if exceeds:
                found.append(
                    f"{what} cultural, educational and town-twinning spending (£{amount:,.2f}) would exceed "
                    f"twice the previous year's (limit £{self.limit:,.2f}, from {self.previous_year})"
                )
        return found


@dataclass
class BudgetSummary:
    budget: Budget
    rows: list[BudgetLineRow]
    overseas_assistance: OverseasAssistanceCheck

    @property
    def total_allocated(self) -> Decimal:
        return sum((row.allocated for row in self.rows), ZERO)

    @property
    def total_committed(self) -> Decimal:
        return sum((row.committed for row in self.rows), ZERO)

    @property
    def total_spent(self) -> Decimal:
        return sum((row.spent for row in self.rows), ZERO)

    @property
    def total_remaining(self) -> Decimal:
        return self.total_allocated - self.total_committed - self.total_spent


def _limited_totals(lines, spending: dict[int, Spending]) -> tuple[Decimal, Decimal]:
    limited = [line for line in lines if line.counts_toward_overseas_assistance_limit]
    return (
        sum((line.allocation for line in limited), ZERO),
        sum((spending[line.pk].spent for line in limited), ZERO),
    )


def budget_summary(*, budget_id: int) -> BudgetSummary:
    """Allocated, committed and spent per line, with totals and the 1993 Act check (fixed queries).

    Committed and spent come from the registered spending sources (strategy.spending).
    """
    budget = Budget.objects.prefetch_related("lines").get(pk=budget_id)
    previous = (
        Budget.objects.prefetch_related("lines").filter(financial_year=budget.financial_year - 1).first()
    )
    lines = list(budget.lines.all())
    previous_lines = list(previous.lines.all()) if previous else []
    spending = spending_by_line(budget_lines=lines + previous_lines)

    allocated, spent = _limited_totals(lines, spending)
    previous_allocated = previous_spent = None
    if previous:
        previous_allocated, previous_spent = _limited_totals(previous_lines, spending)
    check = OverseasAssistanceCheck(
        previous_year=FinancialYear(budget.financial_year).previous,
        allocated=allocated,
        spent=spent,
        previous_allocated=previous_allocated,
        previous_spent=previous_spent,
    )
    rows = [
        BudgetLineRow(line, line.allocation, spending[line.pk].committed, spending[line.pk].spent)
        for line in lines
    ]
    return BudgetSummary(budget=budget, rows=rows, overseas_assistance=check)
