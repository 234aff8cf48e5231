"""Since the last meeting: each kind of change in the period, the default period, and the dates' checks."""

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from conftest import make_user
from intlinks.roles import OFFICER
from intlinks.tests.queries import assert_fixed_queries, queries_for
from partnerships.models import Activity, ActivityStateChange, AgendaItem, Meeting, StatusChange
from partnerships.services import grant_decide, grant_submit, meeting_save
from partnerships.tests.factories import (
    ActivityFactory,
    AnnualReviewFactory,
    CostFactory,
    GiftFactory,
    GrantApplicationFactory,
    MeetingFactory,
    PartnershipFactory,
    PlaceFactory,
    budget_line_for,
)
from reporting.selectors.since import actions_turned_red, changes_since, default_period
from strategy.tests.factories import ActionFactory, ProgressUpdateFactory

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.localdate() - timedelta(days=days)


def moment(days):
    return timezone.make_aware(datetime.combine(days_ago(days), time(12)))


def test_with_no_meeting_held_the_default_period_is_the_last_90_days_up_to_today():
    today = timezone.localdate()
    MeetingFactory(held_on=today)  # today's meeting is the one being read for, not the last one

    assert default_period(today=today) == (today - timedelta(days=90), today, None)


def test_the_default_period_runs_from_the_last_meeting_held_to_today(member_client):
    today = timezone.localdate()
    MeetingFactory(held_on=days_ago(120))
    last = MeetingFactory(held_on=days_ago(30))
    MeetingFactory(held_on=today + timedelta(days=7))  # not held yet

    assert default_period(today=today) == (days_ago(30), today, last)
    page = member_client.get("/reporting/since/").content.decode()
    assert "since the last working-party meeting" in page
    assert f'href="/reporting/meetings/{last.pk}/"' in page


def test_grants_decided_at_a_meeting_in_the_period_are_listed(officer, member, member_client):
    line = budget_line_for(2025, "Grants to twinning associations")
    approved, declined, waiting = (
        GrantApplicationFactory(budget_line=line, title=title)
        for title in ("Choir visit", "Football tour", "Art exhibition")
    )
    for application in (approved, declined, waiting):
        grant_submit(application=application, by=officer, submitted_on=days_ago(40))
    meeting = meeting_save(
        meeting=Meeting(held_on=days_ago(10)),
        members_present=[member],
        items=[AgendaItem(kind=AgendaItem.Kind.GRANT, grant_application=a) for a in (approved, declined)],
        by=officer,
    )
    grant_decide(application=approved, meeting=meeting, by=member, approve=True, amount=Decimal("900.00"))
    grant_decide(application=declined, meeting=meeting, by=member, approve=False, reasons="Not eligible")

    summary = changes_since(start=days_ago(10), end=timezone.localdate())
    assert [grant.title for grant in summary.grants_decided.items] == ["Choir visit", "Football tour"]
    assert changes_since(start=days_ago(9), end=timezone.localdate()).grants_decided.count == 0
    page = member_client.get("/reporting/since/").content.decode()
    assert "Grant applications decided (2)" in page
    assert "approved (£900.00) at the meeting of" in page
    assert "declined at the meeting of" in page


@pytest.fixture
def changes(django_user_model, officer):
    approver = make_user(django_user_model, "approver", OFFICER)
    link = PartnershipFactory(place=PlaceFactory(name="Strasbourg"))
    activity = ActivityFactory(partnership=link, title="School exchange")
    ActivityStateChange.objects.create(
        activity=activity, from_state="planned", to_state="complete", changed_at=moment(3)
    )
    StatusChange.objects.create(
        partnership=link, from_status="active", to_status="dormant", changed_on=days_ago(4), reason="Quiet"
    )
    StatusChange.objects.create(
        partnership=link, from_status="exploring", to_status="active", changed_on=days_ago(200), reason="Old"
    )
    AnnualReviewFactory(partnership=link, reviewed_on=days_ago(5))
    breach = {"breach": "Over the meal limit", "justification": "Late flight", "approved_by": approver}
    CostFactory(activity=activity, approved_on=days_ago(6), description="Dinner", **breach)
    CostFactory(activity=activity, approved_on=days_ago(300), description="Old dinner", **breach)
    GiftFactory(partnership=link, approved_on=days_ago(7), description="Crystal vase", **breach)
    turned = ActionFactory(reference="1a-1")
    ProgressUpdateFactory(action=turned, recorded_by=officer, recorded_at=moment(20), rag="green")
    ProgressUpdateFactory(
        action=turned, recorded_by=officer, recorded_at=moment(10), rag="red", note="Funding fell through"
    )
    ProgressUpdateFactory(
        action=turned, recorded_by=officer, recorded_at=moment(8), rag="red", note="Still red"
    )
    already = ActionFactory(reference="2b-1")
    ProgressUpdateFactory(
        action=already, recorded_by=officer, recorded_at=moment(120), rag="red", note="Red long ago"
    )
    ProgressUpdateFactory(
        action=already, recorded_by=officer, recorded_at=moment(9), rag="red", note="Still red"
    )
    return link, activity


def test_every_kind_of_change_in_the_period_is_listed(changes):
    summary = changes_since(start=days_ago(90), end=timezone.localdate())

    assert [a.title for a in summary.new_activities.items] == ["School exchange"]
    assert [c.activity.title for c in summary.completed_activities.items] == ["School exchange"]
    assert [c.reason for c in summary.status_changes.items] == ["Quiet"]
    assert summary.reviews.count == 1
    assert [c.description for c in summary.costs_approved.items] == ["Dinner"]
    assert [g.description for g in summary.gifts_approved.items] == ["Crystal vase"]
    # Turned red 10 days ago; the later red update and an action red since before the period are not news.
    assert [u.note for u in summary.actions_turned_red.items] == ["Funding fell through"]


def test_an_action_red_before_the_period_starts_turned_red_within_a_longer_one(changes):
    updates = actions_turned_red(start=days_ago(200), end=timezone.localdate())

    assert sorted(u.note for u in updates) == ["Funding fell through", "Red long ago"]


def test_a_period_before_the_changes_shows_none_of_them(changes):
    summary = changes_since(start=days_ago(60), end=days_ago(50))

    assert summary.is_empty


def test_the_page_lists_changes_with_links(changes, member_client):
    link, activity = changes
    page = member_client.get("/reporting/since/").content.decode()

    assert activity.get_absolute_url() in page
    assert link.get_absolute_url() in page
    assert "Funding fell through" in page
    assert "Grant applications decided" in page


def test_a_cancelled_activity_is_not_listed_as_completed(changes):
    _, activity = changes
    ActivityStateChange.objects.create(
        activity=activity, from_state="complete", to_state="cancelled", changed_at=moment(1)
    )

    summary = changes_since(start=days_ago(2), end=timezone.localdate())

    assert summary.completed_activities.count == 0


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("from=2026-05-01&to=2026-04-01", "The end date must be the same as or after the start date"),
        ("from=0001-01-01&to=2026-04-01", "Enter a date between 1 January"),
        ("from=2026-01-01&to=9999-12-31", "Enter a date between 1 January"),
        ("from=soon&to=2026-04-01", "From must be a real date"),
    ],
)
def test_dates_out_of_order_or_bounds_are_refused_beside_the_field(member_client, query, message):
    response = member_client.get(f"/reporting/since/?{query}")
    page = response.content.decode()

    assert response.status_code == 200
    assert response.context["summary"] is None
    assert page.count(message) >= 2  # in the error summary and beside the field
    assert "<title>Error:" in page


def test_a_chosen_period_is_shown(changes, member_client):
    response = member_client.get(
        f"/reporting/since/?from={days_ago(6).isoformat()}&to={days_ago(3).isoformat()}"
    )

    summary = response.context["summary"]
    assert summary.completed_activities.count == 1
    assert summary.new_activities.count == 0  # recorded today, after the period
    assert summary.reviews.count == 1


def test_since_makes_the_same_queries_at_two_sizes(member_client, officer):
    def grow(count):
        for n in range(count):
            link = PartnershipFactory(place=PlaceFactory(name=f"Place {count}-{n}"))
            activity = ActivityFactory(partnership=link)
            ActivityStateChange.objects.create(
                activity=activity, from_state="planned", to_state="complete", changed_at=moment(2)
            )
            AnnualReviewFactory(partnership=link, reviewed_on=days_ago(2))
            ProgressUpdateFactory(recorded_by=officer, recorded_at=moment(2), rag="red", note="Late")

    grow(2)
    few = queries_for(member_client, "/reporting/since/")
    grow(12)
    many = queries_for(member_client, "/reporting/since/")

    assert_fixed_queries(few, many, at_most=21)
    assert Activity.objects.count() == 14


@pytest.mark.parametrize(
    ("recorded_utc", "listed"),
    [
        ("2026-05-31T22:59:59", False),  # 23:59:59 BST on 31 May: the day before the period
        ("2026-05-31T23:00:00", True),  # midnight BST starting 1 June: the first day, included
        ("2026-06-30T22:59:59", True),  # 23:59:59 BST on 30 June: the last day, included
        ("2026-06-30T23:00:00", False),  # midnight BST starting 1 July: after the period
    ],
)
def test_a_change_counts_on_its_day_in_the_councils_time_zone_at_either_end(recorded_utc, listed):
    # Read as ranges of instants from the indexes, the days are still the council's (British Summer Time).
    moment = datetime.fromisoformat(recorded_utc).replace(tzinfo=UTC)
    activity = ActivityFactory()
    Activity.history.filter(id=activity.pk).update(history_date=moment)
    change = ActivityStateChange.objects.create(
        activity=activity, from_state="planned", to_state="complete", changed_at=moment, reason="Done"
    )
    Activity.objects.filter(pk=activity.pk).update(state="complete")

    summary = changes_since(start=date(2026, 6, 1), end=date(2026, 6, 30))

    assert (activity in summary.new_activities.items) is listed
    assert (change in summary.completed_activities.items) is listed


def test_a_period_ending_on_the_last_day_a_date_may_have_is_read_to_its_end():
    activity = ActivityFactory()

    summary = changes_since(start=timezone.localdate() - timedelta(days=1), end=date.max)

    assert activity in summary.new_activities.items
