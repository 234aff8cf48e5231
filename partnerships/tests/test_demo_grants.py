"""The demonstration's grant applications from CLETA, LRTA and LMLG and the working party's meetings."""

import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from partnerships.models import AgendaItem, GrantApplication, GrantStateChange, Meeting
from strategy.financial_years import FinancialYear
from strategy.models import Budget, BudgetLine
from strategy.selectors.budgets import budget_summary
from strategy.tests.factories import BudgetFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 15)  # in 2026/27
CURRENT, PREVIOUS = FinancialYear(2026), FinancialYear(2025)
EVERY_MODEL = (GrantApplication, GrantStateChange, Meeting, AgendaItem)


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


def states_of(year: FinancialYear) -> list[str]:
    grants = GrantApplication.objects.filter(budget_line__budget__financial_year=year.start)
    return sorted(grants.values_list("state", flat=True))


def test_every_state_is_shown_across_the_two_years(load_on):
    load_on(TODAY)

    assert states_of(PREVIOUS) == ["closed", "declined"]
    assert states_of(CURRENT) == ["approved", "considered", "draft", "paid", "submitted"]
    grants = GrantApplication.objects.select_related("organisation")
    assert {grant.organisation.short_name for grant in grants} == {"CLETA", "LRTA", "LMLG"}
    assert all(grant.title.startswith("Example") and grant.purpose.startswith("Example") for grant in grants)
    assert all(grant.budget_line.name.startswith("Grants to twinning associations") for grant in grants)
    assert all(grant.objectives.exists() for grant in grants)
    declined = GrantApplication.objects.get(state="declined")
    assert declined.decline_reasons.startswith("Example")
    closed = GrantApplication.objects.get(state="closed")
    assert closed.monitoring_received_on <= TODAY


def test_decisions_are_taken_by_a_member_present_at_a_meeting_held_in_the_past(load_on):
    load_on(TODAY)

    decided = GrantApplication.objects.exclude(meeting=None).select_related("meeting", "budget_line__budget")
    assert decided.count() == 4
    for grant in decided:
        meeting = grant.meeting
        assert meeting.held_on <= TODAY
        assert meeting.held_on in FinancialYear(grant.budget_line.budget.financial_year)
        assert grant.decided_by.username == "member"
        assert meeting.members_present.filter(pk=grant.decided_by_id).exists()
        assert meeting.items.filter(grant_application=grant).exists()
        assert grant.submitted_on <= meeting.held_on
        assert grant.submitted_by.username == "officer"
    paid = GrantApplication.objects.filter(state__in=GrantApplication.PAID_STATES)
    assert {grant.paid_by.username for grant in paid} == {"officer"}


def test_payments_are_within_their_approval_and_their_year_and_never_in_the_future(load_on):
    load_on(TODAY)

    paid = GrantApplication.objects.filter(state__in=GrantApplication.PAID_STATES).select_related(
        "meeting", "budget_line__budget"
    )
    assert paid.count() == 2
    for grant in paid:
        assert grant.amount_paid <= grant.amount_approved <= grant.amount_requested
        assert grant.meeting.held_on <= grant.paid_on <= TODAY
        assert grant.paid_on in FinancialYear(grant.budget_line.budget.financial_year)
    dates = GrantApplication.objects.values_list("submitted_on", "paid_on", "monitoring_received_on")
    assert all(day is None or day <= TODAY for row in dates for day in row)


def test_held_meetings_have_members_minutes_and_every_kind_of_agenda_item(load_on):
    load_on(TODAY)

    held = Meeting.objects.filter(held_on__lte=TODAY).order_by("held_on")
    assert [meeting.held_on in year for meeting, year in zip(held, (PREVIOUS, CURRENT), strict=True)] == [
        True,
        True,
    ]
    for meeting in held:
        assert meeting.title.startswith("Overseas Links Working Party (Example)")
        assert list(meeting.members_present.values_list("username", flat=True)) == ["member"]
        assert meeting.minutes.startswith("Example")
        assert set(meeting.items.values_list("kind", flat=True)) == {"grant", "review", "dashboard", "other"}
        assert meeting.items.last().kind == "other"  # any other business comes last


def test_the_next_meeting_is_ahead_with_the_pending_application_on_its_agenda(load_on):
    load_on(TODAY)

    upcoming = Meeting.objects.get(held_on__gt=TODAY)
    assert upcoming.held_on in CURRENT
    assert not upcoming.members_present.exists()
    pending = GrantApplication.objects.get(state="considered")
    on_agenda = upcoming.items.filter(kind="grant").values_list("grant_application", flat=True)
    assert list(on_agenda) == [pending.pk]
    assert pending.meeting is None


def test_the_budget_page_shows_the_grants_committed_and_spent(load_on, client, django_user_model):
    load_on(TODAY)

    for year, committed, spent in [(CURRENT, "2000.00", "1500.00"), (PREVIOUS, "0.00", "1850.00")]:
        line = BudgetLine.objects.get(
            budget__financial_year=year.start, name__startswith="Grants to twinning associations"
        )
        row = next(row for row in budget_summary(budget_id=line.budget_id).rows if row.line == line)
        assert (row.committed, row.spent) == (Decimal(committed), Decimal(spent))
    client.force_login(django_user_model.objects.get(username="member"))
    page = client.get(Budget.objects.get(financial_year=CURRENT.start).get_absolute_url())
    row = page.content.decode().split("Grants to twinning associations")[1].split("</tr>")[0]
    assert "£2,000.00" in row
    assert "£1,500.00" in row


def test_loading_twice_adds_nothing(load_on):
    load_on(TODAY)
    first = counts()

    load_on(TODAY)
    load_on(TODAY + timedelta(days=1))

    assert counts() == first


def test_a_year_later_the_new_year_has_its_applications_and_meetings(load_on):
    load_on(TODAY)
    later = date(2027, 11, 15)

    load_on(later)

    assert states_of(FinancialYear(2027)) == ["approved", "considered", "draft", "paid", "submitted"]
    # last year's records stay; it now has its closed and declined ones too, decided at its meeting
    assert states_of(CURRENT) == [
        "approved",
        "closed",
        "considered",
        "declined",
        "draft",
        "paid",
        "submitted",
    ]
    assert states_of(PREVIOUS) == ["closed", "declined"]
    last_years = Meeting.objects.get(title="Overseas Links Working Party (Example), 2026/27")
    assert last_years.decided_grants.count() == 4
    assert Meeting.objects.filter(held_on__gt=later).get().held_on in FinancialYear(2027)
    paid = GrantApplication.objects.filter(state__in=GrantApplication.PAID_STATES).select_related("meeting")
    assert all(grant.meeting.held_on <= grant.paid_on <= later for grant in paid)


@pytest.mark.parametrize("day", [date(2027, 4, 1), date(2027, 3, 31)])
def test_on_the_first_and_last_day_of_a_year_dates_stay_in_the_past_and_in_their_year(load_on, day):
    load_on(day)

    held = Meeting.objects.filter(held_on__lte=day)
    assert held.count() == 2
    upcoming = Meeting.objects.get(held_on__gt=day)
    assert upcoming.held_on - day <= timedelta(days=28)
    assert GrantApplication.objects.filter(state="paid").get().paid_on <= day


def test_a_year_whose_budget_is_the_councils_own_gets_no_example_grants(load_on):
    BudgetFactory(financial_year=CURRENT.start, title="The council's own budget")

    load_on(TODAY)

    assert states_of(CURRENT) == []
    assert states_of(PREVIOUS) == ["closed", "declined"]
    assert not Meeting.objects.filter(held_on__gt=TODAY).exists()


@pytest.mark.parametrize("username", ["officer", "member"])
def test_the_grant_pages_load_with_the_demonstration(load_on, client, django_user_model, username):
    load_on(TODAY)
    client.force_login(django_user_model.objects.get(username=username))
    pages = ["/partnerships/grants/", *(grant.get_absolute_url() for grant in GrantApplication.objects.all())]

    statuses = {page: client.get(page).status_code for page in pages}

    assert statuses == dict.fromkeys(pages, 200)
