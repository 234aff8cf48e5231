"""Filters the members' dashboard links to: live links, not-cancelled activities, awards in a year, and a
financial year older than the list's usual choices."""

from datetime import date
from decimal import Decimal

import pytest
from django.http import QueryDict

from partnerships import selectors
from partnerships.filters import ActivityFilter, FundingFilter, GiftFilter, PartnershipFilter
from partnerships.models import Activity, ExternalFunding, Status
from partnerships.tests.factories import (
    ActivityFactory,
    ExternalFundingFactory,
    GiftFactory,
    PartnershipFactory,
    PlaceFactory,
)

pytestmark = pytest.mark.django_db


def test_live_links_are_active_under_review_or_dormant():
    for status in Status.values:
        PartnershipFactory(place=PlaceFactory(name=status), status=status)

    live = PartnershipFilter(QueryDict("live=yes"), queryset=selectors.partnership_list()).qs
    not_live = PartnershipFilter(QueryDict("live=no"), queryset=selectors.partnership_list()).qs

    assert {link.status for link in live} == {Status.ACTIVE, Status.UNDER_REVIEW, Status.DORMANT}
    assert {link.status for link in not_live} == {Status.APPROACH_RECEIVED, Status.EXPLORING, Status.ENDED}


def test_cancelled_activities_can_be_left_out_or_shown_alone():
    ActivityFactory(state=Activity.State.COMPLETE)
    ActivityFactory(state=Activity.State.CANCELLED)

    def states(query):
        found = ActivityFilter(QueryDict(query), queryset=selectors.activity_list()).qs
        return [activity.state for activity in found]

    assert states("financial_year=&state=not_cancelled") == ["complete"]
    assert states("financial_year=&state=cancelled") == ["cancelled"]


@pytest.mark.parametrize("year", ["2002", "1900"])
def test_a_financial_year_older_than_the_usual_choices_is_accepted_when_named(year):
    ActivityFactory(starts_on=date(int(year), 6, 1), ends_on=date(int(year), 6, 1))
    GiftFactory(given_on=date(int(year), 6, 1), registered_on=date(int(year), 6, 1))

    activities = ActivityFilter(QueryDict(f"financial_year={year}"), queryset=selectors.activity_list())
    gifts = GiftFilter(QueryDict(f"financial_year={year}"), queryset=selectors.gift_register())

    assert activities.is_valid()
    assert activities.qs.count() == 1
    assert gifts.is_valid()
    assert gifts.qs.count() == 1


@pytest.mark.parametrize("year", ["1899", "2100", "9999", "abc"])
def test_a_financial_year_outside_the_bounds_is_still_refused(year):
    activities = ActivityFilter(QueryDict(f"financial_year={year}"), queryset=selectors.activity_list())

    assert not activities.is_valid()


def test_funding_awarded_in_a_year_is_what_that_years_leverage_counts():
    ExternalFundingFactory(amount_awarded=Decimal("3000.00"), awarded_on=date(2016, 5, 1))
    ExternalFundingFactory(amount_awarded=Decimal("1000.00"), awarded_on=date(2017, 4, 1))
    ExternalFundingFactory(
        status=ExternalFunding.Status.SUBMITTED, amount_awarded=None, awarded_on=date(2016, 6, 1)
    )

    awarded = FundingFilter(QueryDict("awarded_in=2016"), queryset=selectors.funding_list()).qs
    leverage = {row.year.start: row.external for row in selectors.leverage_by_year()}

    assert [grant.amount_awarded for grant in awarded] == [Decimal("3000.00")]
    assert leverage[2016] == Decimal("3000.00")


def test_the_funding_list_offers_its_filters(officer_client):
    ExternalFundingFactory(programme="Awarded in 2016", awarded_on=date(2016, 5, 1))
    ExternalFundingFactory(programme="Awarded in 2017", awarded_on=date(2017, 5, 1))

    page = officer_client.get("/partnerships/activities/funding/?awarded_in=2016").content.decode()

    assert "Awarded in financial year" in page
    assert "Awarded in 2016" in page
    assert "Awarded in 2017" not in page
