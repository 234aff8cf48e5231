"""A budget and its lines: saved together by the service and the form; the page with the 1993 Act check."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from intlinks.tests.queries import assert_fixed_queries, queries_for
from strategy import services
from strategy.models import Budget, BudgetLine
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


def lines(*amounts, limited=False):
    return [
        BudgetLine(name=f"Line {i}", allocation=Decimal(a), counts_toward_overseas_assistance_limit=limited)
        for i, a in enumerate(amounts)
    ]


def test_a_budget_is_saved_with_lines_that_add_up_to_the_total():
    budget = services.budget_save_with_lines(
        budget=Budget(financial_year=2002, controllable_total=Decimal("73400.00")),
        lines=lines("20000.00", "35000.00", "15400.00", "3000.00"),
    )

    assert budget.lines.count() == 4
    assert sum(line.allocation for line in budget.lines.all()) == Decimal("73400.00")


def test_allocations_that_do_not_add_up_save_nothing():
    with pytest.raises(ValidationError) as error:
        services.budget_save_with_lines(
            budget=Budget(financial_year=2002, controllable_total=Decimal("73400.00")),
            lines=lines("20000.00", "35000.00"),
        )

    assert error.value.message_dict["controllable_total"] == [
        "The allocations add up to £55,000.00, not the controllable budget of £73,400.00: "
        "change the lines or the total so they match"
    ]
    assert not Budget.objects.exists()
    assert not BudgetLine.objects.exists()


def test_a_negative_allocation_is_refused_and_nothing_saved():
    with pytest.raises(ValidationError) as error:
        services.budget_save_with_lines(
            budget=Budget(financial_year=2002, controllable_total=Decimal("100.00")),
            lines=lines("150.00", "-50.00"),
        )

    assert error.value.message_dict["allocation"] == ["Enter an amount of £0 or more"]
    assert not Budget.objects.exists()


def test_editing_a_budget_removes_lines_and_keeps_the_total_rule():
    budget = BudgetFactory(controllable_total=Decimal("1000.00"))
    keep, drop = BudgetLine.objects.bulk_create(
        [
            BudgetLine(budget=budget, name="Keep", allocation=Decimal("600")),
            BudgetLine(budget=budget, name="Drop", allocation=Decimal("400")),
        ]
    )
    keep.allocation = Decimal("1000.00")

    services.budget_save_with_lines(budget=budget, lines=[keep], removed=[drop])

    assert list(budget.lines.values_list("name", "allocation")) == [("Keep", Decimal("1000.00"))]


def budget_post(total, *lines, year="2025/26"):
    data = {
        "financial_year": year,
        "title": "Overseas Links Controllable Budget",
        "controllable_total": total,
        "lines-TOTAL_FORMS": str(len(lines) + 1),
        "lines-INITIAL_FORMS": "0",
        "lines-MIN_NUM_FORMS": "1",
        "lines-MAX_NUM_FORMS": "1000",
    }
    for index, (name, allocation) in enumerate(lines):
        data[f"lines-{index}-name"] = name
        data[f"lines-{index}-allocation"] = allocation
    return data


def test_a_budget_and_its_lines_are_saved_together(officer_client):
    response = officer_client.post(
        "/strategy/budgets/new/", budget_post("73400.00", ("Civic visits", "20000"), ("Grants", "53400"))
    )

    assert response.status_code == 302
    budget = Budget.objects.get()
    assert budget.financial_year == 2025
    assert sorted(budget.lines.values_list("allocation", flat=True)) == [
        Decimal("20000.00"),
        Decimal("53400.00"),
    ]


def test_allocations_that_do_not_add_up_are_refused_beside_the_total(officer_client):
    response = officer_client.post(
        "/strategy/budgets/new/", budget_post("73400.00", ("Civic visits", "20000"), ("Grants", "50000"))
    )

    page = response.content.decode()
    assert "The allocations add up to £70,000.00, not the controllable budget of £73,400.00" in page
    assert "govuk-error-summary" in page
    assert not Budget.objects.exists()
    assert not BudgetLine.objects.exists()


def test_a_negative_allocation_is_refused_beside_the_line(officer_client):
    response = officer_client.post(
        "/strategy/budgets/new/", budget_post("100.00", ("Civic visits", "150"), ("Grants", "-50"))
    )

    assert "Enter an amount of £0 or more" in response.content.decode()
    assert not Budget.objects.exists()


def test_money_keeps_its_pennies_end_to_end(officer_client):
    officer_client.post("/strategy/budgets/new/", budget_post("0.30", ("A", "0.10"), ("B", "0.20")))

    assert Budget.objects.get().controllable_total == Decimal("0.30")


def test_editing_a_budget_removes_a_line_and_changes_the_total_together(officer_client):
    budget = BudgetFactory(financial_year=2025, controllable_total=Decimal("1000.00"))
    keep = BudgetLineFactory(budget=budget, name="Grants", allocation=Decimal("600.00"))
    drop = BudgetLineFactory(budget=budget, name="Memberships", allocation=Decimal("400.00"))
    data = budget_post("600.00")
    data.update(
        {
            "lines-TOTAL_FORMS": "3",
            "lines-INITIAL_FORMS": "2",
            "lines-0-id": keep.pk,
            "lines-0-name": "Grants",
            "lines-0-allocation": "600.00",
            "lines-1-id": drop.pk,
            "lines-1-name": "Memberships",
            "lines-1-allocation": "400.00",
            "lines-1-DELETE": "on",
        }
    )

    response = officer_client.post(f"/strategy/budgets/{budget.pk}/edit/", data)

    assert response.status_code == 302
    budget.refresh_from_db()
    assert budget.controllable_total == Decimal("600.00")
    assert list(budget.lines.values_list("name", flat=True)) == ["Grants"]


def build_budget(year, lines):
    budget = BudgetFactory(financial_year=year, controllable_total=Decimal("100.00") * lines)
    for index in range(lines):
        BudgetLineFactory(
            budget=budget,
            allocation=Decimal("100.00"),
            counts_toward_overseas_assistance_limit=index % 2 == 0,
        )
    return budget


def test_budget_page_shows_lines_totals_and_the_1993_act_warning(officer_client):
    build_budget(2024, 1)  # £100 of twinning spending the year before
    budget = build_budget(2025, 5)  # £300 of it this year

    page = officer_client.get(f"/strategy/budgets/{budget.pk}/").content.decode()

    assert "£500.00" in page
    assert "Allocated cultural, educational and town-twinning spending (£300.00) would exceed" in page
    assert "govuk-warning-text" in page


def test_budget_page_uses_the_same_queries_for_3_or_30_lines(officer_client):
    build_budget(2023, 3)
    small = build_budget(2024, 3)
    large = build_budget(2025, 30)
    assert_fixed_queries(
        queries_for(officer_client, f"/strategy/budgets/{small.pk}/"),
        queries_for(officer_client, f"/strategy/budgets/{large.pk}/"),
        at_most=11,  # one query per spending source: activity costs and grants (issue 11)
    )


def test_a_lines_errors_reach_the_error_summary_and_the_page_title(officer_client):
    response = officer_client.post(
        "/strategy/budgets/new/", budget_post("100.00", ("Civic visits", "150"), ("Grants", "-50"))
    )

    page = response.content.decode()
    summary = page[page.index("govuk-error-summary") : page.index("</ul>", page.index("govuk-error-summary"))]
    assert "<title>Error: " in page
    assert '<a href="#id_lines-1-allocation">Line 2: Enter an amount of £0 or more</a>' in summary


def test_a_budget_with_no_lines_is_refused_in_the_error_summary(officer_client):
    response = officer_client.post("/strategy/budgets/new/", budget_post("100.00"))

    page = response.content.decode()
    summary = page[page.index("govuk-error-summary") : page.index("</ul>", page.index("govuk-error-summary"))]
    assert "<title>Error: " in page
    assert "Please submit at least 1 form." in summary
    assert not Budget.objects.exists()


def test_budget_page_shows_an_overspent_line_as_a_negative_amount(officer_client, spending_source):
    budget, line = twinning_budget(2025, None, limited=Decimal("100.00"))
    spending_source[line.pk] = Spending(spent=Decimal("150.00"))

    page = officer_client.get(f"/strategy/budgets/{budget.pk}/").content.decode()

    assert "\u2212£50.00" in page
    assert "£-" not in page
