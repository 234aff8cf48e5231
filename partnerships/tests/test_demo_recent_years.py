"""The demonstration lives: example records of the years around the day it is loaded (issue 11)."""

import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from partnerships.demo import recent_years
from partnerships.demo.activities import EXAMPLE
from partnerships.models import (
    Activity,
    AnnualReview,
    Appraisal,
    Cost,
    ExternalFunding,
    Gift,
    Organisation,
    Partnership,
    PartnershipOrganisation,
    StatusChange,
)
from strategy.financial_years import FinancialYear, financial_year_of
from strategy.models import Action, ActionPlan, Budget, BudgetLine, ProgressUpdate, Strategy

# The example Krefeld visit's six meals, the last two at £45: each flagged against the £30 cap a meal.
KREFELD_MEALS_BREACH = (
    "Meal 5 of 6: £45.00, the cap is £30.00 a meal\nMeal 6 of 6: £45.00, the cap is £30.00 a meal"
)

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 15)  # in 2026/27
CURRENT = FinancialYear(2026)
EVERY_MODEL = (
    Activity,
    Cost,
    Gift,
    AnnualReview,
    ExternalFunding,
    Partnership,
    StatusChange,
    Organisation,
    PartnershipOrganisation,
    Strategy,
    ActionPlan,
    Action,
    ProgressUpdate,
    Budget,
    BudgetLine,
)


@pytest.fixture
def load_on(settings, monkeypatch):
    """Run load_demo as if today were `day` (every "not in the future" rule reads timezone.localdate)."""
    settings.DEMO_DATA_ALLOWED = True

    def load(day: date) -> None:
        monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day)
        call_command("load_demo", stdout=io.StringIO())

    return load


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in EVERY_MODEL}


def in_year(year: FinancialYear, **filters):
    return Activity.objects.filter(starts_on__range=(year.first_day, year.last_day), **filters)


def drifting_places(day: date) -> set[str]:
    links = Partnership.objects.drifting(day).filter(kind="twinning")
    return set(links.values_list("place__name", flat=True))


def test_the_current_year_has_recent_activities_completed_with_actual_costs_and_more_planned(load_on):
    load_on(TODAY)

    complete = in_year(CURRENT, state="complete")
    assert complete.values("partnership").distinct().count() >= 3
    assert all(activity.ends_on < TODAY for activity in complete)
    assert not Cost.objects.filter(activity__in=complete).exclude(stage="actual").exists()
    euros = Cost.objects.get(activity__in=complete, currency="EUR")
    assert (euros.amount, euros.amount_gbp) == (Decimal("390.00"), Decimal("331.50"))
    assert in_year(CURRENT, state="cancelled").count() == 1
    ahead = in_year(CURRENT, state="planned")
    assert ahead.count() >= 2
    assert all(activity.starts_on > TODAY for activity in ahead)
    assert Cost.objects.filter(activity__in=ahead, stage="planned").exists()
    assert all(a.title.startswith("Example") and a.source.startswith("Example") for a in in_year(CURRENT))


def test_example_costs_are_charged_to_the_budget_of_their_own_year(load_on):
    load_on(TODAY)

    recent = Cost.objects.filter(activity__source=recent_years.RECENT_EXAMPLE).select_related(
        "budget_line__budget"
    )
    assert recent.filter(incurred_on__gte=CURRENT.first_day).exists()
    assert recent.filter(incurred_on__lt=CURRENT.first_day).exists()
    assert all(
        cost.budget_line.budget.financial_year == financial_year_of(cost.incurred_on).start for cost in recent
    )
    assert all("Example" in cost.budget_line.budget.title for cost in recent)
    assert not recent.exclude(breach="").exists()


@pytest.mark.parametrize("day", [TODAY, date(2027, 3, 31), date(2027, 4, 1), date(2027, 4, 2)])
def test_no_activity_in_the_past_is_still_planned(load_on, day):
    load_on(day)

    assert in_year(financial_year_of(day)).exists()
    still_open = Activity.objects.filter(ends_on__lt=day, state__in=["planned", "ready"])
    assert list(still_open.values_list("title", flat=True)) == []


def test_some_links_are_healthy_after_a_recent_review_and_strasbourg_and_haskovo_stay_drifting(load_on):
    load_on(TODAY)

    assert drifting_places(TODAY) == {"Strasbourg", "Haskovo"}
    reviews = AnnualReview.objects.filter(reviewed_on__range=(CURRENT.first_day, TODAY))
    assert set(reviews.values_list("partnership__place__name", flat=True)) == {
        "Krefeld",
        "Rajkot",
        "Masaya",
        "Chongqing",
    }
    assert set(reviews.values_list("rag", flat=True)) == {"red", "amber", "green"}
    assert all(review.outcomes.startswith("Example") for review in reviews)


def test_current_year_funding_is_awarded_and_one_bid_is_in(load_on):
    load_on(TODAY)

    awarded = ExternalFunding.objects.get(awarded_on__range=(CURRENT.first_day, TODAY))
    assert (awarded.amount_awarded, awarded.status) == (Decimal("1500.00"), "awarded")
    assert awarded.activities.get().state == "complete"
    assert ExternalFunding.objects.filter(status="submitted", title__startswith="Example").count() == 1


def test_one_breach_awaits_approval_justified_but_not_approved(load_on):
    load_on(TODAY)

    waiting = [*Cost.objects.unresolved(), *Gift.objects.unresolved()]
    assert [item.next_step for item in waiting] == ["Justified; awaiting approval."]
    assert waiting[0].description.startswith("Example")
    assert Gift.objects.filter(direction="given", given_on__gte=CURRENT.first_day).exists()


def test_loading_twice_adds_nothing(load_on):
    load_on(TODAY)
    first = counts()

    load_on(TODAY)
    load_on(TODAY + timedelta(days=1))

    assert counts() == first


def test_the_documents_records_are_kept_as_they_are(load_on):
    load_on(TODAY)

    documents = Activity.objects.filter(source=EXAMPLE).order_by("starts_on")
    assert [(a.title, a.starts_on) for a in documents] == [
        ("Example: civic visit to Krefeld", date(2002, 9, 10)),
        ("Example: trade mission to Chongqing", date(2002, 11, 4)),
        ("Example: school exchange with Strasbourg", date(2003, 2, 17)),
    ]
    assert list(Cost.objects.filter(activity__in=documents).values_list("amount_gbp", flat=True)) == [
        Decimal("180.00"),
        Decimal("283.50"),
        Decimal("210.00"),
        Decimal("2400.00"),
        Decimal("400.00"),
    ]
    breach = Cost.objects.get(activity__in=documents, category="subsistence")
    assert breach.breach == KREFELD_MEALS_BREACH
    assert Budget.objects.get(financial_year=2002).controllable_total == Decimal("73400.00")
    assert Partnership.objects.filter(kind="twinning").count() == 6
    assert set(Organisation.objects.values_list("short_name", flat=True)) == {"CLETA", "LRTA", "LMLG"}
    assert Appraisal.objects.get().estimated_yearly_cost == Decimal("4000.00")
    assert ExternalFunding.objects.exclude(title__startswith="Example").count() == 3
    assert ActionPlan.objects.get(financial_year=2008).actions.count() == 26


def test_the_documents_past_visits_are_completed_through_the_services_or_cancelled_with_the_reason(load_on):
    load_on(TODAY)

    states = dict(Activity.objects.filter(source=EXAMPLE).values_list("title", "state"))
    assert states == {
        "Example: civic visit to Krefeld": "complete",
        "Example: trade mission to Chongqing": "complete",
        "Example: school exchange with Strasbourg": "cancelled",
    }
    krefeld_meals = Cost.objects.get(
        activity__title="Example: civic visit to Krefeld", category="subsistence"
    )
    assert krefeld_meals.justified_by.username == "member"
    assert krefeld_meals.approved_by.username == "officer"
    strasbourg = Activity.objects.get(title="Example: school exchange with Strasbourg")
    reason = strasbourg.state_changes.get().reason
    assert "risk assessment" in reason
    assert "10 of 12 received" in reason


def test_a_year_later_the_demo_still_lives(load_on):
    load_on(TODAY)
    later = date(2027, 11, 15)

    load_on(later)

    year = FinancialYear(2027)
    assert in_year(year, state="complete").exists()
    assert in_year(year, state="planned").exists()
    assert AnnualReview.objects.filter(reviewed_on__range=(year.first_day, later)).count() == 4
    assert not Activity.objects.filter(ends_on__lt=later, state__in=["planned", "ready"]).exists()
    # last year's planned trade mission happened: its committed costs are now spent
    mission = Activity.objects.get(title="Example: trade mission to Chongqing, 2026/27")
    assert mission.state == "complete"
    assert set(mission.costs.values_list("stage", flat=True)) == {"actual"}
    # last year's youth exchange never passed the safeguarding gate: cancelled, saying why
    exchange = Activity.objects.get(title="Example: youth exchange with Masaya, 2026/27")
    assert exchange.state == "cancelled"
    assert drifting_places(later) == {"Strasbourg", "Haskovo"}
    waiting = [*Cost.objects.unresolved(), *Gift.objects.unresolved()]
    assert [gift.given_on in year for gift in waiting] == [True]


def test_without_the_demonstration_accounts_the_recent_years_are_skipped():
    out = io.StringIO()

    recent_years.load(out, today=TODAY)

    assert "skipped" in out.getvalue()
    assert not Activity.objects.exists()


@pytest.mark.parametrize("username", ["officer", "member"])
def test_the_main_pages_load_with_the_demonstration(load_on, client, django_user_model, username):
    load_on(TODAY)
    client.force_login(django_user_model.objects.get(username=username))
    krefeld = Partnership.objects.get(place__name="Krefeld")
    pages = [
        "/",
        "/partnerships/",
        "/partnerships/map/",
        "/partnerships/activities/",
        "/partnerships/activities/attention/",
        "/partnerships/activities/gifts/",
        "/partnerships/activities/funding/",
        "/strategy/",
        krefeld.get_absolute_url(),
        Activity.objects.get(title=f"Example: civic visit to Krefeld, {CURRENT}").get_absolute_url(),
        Budget.objects.get(financial_year=CURRENT.start).get_absolute_url(),
        ActionPlan.objects.get(financial_year=CURRENT.start).get_absolute_url(),
        Strategy.objects.get(title__startswith="Example").get_absolute_url(),
    ]

    # a working-party member's start page is the dashboard: "/" redirects there
    statuses = {page: client.get(page, follow=True).status_code for page in pages}

    assert statuses == dict.fromkeys(pages, 200)
