"""The activity list's filters added for the annual matrix (theme, no objective or theme, not cancelled)
and its total of council spend, and the gifts register's total value."""

from datetime import date
from decimal import Decimal

import pytest

from partnerships.filters import ActivityFilter
from partnerships.models import Activity, Cost
from partnerships.selectors import activity_list
from partnerships.tests.factories import ActivityFactory, CostFactory, GiftFactory, budget_line_for
from strategy.tests.factories import CorporateThemeFactory, ObjectiveFactory, SynopsisEntryFactory

pytestmark = pytest.mark.django_db


def titles(query):
    return sorted(activity.title for activity in ActivityFilter(query, queryset=activity_list()).qs)


@pytest.fixture
def served():
    people, prosperity = (
        CorporateThemeFactory(name="Confident People"),
        CorporateThemeFactory(name="Prosperity"),
    )
    awareness, trade = ObjectiveFactory(), ObjectiveFactory()
    SynopsisEntryFactory(objective=awareness, theme=people)
    SynopsisEntryFactory(objective=trade, theme=people)
    SynopsisEntryFactory(objective=trade, theme=prosperity)
    both = ActivityFactory(title="Both")
    both.objectives.set([awareness, trade])
    ActivityFactory(title="Trade").objectives.set([trade])
    ActivityFactory(title="Unthemed").objectives.set([ObjectiveFactory()])
    ActivityFactory(title="Nothing")
    ActivityFactory(title="Cancelled", state=Activity.State.CANCELLED)
    return people, prosperity


def test_the_theme_filter_lists_an_activity_serving_it_through_two_objectives_once(served):
    people, prosperity = served

    assert titles({"theme": people.pk}) == ["Both", "Trade"]
    assert titles({"theme": prosperity.pk}) == ["Both", "Trade"]


def test_activities_without_an_objective_or_a_theme(served):
    assert titles({"without": "objective"}) == ["Cancelled", "Nothing"]
    assert titles({"without": "theme"}) == ["Cancelled", "Nothing", "Unthemed"]


def test_the_state_filter_leaves_out_cancelled_activities(served):
    assert "Cancelled" not in titles({"state": "not_cancelled"})
    assert titles({"state": "cancelled"}) == ["Cancelled"]


def test_an_old_financial_year_named_in_the_address_is_accepted():
    ActivityFactory(title="2016", starts_on=date(2016, 6, 1), ends_on=date(2016, 6, 1))
    ActivityFactory(title="2026")

    assert titles({"financial_year": "2016"}) == ["2016"]


def test_the_activity_list_totals_the_council_spend_of_what_the_filters_select(officer_client):
    shown = ActivityFactory(title="Shown", kind=Activity.Kind.OUTGOING_VISIT)
    CostFactory(activity=shown, amount=Decimal("100.00"))
    CostFactory(activity=shown, amount=Decimal("200.00"), currency="EUR", rate_to_gbp=Decimal("0.5"))
    CostFactory(activity=shown, amount=Decimal("50.00"), stage=Cost.Stage.PLANNED)
    CostFactory(activity=shown, amount=Decimal("30.00"), paid_by=Cost.PaidBy.PARTNER, budget_line=None)
    other = ActivityFactory(title="Other", kind=Activity.Kind.CULTURAL_EVENT)
    CostFactory(activity=other, amount=Decimal("999.00"), budget_line=budget_line_for(2026))

    response = officer_client.get("/partnerships/activities/?kind=outgoing_visit")

    assert response.context["council_spend"] == Decimal("200.00")
    assert "£200.00" in response.content.decode()


def test_the_gifts_register_totals_the_value_of_what_the_filters_select(officer_client):
    GiftFactory(value=Decimal("25.00"), direction="given")
    GiftFactory(value=Decimal("40.50"), direction="given")
    GiftFactory(value=Decimal("500.00"), direction="received")

    response = officer_client.get("/partnerships/activities/gifts/?direction=given")

    assert response.context["total_value"] == Decimal("65.50")
    assert "£65.50" in response.content.decode()
