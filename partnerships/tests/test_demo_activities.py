import io
from decimal import Decimal

import pytest

from partnerships import demo
from partnerships.models import Activity, Cost, ExternalFunding
from strategy import demo as strategy_demo
from strategy.selectors import budget_summary

# The example Krefeld visit's six meals, the last two at £45: each flagged against the £30 cap a meal.
KREFELD_MEALS_BREACH = (
    "Meal 5 of 6: £45.00, the cap is £30.00 a meal\nMeal 6 of 6: £45.00, the cap is £30.00 a meal"
)

pytestmark = pytest.mark.django_db


def load_twice():
    for _ in range(2):
        strategy_demo.load(io.StringIO())
        demo.load(io.StringIO())


def test_loads_rajkots_funded_projects_as_the_2008_strategy_gives_them_without_inventing_amounts():
    load_twice()

    projects = ExternalFunding.objects.filter(partnership__place__name="Rajkot").order_by("programme")
    assert [(p.programme, p.status) for p in projects] == [
        ("CLGF Good Practice Scheme Phase II", "closed"),
        ("CLGF Good Practice Scheme Phase III", "planned"),
        ("EU Asia-Urbs", "awarded"),
    ]
    assert all(p.amount_bid is None and p.amount_awarded is None for p in projects)
    assert all("International Development Strategy (2008)" in p.source for p in projects)


def test_example_visits_are_labelled_and_one_cost_breaks_the_rules():
    load_twice()

    assert Activity.objects.count() == 3
    assert all(activity.title.startswith("Example") for activity in Activity.objects.all())
    breaches = Cost.objects.exclude(breach="")
    assert [cost.breach for cost in breaches] == [KREFELD_MEALS_BREACH]
    hotel = Cost.objects.get(category="accommodation", currency="EUR")
    assert hotel.amount_gbp == Decimal("283.50")


def test_the_example_costs_show_on_the_2002_budget():
    load_twice()

    line = next(
        row for row in budget_summary(budget_id=_budget_2002()).rows if row.line.name.startswith("Civic")
    )
    assert line.spent == Decimal("180.00") + Decimal("283.50") + Decimal("210.00") + Decimal(
        "2400.00"
    ) + Decimal("400.00")


def _budget_2002() -> int:
    from strategy.models import Budget

    return Budget.objects.get(financial_year=2002).pk
