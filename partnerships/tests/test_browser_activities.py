"""An officer logs a visit with three costs, one breaking the travel rule; a colleague approves it."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from conftest import axe_violations, fill_date
from partnerships.tests.factories import (
    ActivityFactory,
    ConductPolicyFactory,
    ExternalFundingFactory,
    GiftFactory,
    PartnershipFactory,
    budget_line_for,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def accessible(page, name):
    page.screenshot(path=f"var/screenshots/activities-{name}.png", full_page=True)
    assert axe_violations(page) == [], name
    return page


RISK_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def fill_cost(page, index, **fields):
    """Add a cost ("Add another cost") and fill it in."""
    page.get_by_role("button", name="Add another cost").click()
    for name, value in fields.items():
        if name == "incurred_on":
            fill_date(page, f"#id_costs-{index}-{name}", value)
            continue
        locator = page.locator(f"#id_costs-{index}-{name}")
        if locator.evaluate("element => element.tagName") == "SELECT":
            locator.select_option(value)
        else:
            locator.fill(value)


def spent_cell(page, line_name):
    """The Spent column (allocated, committed, spent, remaining) of a budget line's row."""
    return page.locator("tr", has_text=line_name).locator("td").nth(2)


def test_a_visit_with_a_business_class_breach_is_justified_approved_and_counted_as_spent(
    page, live_server, officer, colleague, sign_in
):
    ConductPolicyFactory()
    link = PartnershipFactory(place__name="Krefeld", place__country="DE")
    line = budget_line_for(2026, "Civic visits")
    sign_in("officer")
    page.goto(f"{live_server.url}{line.budget.get_absolute_url()}")
    expect(spent_cell(page, "Civic visits")).to_have_text("£0.00")

    page.goto(f"{live_server.url}/partnerships/{link.pk}/")
    page.get_by_role("link", name="Log an activity").click()
    page.get_by_label("Kind").select_option(label="Outgoing visit")
    page.get_by_label("Title").fill("Civic visit to Krefeld")
    fill_date(page, "#id_starts_on", "2026-06-01")
    fill_date(page, "#id_ends_on", "2026-06-04")
    page.get_by_label("Purpose").fill("Agree the school exchanges")
    page.get_by_label("Expected benefit").fill("Twenty pupils abroad")
    common = {
        "stage": "actual",
        "paid_by": "council",
        "budget_line": str(line.pk),
        "incurred_on": "2026-06-01",
    }
    fill_cost(
        page, 0, category="travel", amount="420.00", travel_class="business", journey_hours="1.5", **common
    )
    fill_cost(
        page,
        1,
        category="accommodation",
        amount="390.00",
        currency="EUR",
        rate_to_gbp="0.85",
        region="europe",
        nights="3",
        **common,
    )
    fill_cost(
        page, 2, category="subsistence", amount="-75.00", meals="3", meal_amounts="20, 25, 30", **common
    )
    accessible(page, "log-form")
    page.get_by_role("button", name="Save the activity").click()

    expect(page).to_have_title(re.compile(r"^Error: Log an activity"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Cost 3: The amount cannot be negative")
    accessible(page, "log-form-error")
    page.locator("#id_costs-2-amount").fill("75.00")
    page.get_by_role("button", name="Save the activity").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Civic visit to Krefeld")
    expect(page.locator("main")).to_contain_text("Business class for a 1.5-hour journey")
    # The checklist before travel and an unresolved breach: the page says why instead of the buttons.
    expect(page.get_by_role("button", name="Mark complete")).to_have_count(0)
    expect(page.locator("main")).to_contain_text(
        "It cannot be marked ready to travel until it has a risk assessment uploaded as evidence"
    )
    page.get_by_label("Why is the breach necessary?").fill("Medical advice: the councillor must lie flat")
    page.get_by_role("button", name="Save the justification").click()
    expect(page.locator("main")).to_contain_text("a second person must now approve it")
    expect(page.get_by_role("button", name=re.compile("Approve the breach"))).to_have_count(0)
    accessible(page, "activity-justified")

    page.context.clear_cookies()
    sign_in("colleague")
    page.goto(f"{live_server.url}/partnerships/activities/attention/")
    accessible(page, "needs-attention")
    page.get_by_role("link", name="Civic visit to Krefeld").click()
    page.get_by_role("button", name=re.compile("Approve the breach")).click()
    expect(page.locator("main")).to_contain_text("Approved by Colleague")
    # Every party that travels: insurance confirmed and a risk assessment, then ready, then complete.
    page.get_by_role("link", name="Checklist before travel").click()
    page.get_by_label("Insurance for travelling and public liability confirmed").check()
    page.get_by_role("button", name="Save the checklist").click()
    page.get_by_role("link", name="Add evidence").click()
    page.get_by_label("Risk assessment").check()
    page.get_by_label("Title").fill("Risk assessment for Krefeld")
    page.get_by_label("File").set_input_files(
        files=[{"name": "risk.pdf", "mimeType": "application/pdf", "buffer": RISK_PDF}]
    )
    page.get_by_role("button", name="Upload").click()
    page.get_by_role("button", name="Mark ready to travel").click()
    page.get_by_role("button", name="Mark complete").click()
    expect(
        page.locator(".govuk-tag", has_text="Complete").first
    ).to_be_visible()  # the state, then the checklist
    accessible(page, "activity-complete")

    page.goto(f"{live_server.url}{line.budget.get_absolute_url()}")
    # £420.00 + €390.00 at 0.85 (£331.50) + £75.00
    expect(spent_cell(page, "Civic visits")).to_have_text("£826.50")
    page.goto(f"{live_server.url}/partnerships/activities/")
    accessible(page, "activity-list")


def test_the_register_funding_and_checklist_pages_are_accessible(page, live_server, officer, sign_in):
    ConductPolicyFactory()
    link = PartnershipFactory(place__name="Rajkot", place__country="IN")
    youth = ActivityFactory(partnership=link, kind="youth_exchange", young_people=8, title="School exchange")
    GiftFactory(
        partnership=link, activity=youth, direction="received", value=Decimal("150"), breach="Worth £150.00"
    )
    ExternalFundingFactory(partnership=link)
    sign_in("officer")
    for name, path in [
        ("gifts", "/partnerships/activities/gifts/"),
        ("gift-form", "/partnerships/activities/gifts/new/"),
        ("funding", "/partnerships/activities/funding/"),
        ("funding-form", "/partnerships/activities/funding/new/"),
        ("youth-activity", f"/partnerships/activities/{youth.pk}/"),
        ("safeguarding", f"/partnerships/activities/{youth.pk}/safeguarding/"),
        ("evidence-form", f"/partnerships/activities/{youth.pk}/evidence/new/"),
        ("partnership", f"/partnerships/{link.pk}/"),
    ]:
        page.goto(f"{live_server.url}{path}")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        accessible(page, name)
    page.goto(f"{live_server.url}/partnerships/activities/{youth.pk}/")
    # The checklist is incomplete: the page says what is missing instead of offering the button.
    expect(page.get_by_role("button", name="Mark ready to travel")).to_have_count(0)
    expect(page.locator(".govuk-notification-banner, .govuk-error-summary, main").first).to_contain_text(
        "parental consent for every young participant (0 of 8 received)"
    )


def test_a_cost_shows_only_the_details_its_category_needs(page, live_server, officer, sign_in):
    partnership = PartnershipFactory()
    sign_in("officer")
    page.goto(f"{live_server.url}/partnerships/{partnership.pk}/activities/new/")

    page.get_by_role("button", name="Add another cost").click()
    page.locator("#id_costs-0-category").select_option("venue")
    cost = page.locator("[data-formset-row='costs']").nth(0)
    for details in ("travel", "accommodation", "subsistence"):
        expect(cost.locator(f"fieldset[data-cost-details='{details}']")).to_be_hidden()

    page.locator("#id_costs-0-category").select_option("subsistence")

    expect(cost.locator("fieldset[data-cost-details='subsistence']")).to_be_visible()
    expect(cost.locator("fieldset[data-cost-details='travel']")).to_be_hidden()
    expect(page.locator("#id_costs-0-meals")).to_be_editable()


def test_a_complete_activity_is_reopened_with_a_reason_and_then_cancelled(
    page, live_server, officer, sign_in
):
    from partnerships import services

    activity = services.activity_mark_complete(activity=ActivityFactory(title="Civic visit"), by=officer)
    sign_in("officer")
    page.goto(f"{live_server.url}{activity.get_absolute_url()}")
    expect(page.get_by_role("link", name="Edit the activity, its costs and outcomes")).to_have_count(0)
    expect(page.locator("main")).to_contain_text("The activity is complete: reopen it, with a reason")
    accessible(page, "activity-locked")

    page.get_by_role("link", name="Reopen the activity").click()
    page.get_by_role("button", name="Reopen the activity").click()
    expect(page).to_have_title(re.compile(r"^Error: Reopen the activity"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the reason")
    accessible(page, "reopen-error")
    page.get_by_label("Why is the activity reopened?").fill("The outcomes were recorded on the wrong visit")
    page.get_by_role("button", name="Reopen the activity").click()
    expect(page.locator("main")).to_contain_text("The outcomes were recorded on the wrong visit")
    expect(page.get_by_role("link", name="Edit the activity, its costs and outcomes")).to_be_visible()
    accessible(page, "activity-reopened")

    page.get_by_role("link", name="Cancel the activity").click()
    accessible(page, "cancel-form")
    page.get_by_label("Why is the activity cancelled?").fill("The partner postponed the visit")
    page.get_by_role("button", name="Cancel the activity").click()
    expect(page.locator(".govuk-tag", has_text="Cancelled")).to_be_visible()
    expect(page.locator("main")).to_contain_text("The partner postponed the visit")
