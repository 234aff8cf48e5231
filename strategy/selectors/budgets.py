"""Reads for the budget page: allocated, committed and spent per line, and the 1993 Act check."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, QuerySet

from intlinks.money import ZERO, format_money
from strategy.financial_years import FinancialYear
from strategy.models import Budget, BudgetLine
from strategy.spending import Spending, spending_by_line


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
                limit = f"limit {format_money(self.limit)}, from {self.previous_year}"
                found.append(
                    f"{what} cultural, educational and town-twinning spending ({format_money(amount)}) would "
                    f"exceed twice the previous year's ({limit})"
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
    budget = Budget.objects.select_related("archived_by").prefetch_related("lines").get(pk=budget_id)
    previous = (
        Budget.objects.current()
        .prefetch_related("lines")
        .filter(financial_year=budget.financial_year - 1)
        .first()
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


def budgets_by_year():
    """Every current budget, the latest financial year first (one query)."""
    return Budget.objects.current()


def budget_line_remaining(*, line: BudgetLine) -> Decimal:
    """What a line has left: its allocation less what every spending source has committed and spent."""
    spending = spending_by_line(budget_lines=[line])[line.pk]
    return line.allocation - spending.committed - spending.spent


def budget_lines_remaining(*, lines) -> dict[int, Decimal]:
    """What each of `lines` has left, by line id, in a fixed number of queries however many lines."""
    lines = list(lines)
    spending = spending_by_line(budget_lines=lines)
    return {
        line.pk: line.allocation - spending[line.pk].committed - spending[line.pk].spent for line in lines
    }


@dataclass(frozen=True)
class BudgetOfYear:
    """Whether costs of a financial year can be charged to a budget line yet, and if not, why."""

    year: FinancialYear
    budget: Budget | None
    line_count: int

    @property
    def has_lines(self) -> bool:
        return self.line_count > 0

    @property
    def missing(self) -> str:
        """What is missing before a cost of the year can be charged ("" when nothing is)."""
        if self.budget is None:
            return f"There is no budget for {self.year.label} yet"
        if not self.has_lines:
            return f"The budget for {self.year.label} has no lines yet"
        return ""

    @property
    def missing_code(self) -> str:
        """The code of the `missing` error, for a page to offer the way on (add the budget, or its lines)."""
        if self.budget is None:
            return "no_budget"
        return "" if self.has_lines else "no_budget_lines"


def budget_of_year(*, year: FinancialYear) -> BudgetOfYear:
    """The current budget of a financial year and its number of lines (one query): the one answer to
    "is there a budget to charge a cost of this date to?"."""
    budget = (
        Budget.objects.current().filter(financial_year=year.start).annotate(line_count=Count("lines")).first()
    )
    return BudgetOfYear(year=year, budget=budget, line_count=budget.line_count if budget else 0)


@dataclass(frozen=True)
class BudgetLineGroup:
    """The lines of one budget, as a group of choices (an <optgroup>) of a budget-line field."""

    year: int
    label: str
    lines: list[tuple[int, str]]

    @property
    def choice(self) -> tuple[str, list[tuple[int, str]]]:
        return (self.label, self.lines)


def budget_line_groups(*, keep: Iterable[int] | QuerySet = ()) -> list[BudgetLineGroup]:
    """The lines a cost may be charged to, grouped by budget, the latest year first (one query however
    many costs the page shows): the lines of current budgets, and those in `keep`, already chosen."""
    lines = (
        BudgetLine.objects.filter(Q(budget__archived_at__isnull=True) | Q(pk__in=keep))
        .select_related("budget")
        .order_by("-budget__financial_year", "position", "pk")
    )
    groups: dict[int, BudgetLineGroup] = {}
    for line in lines:
        year = line.budget.financial_year
        group = groups.setdefault(year, BudgetLineGroup(year, f"{line.budget.year_label} budget", []))
        group.lines.append((line.pk, line.name))
    return list(groups.values())
