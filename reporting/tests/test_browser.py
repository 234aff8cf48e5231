"""A working-party member, in a real browser, reads the dashboard for last year, opens a cell of the
annual matrix, and approves a grant at yesterday's meeting (a wrong amount first); every page they
visit passes axe-core, and the dashboard fits a phone.

The data, built with the factories and the services:

| year | link | activity | objective | council actual cost |
| --- | --- | --- | --- | --- |
| last | Krefeld | Civic visit | 1 | £300.00 |
| last | Krefeld | School exchange | 1 and 2 | £200.00 |
| last | Strasbourg | Christmas market | 2 | £150.00 |
| last | Strasbourg | Called off | 1 | none: cancelled, not counted |
| this | Krefeld | Youth football | 1 | £400.00 |
| this | Strasbourg | Trade fair | 2 | £350.00 |

This year: 2 activities, £750.00 spent; last year: 3 activities, £650.00 spent.

Each year's budget has a "Visits and delegations" and a "Grants to twinning associations" line
(£5,000.00 each). The Krefeld twinning association asked for £1,500.00 from this year's grants line;
an officer recorded its submission a week before a meeting held yesterday, with the member present
and the application on its agenda.
"""

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conftest import axe_violations
from partnerships import services
from partnerships.models import Activity, AgendaItem, Meeting
from partnerships.tests.factories import (
    ActivityFactory,
    CostFactory,
    GrantApplicationFactory,
    OrganisationFactory,
    PartnershipFactory,
    PlaceFactory,
    budget_line_for,
)
from strategy.financial_years import financial_year_of
from strategy.tests.factories import ObjectiveFactory, StrategyFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GRANTS = "Grants to twinning associations"
VISITS = "Visits and delegations"
PHONE = {"width": 375, "height": 812}


def accessible(page, name):
    """Screenshot the page under var/screenshots/working-party-NAME.png, run axe-core on it, and check
    that nothing makes the page scroll sideways (a wide table scrolls inside its own region)."""
    page.screenshot(path=f"var/screenshots/working-party-{name}.png", full_page=True)
    assert axe_violations(page) == [], name
    width, viewport = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= viewport, f"{name} is {width}px wide in a {viewport}px window"
    return page


def card_figure(page, card_id):
    return page.locator(f"section[aria-labelledby='{card_id}'] .app-card__figure")


def line_cell(page, line_name, column):
    """A column (0 allocated, 1 committed, 2 spent, 3 remaining) of a budget line's row."""
    return page.locator("tr", has_text=line_name).locator("td").nth(column)


def two_years_of_work(officer, member):
    """The data set of the module's docstring; returns what the test opens."""
    this_year = financial_year_of(timezone.localdate())
    last_year = this_year.previous
    strategy = StrategyFactory(first_year=last_year.start, last_year=this_year.start + 1)
    awareness = ObjectiveFactory(strategy=strategy, number=1, title="Raise awareness")
    prosperity = ObjectiveFactory(strategy=strategy, number=2, title="Trade and prosperity")
    krefeld = PartnershipFactory(
        place=PlaceFactory(name="Krefeld", country="DE", latitude=Decimal("51.33"), longitude=Decimal("6.56"))
    )
    strasbourg = PartnershipFactory(place=PlaceFactory(name="Strasbourg"))
    for year in (last_year, this_year):
        budget_line_for(year.start, VISITS)
        budget_line_for(year.start, GRANTS)

    def activity(link, title, year, days_in, objectives, cost=None, state=Activity.State.COMPLETE):
        starts_on = year.first_day + timedelta(days=days_in)
        made = ActivityFactory(
            partnership=link, title=title, starts_on=starts_on, ends_on=starts_on, state=state
        )
        made.objectives.set(objectives)
        if cost is None:
            return made
        CostFactory(
            activity=made,
            amount=Decimal(cost),
            incurred_on=starts_on,
            budget_line=budget_line_for(year.start, VISITS),
        )
        return made

    activity(krefeld, "Civic visit", last_year, 30, [awareness], "300.00")
    activity(krefeld, "School exchange", last_year, 180, [awareness, prosperity], "200.00")
    activity(strasbourg, "Christmas market", last_year, 250, [prosperity], "150.00")
    activity(strasbourg, "Called off", last_year, 100, [awareness], state=Activity.State.CANCELLED)
    activity(krefeld, "Youth football", this_year, 5, [awareness], "400.00")
    activity(strasbourg, "Trade fair", this_year, 6, [prosperity], "350.00")

    application = GrantApplicationFactory(
        organisation=OrganisationFactory(name="Leicester Krefeld Twinning Association"),
        partnership=krefeld,
        title="Youth football exchange with Krefeld",
        amount_requested=Decimal("1500.00"),
        budget_line=budget_line_for(this_year.start, GRANTS),
    )
    application.objectives.set([awareness])
    services.grant_submit(application=application, by=officer, submitted_on=date.today() - timedelta(days=8))
    meeting = services.meeting_save(
        meeting=Meeting(held_on=date.today() - timedelta(days=1), title="Overseas Links Working Party"),
        members_present=[member],
        items=[
            AgendaItem(kind=AgendaItem.Kind.GRANT, grant_application=application),
            AgendaItem(kind=AgendaItem.Kind.DASHBOARD, financial_year=this_year.start),
        ],
        by=officer,
    )
    return {
        "this_year": this_year,
        "last_year": last_year,
        "krefeld": krefeld,
        "application": application,
        "meeting": meeting,
        "grants_budget_url": application.budget_line.budget.get_absolute_url(),
    }


def test_a_member_changes_the_year_opens_a_matrix_cell_and_approves_a_grant_at_the_meeting(
    page, live_server, officer, member, sign_in
):
    data = two_years_of_work(officer, member)
    this_year, last_year = data["this_year"], data["last_year"]
    url = live_server.url

    # Signed in through the form, a member with no other role lands on the dashboard for this year.
    sign_in("member")
    expect(page).to_have_url(f"{url}/reporting/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Dashboard {this_year.label}")
    expect(card_figure(page, "card-activities")).to_have_text("2")
    expect(card_figure(page, "card-spend")).to_have_text("£750.00")
    accessible(page, "dashboard")

    # The year selector: last year has three activities (the cancelled one is not counted), £650.00.
    page.get_by_label("Financial year", exact=True).select_option(label=last_year.label)
    page.get_by_role("button", name="Show the year").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Dashboard {last_year.label}")
    expect(page).to_have_url(re.compile(rf"year={last_year.start}"))
    expect(card_figure(page, "card-activities")).to_have_text("3")
    expect(card_figure(page, "card-spend")).to_have_text("£650.00")
    expect(page.locator("main")).to_contain_text(f"Activities by strategic objective, {last_year.label}")
    accessible(page, "dashboard-last-year")

    # The matrix for that year: Krefeld x objective 1 holds the civic visit and the school exchange.
    page.goto(f"{url}/reporting/matrix/?year={last_year.start}")
    expect(page.get_by_role("heading", level=1)).to_contain_text(last_year.label)
    krefeld_row = page.locator("tbody tr", has_text="Krefeld")
    expect(krefeld_row.locator("td").nth(0)).to_contain_text("2 activities")
    expect(krefeld_row.locator("td").nth(0)).to_contain_text("£500.00")
    accessible(page, "matrix")
    krefeld_row.locator("td").nth(0).get_by_role("link").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Activities")
    expect(page.get_by_role("heading", level=2, name=re.compile("activit"))).to_have_text("2 activities")
    rows = page.locator("main table tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.filter(has_text="Civic visit")).to_have_count(1)
    expect(rows.filter(has_text="School exchange")).to_have_count(1)
    expect(page.locator(".app-list-total")).to_contain_text("£500.00")
    accessible(page, "matrix-cell-activities")

    # The meeting, from the list of meetings.
    page.goto(f"{url}/reporting/meetings/")
    accessible(page, "meetings")
    page.get_by_role("link", name="Overseas Links Working Party").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Overseas Links Working Party")
    expect(page.locator("main")).to_contain_text("Youth football exchange with Krefeld")
    accessible(page, "meeting")

    # Bad input first: more than the £1,500.00 asked for, then approving with no amount at all.
    page.get_by_label("Approve", exact=True).check()
    page.get_by_label("Amount approved (£)", exact=True).fill("1600.00")
    page.get_by_role("button", name="Record the decision").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter no more than the amount requested (£1,500.00)")
    expect(page.locator("#id_amount-error, .govuk-error-message").first).to_contain_text(
        "Enter no more than the amount requested (£1,500.00)"
    )
    accessible(page, "decision-error")
    summary.get_by_role("link").first.click()
    expect(page.get_by_label("Amount approved (£)", exact=True)).to_be_focused()

    page.get_by_label("Amount approved (£)", exact=True).fill("")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the amount approved")
    expect(page.locator(".govuk-form-group--error")).to_contain_text("Enter the amount approved")

    # Nothing was decided by the refused attempts.
    page.goto(f"{url}{data['application'].get_absolute_url()}")
    expect(page.locator("main .govuk-tag").first).to_have_text(re.compile("Considered", re.IGNORECASE))

    # Approved at the meeting with an amount and conditions.
    page.goto(f"{url}/reporting/meetings/{data['meeting'].pk}/")
    page.get_by_label("Approve", exact=True).check()
    page.get_by_label("Amount approved (£)", exact=True).fill("1200.00")
    conditions = page.get_by_label("Conditions of the grant (optional)", exact=True)
    conditions.fill("A report on the exchange by 31 March")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Decision recorded")
    expect(page.get_by_role("heading", level=1)).to_have_text("Overseas Links Working Party")
    expect(page.locator("main")).to_contain_text("£1,200.00")
    expect(page.locator("main")).to_contain_text("A report on the exchange by 31 March")
    expect(page.get_by_role("button", name="Record the decision")).to_have_count(0)
    accessible(page, "meeting-decided")

    # Out of order: the decision form opened again (an old tab) is refused, saying why.
    page.goto(f"{url}/reporting/meetings/{data['meeting'].pk}/grants/{data['application'].pk}/decide/")
    expect(page).to_have_url(f"{url}/reporting/meetings/{data['meeting'].pk}/")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "The application has already been decided (approved)"
    )

    page.get_by_role("link", name="The meeting's papers (printable)").click()
    expect(page.locator("main")).to_contain_text("Youth football exchange with Krefeld")
    accessible(page, "papers")

    page.goto(f"{url}{data['application'].get_absolute_url()}")
    expect(page.locator("main .govuk-tag").first).to_have_text(re.compile("Approved", re.IGNORECASE))
    expect(page.locator("main")).to_contain_text("£1,200.00")
    accessible(page, "grant")

    page.goto(f"{url}/partnerships/grants/")
    expect(page.locator("main")).to_contain_text("Youth football exchange with Krefeld")
    accessible(page, "grants")

    # The approved grant is committed on this year's grants line of the budget, not yet spent.
    page.goto(f"{url}{data['grants_budget_url']}")
    expect(line_cell(page, GRANTS, 1)).to_have_text("£1,200.00")
    expect(line_cell(page, GRANTS, 2)).to_have_text("£0.00")
    expect(line_cell(page, GRANTS, 3)).to_have_text("£3,800.00")
    accessible(page, "budget")


def test_the_health_table_and_since_page_are_accessible(page, live_server, officer, member, sign_in):
    two_years_of_work(officer, member)
    sign_in("member")
    for name, path in [("health", "/reporting/health/"), ("since", "/reporting/since/")]:
        page.goto(f"{live_server.url}{path}")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        expect(page.locator("main")).to_contain_text("Krefeld")
        accessible(page, name)
    # Numbers are right-aligned cells of the table like any other (one class attribute, not two).
    krefeld = page.locator("tr", has_text="Krefeld")
    page.goto(f"{live_server.url}/reporting/health/")
    expect(krefeld.locator("td.govuk-table__cell.govuk-table__cell--numeric")).to_have_count(2)
    expect(krefeld.locator("td.govuk-table__cell--numeric").last).to_have_text("£400.00")


def test_the_dashboard_fits_a_phone_without_scrolling_sideways(page, live_server, officer, member, sign_in):
    two_years_of_work(officer, member)
    page.set_viewport_size(PHONE)
    sign_in("member")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Dashboard")
    accessible(page, "dashboard-phone")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the dashboard is {width}px wide on a {PHONE['width']}px phone"
