"""The grant application's life, every refusal, the roles, and the grants as spending on the budget."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from conftest import make_user
from intlinks.roles import MEMBER, OFFICER
from partnerships import services
from partnerships.models import AgendaItem, GrantApplication
from partnerships.tests.factories import GrantApplicationFactory, MeetingFactory
from strategy.selectors.budgets import budget_summary

State = GrantApplication.State
pytestmark = pytest.mark.django_db

A_WEEK_AGO = date.today() - timedelta(days=7)  # before the meetings held yesterday


@pytest.fixture
def second_member(django_user_model):
    return make_user(django_user_model, "member2", MEMBER)


@pytest.fixture
def colleague(django_user_model):
    return make_user(django_user_model, "colleague", OFFICER)


def on_agenda(application, officer, *members, held_on=None):
    meeting = MeetingFactory(held_on=held_on or date.today() - timedelta(days=1))
    services.meeting_save(
        meeting=meeting,
        members_present=members,
        items=[AgendaItem(kind="grant", grant_application=application)],
        by=officer,
    )
    application.refresh_from_db()
    return meeting


def considered(officer, member, **kwargs):
    application = GrantApplicationFactory(**kwargs)
    services.grant_submit(application=application, by=officer, submitted_on=A_WEEK_AGO)
    meeting = on_agenda(application, officer, member)
    return application, meeting


def approved(officer, member, amount=Decimal("1000.00")):
    application, meeting = considered(officer, member)
    services.grant_decide(application=application, meeting=meeting, by=member, approve=True, amount=amount)
    application.refresh_from_db()
    return application, meeting


def test_walks_the_whole_life_and_logs_each_step(officer, member, colleague):
    application, meeting = approved(officer, member)
    services.grant_pay(application=application, by=colleague, amount=Decimal("900.00"), paid_on=date.today())
    services.grant_record_monitoring(
        application=application, by=officer, received_on=date.today(), notes="Fine"
    )
    services.grant_close(application=application, by=officer)
    application.refresh_from_db()
    assert application.state == State.CLOSED
    assert [c.to_state for c in application.state_changes.all()] == [
        "submitted",
        "considered",
        "approved",
        "paid",
        "monitored",
        "closed",
    ]
    assert application.decided_by == member
    assert application.meeting == meeting
    assert application.paid_by == colleague
    assert application.history.count() >= 6


def test_refuses_to_approve_a_draft(officer, member):
    application = GrantApplicationFactory()
    meeting = MeetingFactory()
    meeting.members_present.add(member)
    with pytest.raises(ValidationError, match="must be on a meeting's agenda"):
        services.grant_decide(application=application, meeting=meeting, by=member, approve=True, amount=1)


def test_refuses_to_put_a_draft_on_an_agenda(officer, member):
    with pytest.raises(ValidationError, match="only a submitted or considered"):
        on_agenda(GrantApplicationFactory(), officer, member)


def test_refuses_to_decide_twice(officer, member):
    application, meeting = approved(officer, member)
    with pytest.raises(ValidationError, match="already been decided"):
        services.grant_decide(
            application=application, meeting=meeting, by=member, approve=False, reasons="No"
        )


def test_refuses_a_decision_by_an_officer(officer, member, colleague):
    application, meeting = considered(officer, member)
    meeting.members_present.add(colleague)
    with pytest.raises(ValidationError, match="Only a working party member"):
        services.grant_decide(application=application, meeting=meeting, by=colleague, approve=True, amount=1)


def test_refuses_a_decision_by_a_member_not_present(officer, member, second_member):
    application, meeting = considered(officer, member)
    with pytest.raises(ValidationError, match="member present"):
        services.grant_decide(
            application=application, meeting=meeting, by=second_member, approve=True, amount=Decimal(1)
        )


def test_refuses_a_decision_at_a_meeting_still_to_come(officer, member):
    application = GrantApplicationFactory()
    services.grant_submit(application=application, by=officer, submitted_on=A_WEEK_AGO)
    meeting = on_agenda(application, officer, member, held_on=date.today() + timedelta(days=3))
    with pytest.raises(ValidationError, match="a meeting that has taken place"):
        services.grant_decide(application=application, meeting=meeting, by=member, approve=True, amount=1)


def test_refuses_a_decision_at_a_meeting_without_it_on_the_agenda(officer, member):
    application, _ = considered(officer, member)
    other = MeetingFactory()
    other.members_present.add(member)
    with pytest.raises(ValidationError, match="not on this meeting's agenda"):
        services.grant_decide(application=application, meeting=other, by=member, approve=True, amount=1)


def test_refuses_a_decider_who_recorded_the_submission(django_user_model, officer):
    both = make_user(django_user_model, "both", OFFICER)
    both.groups.add(*django_user_model.objects.get(username="officer").groups.none())
    from django.contrib.auth.models import Group

    both.groups.add(Group.objects.get(name=MEMBER))
    application = GrantApplicationFactory()
    services.grant_submit(application=application, by=both, submitted_on=A_WEEK_AGO)
    meeting = on_agenda(application, officer, both)
    with pytest.raises(ValidationError, match="another member must record the decision"):
        services.grant_decide(application=application, meeting=meeting, by=both, approve=True, amount=1)


def test_refuses_a_payer_who_decided(django_user_model, officer):
    from django.contrib.auth.models import Group

    both = make_user(django_user_model, "both", OFFICER)
    both.groups.add(Group.objects.get(name=MEMBER))
    application, meeting = considered(officer, both)
    services.grant_decide(
        application=application, meeting=meeting, by=both, approve=True, amount=Decimal(500)
    )
    with pytest.raises(ValidationError, match="another officer must record its payment"):
        services.grant_pay(application=application, by=both, amount=Decimal(500), paid_on=date.today())


def test_refuses_a_payment_above_the_amount_approved(officer, member):
    application, _ = approved(officer, member, amount=Decimal("1000.00"))
    with pytest.raises(ValidationError, match="no more than the amount approved"):
        services.grant_pay(
            application=application, by=officer, amount=Decimal("1000.01"), paid_on=date.today()
        )


def test_database_refuses_a_payment_above_the_amount_approved(officer, member):
    application, _ = approved(officer, member, amount=Decimal("1000.00"))
    with pytest.raises(IntegrityError), transaction.atomic():
        GrantApplication.objects.filter(pk=application.pk).update(
            amount_paid=Decimal("2000.00"), paid_on=date.today(), paid_by=officer, state=State.PAID
        )


def test_refuses_to_pay_a_declined_application_which_is_read_only(officer, member):
    application, meeting = considered(officer, member)
    services.grant_decide(application=application, meeting=meeting, by=member, approve=False, reasons="Late")
    with pytest.raises(ValidationError, match="declined: it can no longer be paid"):
        services.grant_pay(application=application, by=officer, amount=Decimal(1), paid_on=date.today())
    application.refresh_from_db()
    application.title = "Changed"
    with pytest.raises(ValidationError, match="can no longer be changed"):
        services.grant_save(application=application, by=officer)


def test_a_member_without_the_officer_role_may_not_submit_or_pay(officer, member):
    application = GrantApplicationFactory()
    with pytest.raises(ValidationError, match="Only an officer"):
        services.grant_submit(application=application, by=member, submitted_on=A_WEEK_AGO)


def test_declining_needs_reasons(officer, member):
    application, meeting = considered(officer, member)
    with pytest.raises(ValidationError, match="reasons for declining"):
        services.grant_decide(application=application, meeting=meeting, by=member, approve=False)


def test_approving_beyond_the_line_needs_an_override_with_a_reason(officer, member):
    application, meeting = considered(officer, member, amount_requested=Decimal("9000.00"))
    # The grants line of 2025/26 is allocated £5,000 with nothing charged to it yet.
    with pytest.raises(ValidationError, match="has £5,000.00 left"):
        services.grant_decide(
            application=application, meeting=meeting, by=member, approve=True, amount=Decimal("6000.00")
        )
    services.grant_decide(
        application=application,
        meeting=meeting,
        by=member,
        approve=True,
        amount=Decimal("6000.00"),
        override_reason="Match funding from the EU arrives in June",
    )
    application.refresh_from_db()
    assert application.override_reason == "Match funding from the EU arrives in June"


def test_approving_exactly_what_the_line_has_left_needs_no_override(officer, member):
    application, meeting = considered(officer, member, amount_requested=Decimal("5000.00"))
    services.grant_decide(
        application=application, meeting=meeting, by=member, approve=True, amount=Decimal("5000.00")
    )


def test_refuses_dates_out_of_bounds(officer, member, colleague):
    application, _ = approved(officer, member)
    with pytest.raises(ValidationError):
        services.grant_pay(application=application, by=colleague, amount=Decimal(1), paid_on=date(9999, 1, 1))


def test_refuses_a_non_member_among_those_present(officer, colleague):
    with pytest.raises(ValidationError, match="Only working party members"):
        services.meeting_save(meeting=MeetingFactory.build(), members_present=[colleague], by=officer)


def test_taking_an_undecided_grant_off_the_agenda_sends_it_back_to_submitted(officer, member):
    application, meeting = considered(officer, member)
    item = meeting.items.get()
    services.meeting_save(
        meeting=meeting, members_present=[member], items=[], removed_items=[item], by=officer
    )
    application.refresh_from_db()
    assert application.state == State.SUBMITTED


def test_grants_are_committed_then_spent_on_the_budget_page(officer, member, colleague, client):
    application, _ = approved(officer, member, amount=Decimal("1000.00"))
    line = application.budget_line
    row = next(r for r in budget_summary(budget_id=line.budget_id).rows if r.line == line)
    assert (row.committed, row.spent) == (Decimal("1000.00"), Decimal("0.00"))
    services.grant_pay(application=application, by=colleague, amount=Decimal("800.00"), paid_on=date.today())
    row = next(r for r in budget_summary(budget_id=line.budget_id).rows if r.line == line)
    assert (row.committed, row.spent) == (Decimal("0.00"), Decimal("800.00"))
    client.force_login(officer)
    page = client.get(reverse("strategy:budget", args=[line.budget_id])).content.decode()
    assert "£800.00" in page


def test_an_application_submitted_after_a_meeting_is_neither_put_on_its_agenda_nor_decided_there(
    officer, member
):
    application = GrantApplicationFactory()
    services.grant_submit(application=application, by=officer)  # today
    meeting = MeetingFactory(held_on=date.today() - timedelta(days=1))

    with pytest.raises(ValidationError, match="submitted on .*, after the meeting of"):
        services.meeting_save(
            meeting=meeting,
            members_present=[member],
            items=[AgendaItem(kind="grant", grant_application=application)],
            by=officer,
        )
    application.refresh_from_db()
    assert application.state == GrantApplication.State.SUBMITTED


def test_a_decision_is_refused_at_a_meeting_held_before_the_submission(officer, member):
    application, meeting = considered(officer, member)
    # The submission date corrected afterwards (in the admin) to a day after the meeting.
    GrantApplication.objects.filter(pk=application.pk).update(submitted_on=date.today())
    application.refresh_from_db()

    refusal = services.decision_refusal(application=application, meeting=meeting, by=member)

    assert "after the meeting of" in refusal
    with pytest.raises(ValidationError, match="after the meeting of"):
        services.grant_decide(
            application=application, meeting=meeting, by=member, approve=True, amount=Decimal("100.00")
        )


def test_a_payment_or_a_monitoring_report_dated_in_the_future_is_refused(officer, member, colleague):
    application, _ = approved(officer, member)
    tomorrow = date.today() + timedelta(days=1)

    with pytest.raises(ValidationError, match="cannot be in the future"):
        services.grant_pay(application=application, by=colleague, amount=Decimal("10.00"), paid_on=tomorrow)
    services.grant_pay(application=application, by=colleague, amount=Decimal("10.00"), paid_on=date.today())
    with pytest.raises(ValidationError, match="cannot be in the future"):
        services.grant_record_monitoring(application=application, by=officer, received_on=tomorrow)
    application.refresh_from_db()
    assert application.state == GrantApplication.State.PAID


def test_a_submission_dated_in_the_future_is_refused(officer):
    application = GrantApplicationFactory()

    with pytest.raises(ValidationError, match="cannot be in the future"):
        services.grant_submit(
            application=application, by=officer, submitted_on=date.today() + timedelta(days=1)
        )
    application.refresh_from_db()
    assert application.state == GrantApplication.State.DRAFT
