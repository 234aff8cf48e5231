"""Working party meeting pages: recording one with its agenda, the decision at the meeting, its papers,
and their fixed number of queries."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from intlinks.tests.queries import assert_fixed_queries, queries_for
from partnerships.models import GrantApplication
from partnerships.tests.factories import ActivityFactory, GrantApplicationFactory, PartnershipFactory
from partnerships.tests.test_grants import considered
from reporting.selectors import dashboard
from strategy.financial_years import FinancialYear

pytestmark = pytest.mark.django_db

A_WEEK_AGO = date.today() - timedelta(days=7)  # before the meetings held yesterday


def test_a_member_present_approves_a_grant_on_the_meeting_page(client, officer, member):
    application, meeting = considered(officer, member)
    client.force_login(member)
    page = client.get(reverse("reporting:meeting", args=[meeting.pk])).content.decode()
    assert "Record the working party&#x27;s decision" in page or "Record the working party's decision" in page
    response = client.post(
        reverse("reporting:meeting_decide", args=[meeting.pk, application.pk]),
        {"decision": "approve", "amount": "750.00", "conditions": "Report by March"},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.state == GrantApplication.State.APPROVED
    assert application.amount_approved == Decimal("750.00")


def test_the_decision_page_shows_the_budget_override_error_beside_its_field(client, officer, member):
    application, meeting = considered(officer, member, amount_requested=Decimal("9000.00"))
    client.force_login(member)
    response = client.post(
        reverse("reporting:meeting_decide", args=[meeting.pk, application.pk]),
        {"decision": "approve", "amount": "6000.00"},
    )
    assert response.status_code == 200
    assert "enter why the working party overrides it" in response.content.decode()
    application.refresh_from_db()
    assert application.state == GrantApplication.State.CONSIDERED


def test_an_officer_records_a_meeting_with_its_agenda(client, officer, member):
    application = GrantApplicationFactory()
    from partnerships import services

    services.grant_submit(application=application, by=officer, submitted_on=A_WEEK_AGO)
    link = PartnershipFactory()
    client.force_login(officer)
    data = {
        "held_on": (date.today() - timedelta(days=2)).isoformat(),
        "title": "Overseas Links Working Party",
        "members_present": [member.pk],
        "minutes": "",
        "items-TOTAL_FORMS": "3",
        "items-INITIAL_FORMS": "0",
        "items-0-kind": "grant",
        "items-0-grant_application": application.pk,
        "items-1-kind": "review",
        "items-1-partnership": link.pk,
        "items-2-kind": "dashboard",
        "items-2-financial_year": "2025/26",
    }
    response = client.post(reverse("reporting:meeting_create"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    application.refresh_from_db()
    assert application.state == GrantApplication.State.CONSIDERED


def papers_fixture(officer, member, n):
    """A meeting with a grant application and the dashboard for 2025/26 on its agenda, and `n` more grant
    applications and link reviews."""
    from partnerships import services
    from partnerships.models import AgendaItem

    application, meeting = considered(officer, member)
    items = [*meeting.items.all(), AgendaItem(kind="dashboard", financial_year=2025)]
    services.meeting_save(meeting=meeting, members_present=[member], items=items, by=officer)
    for _ in range(n):
        other = GrantApplicationFactory()
        from partnerships import services

        services.grant_submit(application=other, by=officer, submitted_on=A_WEEK_AGO)
        items = list(meeting.items.all())
        from partnerships.models import AgendaItem

        items += [
            AgendaItem(kind="grant", grant_application=other),
            AgendaItem(kind="review", partnership=PartnershipFactory()),
        ]
        services.meeting_save(meeting=meeting, members_present=[member], items=items, by=officer)
    return meeting


# The papers include the dashboard's figures for the year on the agenda (its selector's queries).
@pytest.mark.parametrize(
    ("url_name", "budget"), [("reporting:meeting", 25), ("reporting:meeting_papers", 35)]
)
def test_meeting_pages_make_a_fixed_number_of_queries(client, officer, member, url_name, budget):
    client.force_login(member)
    small = papers_fixture(officer, member, 1)
    large = papers_fixture(officer, member, 5)
    assert_fixed_queries(
        queries_for(client, reverse(url_name, args=[small.pk])),
        queries_for(client, reverse(url_name, args=[large.pk])),
        at_most=budget,
    )


def test_meeting_list_makes_a_fixed_number_of_queries(client, officer, member):
    client.force_login(member)
    papers_fixture(officer, member, 0)
    small = queries_for(client, reverse("reporting:meetings"))
    papers_fixture(officer, member, 2)
    papers_fixture(officer, member, 2)
    assert_fixed_queries(small, queries_for(client, reverse("reporting:meetings")), at_most=10)


def test_the_papers_carry_the_dashboards_figures_for_a_year_on_the_agenda(client, officer, member):
    meeting = papers_fixture(officer, member, 0)
    ActivityFactory(starts_on=date(2025, 6, 1), ends_on=date(2025, 6, 2), councillors=3)
    client.force_login(member)

    page = client.get(reverse("reporting:meeting_papers", args=[meeting.pk])).content.decode()

    figures = dashboard(year=FinancialYear(2025))
    assert figures.activities.value == 1
    assert "Activities in 2025/26" in page
    assert f"{figures.spend.allocated:,}" in page  # the grants line's budget, as on the dashboard
    assert "1 decided (0 declined)" not in page  # considered, not yet decided
    assert "0 decided (0 declined), £0.00 approved, £0.00 paid" in page
    assert "/reporting/?year=2025" in page
