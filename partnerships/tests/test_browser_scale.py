"""An officer reads a busy link's page, follows it to every activity of the link, and widens the
activity list from its default years: each page passes axe (issue 10)."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conftest import axe_violations
from partnerships.tests.factories import ActivityFactory, CostFactory, GiftFactory, PartnershipFactory
from strategy.financial_years import financial_year_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def accessible(page, name):
    page.screenshot(path=f"var/screenshots/partnerships-{name}.png", full_page=True)
    assert axe_violations(page) == [], name
    return page


def test_officer_reads_a_busy_link_and_widens_the_activity_list_to_every_year(
    page, live_server, officer, sign_in
):
    link = PartnershipFactory(place__name="Krefeld")
    year = financial_year_of(timezone.localdate())
    for start in (year.start, year.start - 5):
        first_day = year.first_day.replace(year=start)
        for n in range(8):
            day = first_day + timedelta(days=n)
            activity = ActivityFactory(
                partnership=link, title=f"Visit {start}-{n}", starts_on=day, ends_on=day
            )
            CostFactory(activity=activity, incurred_on=day, amount=Decimal("100.00"))
            GiftFactory(partnership=link, given_on=day, registered_on=day)
    sign_in("officer")

    page.goto(f"{live_server.url}{link.get_absolute_url()}")
    expect(page.get_by_role("heading", name="Activities by financial year")).to_be_visible()
    expect(page.get_by_role("row", name=year.label)).to_contain_text("£800.00")
    accessible(page, "link-busy")

    page.get_by_role("link", name="See every activity of this link").click()
    expect(page.get_by_role("heading", level=2, name="16 activities")).to_be_visible()
    accessible(page, "activities-of-a-link")

    page.goto(f"{live_server.url}/partnerships/activities/")
    expect(page.locator("main")).to_contain_text("Showing this and last financial year")
    expect(page.get_by_role("heading", level=2, name="8 activities")).to_be_visible()
    accessible(page, "activities-default-years")

    page.get_by_role("link", name="Show every year").click()
    expect(page.get_by_role("heading", level=2, name="16 activities")).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("Showing this and last financial year")
    accessible(page, "activities-every-year")
