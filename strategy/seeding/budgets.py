"""Synthetic budgets: the controllable budget of a financial year, split into lines that add up to it."""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from intlinks.money import ZERO, to_pennies
from intlinks.seeding import EXAMPLE_SOURCE, save_rows
from strategy.financial_years import FinancialYear
from strategy.models import Budget, BudgetLine


@dataclass(frozen=True)
class LineSpec:
    key: str  # how seeding code asks for the line ("visits"), whatever its name
    name: str
    share: Decimal  # of the controllable total; the last line takes what rounding leaves
    counts_toward_overseas_assistance_limit: bool = False


# The lines of Leicester's 2002/03 example split, and the kinds of spending the activity log charges.
BUDGET_LINES = (
    LineSpec("visits", "Civic visits and delegations", Decimal("0.30")),
    LineSpec("grants", "Grants to twinning associations", Decimal("0.25"), True),
    LineSpec("youth", "School and youth exchanges", Decimal("0.12"), True),
    LineSpec("trade", "Trade missions and economic links", Decimal("0.13")),
    LineSpec("projects", "Projects", Decimal("0.12")),
    LineSpec("events", "Cultural events and hospitality", Decimal("0.05"), True),
    LineSpec("memberships", "Memberships", Decimal("0.03")),
)


def seed_budget(
    *, financial_year: int, total: Decimal, lines: Sequence[LineSpec] = BUDGET_LINES
) -> dict[str, BudgetLine]:
    """The year's Overseas Links Controllable Budget and its lines, by key.

    The allocations are the lines' shares of `total` to the pound, and the last line takes the
    remainder, so they add up to the controllable total exactly; `Budget.lines_errors` (the rule
    `budget_save_with_lines` enforces) is asked before anything is written.
    """
    total = to_pennies(total)
    budget = Budget(
        financial_year=financial_year,
        controllable_total=total,
        source=f"{EXAMPLE_SOURCE}: a budget for {FinancialYear(financial_year)} and its split",
    )
    rows, allocated = [], ZERO
    for position, spec in enumerate(lines, start=1):
        last = position == len(lines)
        allocation = total - allocated if last else (total * spec.share).quantize(Decimal("1")) + ZERO
        allocated += allocation
        rows.append(
            BudgetLine(
                budget=budget,
                name=spec.name,
                allocation=allocation,
                counts_toward_overseas_assistance_limit=spec.counts_toward_overseas_assistance_limit,
                position=position,
                source=EXAMPLE_SOURCE,
            )
        )
    errors = budget.lines_errors(rows)
    if errors or any(row.allocation < 0 for row in rows):
        raise ValueError(f"Seeded budget {FinancialYear(financial_year)} breaks its rules: {errors}")
    save_rows(Budget, [budget])
    save_rows(BudgetLine, rows)
    return {spec.key: row for spec, row in zip(lines, rows, strict=True)}
