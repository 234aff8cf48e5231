"""The budget page: allocated, committed and spent per line, and the 1993 Act warning."""

from decimal import Decimal

import pytest

from strategy.selectors import budget_summary
from strategy.spending import Spending, register_spending_source, unregister_spending_source
from strategy.tests.factories import BudgetFactory, BudgetLineFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def spending_source():
    """Register a source whose amounts a test sets per budget line id, as partnerships will."""
    amounts: dict[int, Spending] = {}
    calls = []

    def source(*, budget_lines):
        calls.append([line.pk for line in budget_lines])
        return {pk: amount for pk, amount in amounts.items() if pk in {line.pk for line in budget_lines}}

    register_spending_source(source)
    yield amounts
    unregister_spending_source(source)


def twinning_budget(year, total, *, limited, other=Decimal("0.00")):
    budget = BudgetFactory(financial_year=year, controllable_total=limited + other)
    line = BudgetLineFactory(
        budget=budget, name="Grants", allocation=limited, counts_toward_overseas_assistance_limit=True
    )
    if other:
        BudgetLineFactory(budget=budget, name="Memberships", allocation=other)
    return budget, line


def test_with_no_spending_source_committed_and_spent_are_zero():
    budget, _ = twinning_budget(2025, None, limited=Decimal("500.00"))

    summary = budget_summary(budget_id=budget.pk)

    assert [(r.allocated, r.committed, r.spent) for r in summary.rows] == [
        (Decimal("500.00"), Decimal("0.00"), Decimal("0.00"))
    ]


def test_committed_and_spent_come_from_the_registered_sources(spending_source):
    budget, line = twinning_budget(2025, None, limited=Decimal("500.00"), other=Decimal("250.00"))
    spending_source[line.pk] = Spending(committed=Decimal("120.00"), spent=Decimal("80.50"))
    register_spending_source(lambda *, budget_lines: {line.pk: Spending(spent=Decimal("10.00"))})

    summary = budget_summary(budget_id=budget.pk)

    grants = summary.rows[0]
    assert (grants.committed, grants.spent, grants.remaining) == (
        Decimal("120.00"),
        Decimal("90.50"),
        Decimal("289.50"),
    )
    assert (summary.total_allocated, summary.total_committed, summary.total_spent) == (
        Decimal("750.00"),
        Decimal("120.00"),
        Decimal("90.50"),
    )


def test_a_source_returning_float_is_refused(spending_source):
    budget, line = twinning_budget(2025, None, limited=Decimal("500.00"))
    spending_source[line.pk] = Spending(spent=0.1)

    with pytest.raises(TypeError):
        budget_summary(budget_id=budget.pk)


def test_warns_when_allocated_twinning_spending_exceeds_twice_the_previous_year():
    twinning_budget(2024, None, limited=Decimal("1000.00"), other=Decimal("5000.00"))
    budget, _ = twinning_budget(2025, None, limited=Decimal("2000.01"))

    check = budget_summary(budget_id=budget.pk).overseas_assistance

    assert check.limit == Decimal("2000.00")
    assert check.allocated_exceeds
    assert not check.spent_exceeds
    assert check.warnings == [
        "Allocated cultural, educational and town-twinning spending (£2,000.01) would exceed twice the "
        "previous year's (limit £2,000.00, from 2024/25)"
    ]


def test_no_warning_at_exactly_twice_the_previous_year():
    twinning_budget(2024, None, limited=Decimal("1000.00"))
    budget, _ = twinning_budget(2025, None, limited=Decimal("2000.00"))

    assert budget_summary(budget_id=budget.pk).overseas_assistance.warnings == []


def test_warns_about_spending_and_uses_the_previous_years_spending_when_it_was_higher(spending_source):
    _, previous_line = twinning_budget(2024, None, limited=Decimal("1000.00"))
    budget, line = twinning_budget(2025, None, limited=Decimal("2500.00"))
    spending_source[previous_line.pk] = Spending(spent=Decimal("1200.00"))  # overspent its budget
    spending_source[line.pk] = Spending(spent=Decimal("2400.01"))

    check = budget_summary(budget_id=budget.pk).overseas_assistance

    assert check.limit == Decimal("2400.00")
    assert check.allocated_exceeds
    assert check.spent_exceeds
    assert check.warnings[1].startswith("Spent cultural, educational and town-twinning spending (£2,400.01)")


def test_without_a_previous_years_budget_there_is_no_limit_to_check():
    budget, _ = twinning_budget(2025, None, limited=Decimal("99999.00"))

    check = budget_summary(budget_id=budget.pk).overseas_assistance

    assert check.limit is None
    assert check.warnings == []
