"""The partnership health table: its figures, sorting by every column, filters, and its query count."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from intlinks.tests.queries import assert_fixed_queries, queries_for
from partnerships.models import Activity, AnnualReview, Partnership
from partnerships.tests.factories import (
    ActivityFactory,
    AnnualReviewFactory,
    CostFactory,
    PartnershipFactory,
    PlaceFactory,
    budget_line_for,
)
from reporting.selectors.health import partnership_health
from reporting.views.health import HealthTable
from strategy.financial_years import financial_year_of

pytestmark = pytest.mark.django_db


def this_year():
    return financial_year_of(timezone.localdate())


def _activity(link, on, state=Activity.State.COMPLETE, spend="100.00"):
    activity = ActivityFactory(partnership=link, starts_on=on, ends_on=on, state=state)
    CostFactory(
        activity=activity,
        incurred_on=on,
        amount=Decimal(spend),
        budget_line=budget_line_for(this_year().start),
    )
    return activity


@pytest.fixture
def links():
    year, today = this_year(), timezone.localdate()
    healthy = PartnershipFactory(place=PlaceFactory(name="Strasbourg"), depth=Partnership.Depth.STRATEGIC)
    AnnualReviewFactory(
        partnership=healthy, reviewed_on=today - timedelta(days=400), rag=AnnualReview.Rag.RED
    )
    AnnualReviewFactory(
        partnership=healthy,
        reviewed_on=today - timedelta(days=30),
        rag=AnnualReview.Rag.AMBER,
        next_review_due=today + timedelta(days=335),
    )
    _activity(healthy, year.first_day, spend="100.00")
    _activity(healthy, year.first_day, state=Activity.State.CANCELLED, spend="60.00")
    drifting = PartnershipFactory(
        place=PlaceFactory(name="Krefeld", country="DE"), depth=Partnership.Depth.PROJECT
    )
    ActivityFactory(
        partnership=drifting,
        starts_on=year.first_day.replace(year=year.start - 2),
        ends_on=year.first_day.replace(year=year.start - 2),
    )
    return healthy, drifting


def test_each_link_shows_its_reviews_this_years_activity_and_spend_and_drift(links):
    healthy, drifting = links
    rows, year = partnership_health()
    by_pk = {link.pk: link for link in rows}

    assert year == this_year()
    assert by_pk[healthy.pk].last_reviewed_on == timezone.localdate() - timedelta(days=30)
    assert by_pk[healthy.pk].last_review_rag == "amber"
    assert by_pk[healthy.pk].next_review_due == timezone.localdate() + timedelta(days=335)
    assert by_pk[healthy.pk].last_activity_on == year.first_day
    # The cancelled activity and its £60 are not counted.
    assert (by_pk[healthy.pk].year_activities, by_pk[healthy.pk].year_spend) == (1, Decimal("100.00"))
    assert by_pk[healthy.pk].drifting is False
    assert (by_pk[drifting.pk].year_activities, by_pk[drifting.pk].year_spend) == (0, Decimal("0.00"))
    assert by_pk[drifting.pk].last_review_rag is None
    assert by_pk[drifting.pk].drifting is True


def test_the_page_shows_the_rag_rating_and_drift(links, member_client):
    page = member_client.get("/reporting/health/").content.decode()

    assert "Amber" in page
    assert "£100.00" in page
    assert "Drifting" in page


@pytest.mark.parametrize(
    ("sort", "first"),
    [
        ("-year_spend", "Strasbourg"),
        ("year_spend", "Krefeld"),
        ("link", "Krefeld"),
        ("-link", "Strasbourg"),
        ("-drifting", "Krefeld"),
        ("last_activity_on", "Krefeld"),
        ("-year_activities", "Strasbourg"),
        ("depth", "Krefeld"),
    ],
)
def test_the_table_sorts_by_a_column(links, member_client, sort, first):
    response = member_client.get(f"/reporting/health/?sort={sort}")
    table = response.context["table"]

    assert table.rows[0].record.place.name == first


def test_every_column_is_sortable():
    assert all(column.orderable for column in HealthTable([]).columns)


def test_the_sorted_column_says_so_to_a_screen_reader(links, member_client):
    page = member_client.get("/reporting/health/?sort=-year_spend").content.decode()

    assert 'aria-sort="descending"' in page
    assert page.count('aria-sort="none"') == len(HealthTable([]).columns) - 1


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("drifting=yes", ["Krefeld"]),
        ("drifting=no", ["Strasbourg"]),
        ("depth=strategic", ["Strasbourg"]),
        ("status=active", ["Krefeld", "Strasbourg"]),
        ("status=dormant", []),
        ("kind=twinning&drifting=yes", ["Krefeld"]),
    ],
)
def test_the_table_filters(links, member_client, query, names):
    response = member_client.get(f"/reporting/health/?{query}")

    assert [row.record.place.name for row in response.context["table"].rows] == names


def test_the_health_table_makes_the_same_queries_at_two_sizes(member_client):
    def grow(count):
        for n in range(count):
            link = PartnershipFactory(place=PlaceFactory(name=f"Place {count}-{n}"))
            AnnualReviewFactory(partnership=link)
            _activity(link, this_year().first_day)

    grow(2)
    few = queries_for(member_client, "/reporting/health/?sort=-year_spend")
    grow(12)
    many = queries_for(member_client, "/reporting/health/?sort=-year_spend")

    assert_fixed_queries(few, many, at_most=8)
