"""Pages that hold twenty years of records (issue 10): a link's page shows its latest activities and
its totals by year, not every row; the activity list and the gifts register open on this and last
financial year, say so, and let the reader remove that filter. Times belong in the benchmark."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import transaction
from django.utils import timezone

from intlinks.management.commands.benchmark import Command
from intlinks.tests.queries import assert_fixed_queries, queries_for
from partnerships.seeding import PROFILES, seed_council
from partnerships.selectors import RECENT_ACTIVITIES, RECENT_GIFTS
from partnerships.tests.factories import (
    ActivityFactory,
    CostFactory,
    ExternalFundingFactory,
    GiftFactory,
    PartnershipFactory,
)
from strategy.financial_years import financial_year_of

pytestmark = pytest.mark.django_db

PROFILE_PAGES = list(Command().scenarios("PROFILE_PAGES"))


def this_year():
    return financial_year_of(timezone.localdate())


def days_into(year, days: int = 10) -> date:
    return year.first_day + timedelta(days=days)


def log(link, count: int, year, title: str = "Visit") -> list:
    """`count` activities of `link` in financial year `year`, titles of one width, each with a cost."""
    activities = []
    for n in range(count):
        day = days_into(year, n % 300)
        activity = ActivityFactory(partnership=link, title=f"{title} {n:04d}", starts_on=day, ends_on=day)
        CostFactory(activity=activity, incurred_on=day, amount=Decimal("100.00"))
        activities.append(activity)
    return activities


def page_of(client, link) -> str:
    return client.get(f"/partnerships/{link.pk}/").content.decode()


# ---- a link's page ---------------------------------------------------------------------------------------


def test_the_partnership_page_does_not_grow_with_its_number_of_activities(officer_client):
    link = PartnershipFactory()
    log(link, RECENT_ACTIVITIES + 2, this_year())
    few = len(page_of(officer_client, link))
    log(link, 120, this_year(), title="Older")
    many = len(page_of(officer_client, link))

    # The counts and totals gain a digit or two; 120 more rows would add tens of kilobytes.
    assert many - few < 200


def test_the_partnership_page_lists_only_its_latest_activities_and_links_to_all_of_them(officer_client):
    link = PartnershipFactory()
    year = this_year()
    oldest = ActivityFactory(
        partnership=link, title="The first visit", starts_on=date(2008, 5, 1), ends_on=date(2008, 5, 2)
    )
    latest = log(link, RECENT_ACTIVITIES, year)

    page = page_of(officer_client, link)

    assert all(activity.title in page for activity in latest)
    assert oldest.title not in page
    assert f"/partnerships/activities/?partnership={link.pk}&amp;financial_year=" in page


def test_the_link_to_all_of_a_links_activities_shows_every_year_of_that_link_only(officer_client):
    link, other = PartnershipFactory(), PartnershipFactory()
    old = ActivityFactory(partnership=link, starts_on=date(2008, 5, 1), ends_on=date(2008, 5, 2))
    recent = ActivityFactory(
        partnership=link, starts_on=days_into(this_year()), ends_on=days_into(this_year())
    )
    ActivityFactory(partnership=other, starts_on=days_into(this_year()), ends_on=days_into(this_year()))

    response = officer_client.get(f"/partnerships/activities/?partnership={link.pk}&financial_year=")

    assert set(response.context["page"].object_list) == {old, recent}


def test_the_partnership_page_totals_activities_and_their_costs_by_financial_year(officer_client):
    link = PartnershipFactory()
    year = this_year()
    log(link, 3, year)
    log(link, 2, year.previous)
    cancelled = ActivityFactory(
        partnership=link, state="cancelled", starts_on=days_into(year), ends_on=days_into(year)
    )
    CostFactory(activity=cancelled, amount=Decimal("40.00"))  # a cancellation fee is still spent

    log_figures = officer_client.get(f"/partnerships/{link.pk}/").context["activity_log"]

    assert [(row.year, row.activities, row.cost_gbp) for row in log_figures.years] == [
        (year, 3, Decimal("340.00")),
        (year.previous, 2, Decimal("200.00")),
    ]
    assert (log_figures.activities, log_figures.cost_gbp) == (5, Decimal("540.00"))


def test_the_partnership_page_leaves_out_archived_activities_and_costs_from_its_totals(officer_client):
    link = PartnershipFactory()
    kept, gone = log(link, 2, this_year())
    gone.archived_at = timezone.now()
    gone.save()
    CostFactory(activity=kept, amount=Decimal("7.00"), archived_at=timezone.now())

    figures = officer_client.get(f"/partnerships/{link.pk}/").context["activity_log"]

    assert (figures.activities, figures.cost_gbp) == (1, Decimal("100.00"))


# ---- the default filters: this and last financial year ----------------------------------------------------


def test_the_activity_list_opens_on_this_and_last_financial_year_and_says_so(officer_client):
    year = this_year()
    shown = [
        ActivityFactory(starts_on=days_into(year), ends_on=days_into(year)),
        ActivityFactory(starts_on=days_into(year.previous), ends_on=days_into(year.previous)),
    ]
    ActivityFactory(starts_on=days_into(year.previous.previous), ends_on=days_into(year.previous.previous))

    response = officer_client.get("/partnerships/activities/")
    page = response.content.decode()

    assert set(response.context["page"].object_list) == set(shown)
    assert f"Showing this and last financial year ({year.previous.label} and {year.label})" in page
    assert 'href="?financial_year=">Show every year</a>' in page
    assert '<option value="recent" selected>' in page


@pytest.mark.parametrize("query", ["financial_year=", "financial_year=&kind="])
def test_choosing_any_financial_year_removes_the_default_and_shows_every_year(officer_client, query):
    old = ActivityFactory(starts_on=date(2008, 5, 1), ends_on=date(2008, 5, 2))
    recent = ActivityFactory(starts_on=days_into(this_year()), ends_on=days_into(this_year()))

    response = officer_client.get(f"/partnerships/activities/?{query}")

    assert set(response.context["page"].object_list) == {old, recent}
    assert "Show every year" not in response.content.decode()


def test_clear_filters_shows_every_year_rather_than_the_default_again(officer_client):
    page = officer_client.get("/partnerships/activities/?kind=outgoing_visit").content.decode()

    assert 'href="/partnerships/activities/?financial_year=">Clear filters</a>' in page


def test_the_csv_link_carries_the_default_filter_so_the_file_holds_what_the_page_shows(officer_client):
    ActivityFactory(title="Long ago", starts_on=date(2008, 5, 1), ends_on=date(2008, 5, 2))
    ActivityFactory(title="This year", starts_on=days_into(this_year()), ends_on=days_into(this_year()))

    page = officer_client.get("/partnerships/activities/").content.decode()
    csv_from_page = officer_client.get("/partnerships/activities/export.csv?financial_year=recent")

    assert 'export.csv?financial_year=recent">CSV' in page
    assert 'export.xlsx?financial_year=recent">XLSX' in page
    body = csv_from_page.getvalue().decode("utf-8-sig")
    assert "This year" in body
    assert "Long ago" not in body


def test_the_next_page_link_keeps_the_default_filter(officer_client):
    year = this_year()
    for n in range(30):
        ActivityFactory(starts_on=days_into(year, n), ends_on=days_into(year, n))

    page = officer_client.get("/partnerships/activities/").content.decode()

    assert 'href="?financial_year=recent&amp;page=2"' in page


def test_the_gifts_register_opens_on_this_and_last_financial_year_and_says_so(officer_client):
    year = this_year()
    recent = GiftFactory(given_on=days_into(year), registered_on=days_into(year))
    old = GiftFactory(given_on=date(2008, 5, 1), registered_on=date(2008, 5, 2))

    opened = officer_client.get("/partnerships/activities/gifts/")
    widened = officer_client.get("/partnerships/activities/gifts/?financial_year=")

    assert [gift.pk for gift in opened.context["gifts"]] == [recent.pk]
    assert "Showing this and last financial year" in opened.content.decode()
    assert [gift.pk for gift in widened.context["gifts"]] == [recent.pk, old.pk]
    assert "Showing this and last financial year" not in widened.content.decode()


@pytest.mark.parametrize(
    ("url", "budget"),
    [
        # Issue 11 added the lists' totals (one query each) and the activities' theme filter (two).
        ("/partnerships/activities/", 16),  # with the two reading the years that have data
        ("/partnerships/activities/?financial_year=", 16),
        ("/partnerships/activities/gifts/", 13),  # and the people named in the register
        ("/partnerships/activities/gifts/?financial_year=", 13),
    ],
)
def test_lists_with_and_without_the_default_filter_use_the_same_number_of_queries(
    officer_client, url, budget
):
    link = PartnershipFactory()
    year = this_year()

    def fill(count):
        for activity in log(link, count, year) + log(link, count, year.previous.previous, title="Old"):
            GiftFactory(
                partnership=link,
                activity=activity,
                direction="received",
                given_on=activity.starts_on,
                registered_on=activity.starts_on,
            )

    fill(2)
    few = queries_for(officer_client, url)
    fill(15)
    many = queries_for(officer_client, url)

    assert_fixed_queries(few, many, at_most=budget)


def test_the_funding_list_shows_bids_a_page_at_a_time(officer_client):
    for n in range(30):
        ExternalFundingFactory(programme=f"Programme {n:02d}", bid_on=date(2000 + n % 25, 5, 1))

    first = officer_client.get("/partnerships/activities/funding/")
    second = officer_client.get("/partnerships/activities/funding/?page=2")

    assert len(first.context["page"].object_list) == 25
    assert len(second.context["page"].object_list) == 5
    assert 'href="?page=2"' in first.content.decode()


def test_the_partnership_page_lists_the_latest_gifts_given_and_links_to_every_one(officer_client):
    link = PartnershipFactory()
    gifts = [
        GiftFactory(partnership=link, description=f"Gift {n:03d}", given_on=date(2000 + n, 6, 2))
        for n in range(RECENT_GIFTS + 2)
    ]
    page = page_of(officer_client, link)
    every = officer_client.get(
        f"/partnerships/activities/gifts/?partnership={link.pk}&direction=given&financial_year="
    )

    assert gifts[-1].description in page
    assert gifts[0].description not in page
    assert f"?partnership={link.pk}&amp;direction=given&amp;financial_year=" in page
    assert len(every.context["gifts"]) == RECENT_GIFTS + 2


def test_needs_attention_lists_the_oldest_breaches_and_counts_every_one(officer_client, monkeypatch):
    monkeypatch.setattr("partnerships.selectors.activities.ATTENTION_SHOWN", 3)
    activity = ActivityFactory()
    costs = [
        CostFactory(activity=activity, incurred_on=date(2026, 6, day), breach="Business class")
        for day in range(1, 6)
    ]
    ActivityFactory(title="Resolved elsewhere")

    response = officer_client.get("/partnerships/activities/attention/")
    page = response.content.decode()

    assert response.context["attention"].costs == costs[:3]
    assert "Costs breaking the rules (5)" in page
    assert "The oldest 3 are shown" in page
    assert "?flagged=yes&amp;financial_year=" in page


def test_an_old_unresolved_gift_links_to_the_register_over_every_year(officer_client):
    GiftFactory(given_on=date(2008, 5, 1), registered_on=date(2008, 5, 2), breach="Worth £150.00")

    page = officer_client.get("/partnerships/activities/attention/").content.decode()
    link = page[page.index("/partnerships/activities/gifts/?q=") :].split('"')[0].replace("&amp;", "&")

    assert len(officer_client.get(link).context["gifts"]) == 1


# ---- every page the profile benchmark times: the same queries on a small and a larger council -----------


def profile_page_queries(client, profile, settings_date) -> dict[str, int]:
    """Seed `profile` inside a savepoint, count each timed page's queries, and roll the council back."""
    savepoint = transaction.savepoint()
    try:
        seed_council(profile=profile, seed=1, today=settings_date)
        return {page.name: queries_for(client, page.url()) for page in PROFILE_PAGES}
    finally:
        transaction.savepoint_rollback(savepoint)


def test_every_page_the_benchmark_times_makes_the_same_queries_on_a_small_and_a_larger_council(
    officer_client, settings, tmp_path, monkeypatch
):
    settings.MEDIA_ROOT = tmp_path
    today = date(2025, 8, 14)
    # The pages read "this year" from the same day the councils were seeded on, so that both councils
    # have a strategy, a budget and records in the year the dashboard opens on.
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: today)
    small = profile_page_queries(officer_client, PROFILES["small"], today)
    larger = profile_page_queries(
        officer_client,
        PROFILES["large"].scaled(partnerships=14, years=6, activities_per_year=120, gifts=150),
        today,
    )

    assert larger == small
    assert len(small) == len(PROFILE_PAGES)
