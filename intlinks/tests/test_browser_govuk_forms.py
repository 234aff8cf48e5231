"""The GOV.UK form kit in a browser: a date typed as day, month and year, its errors, at 1280 and 375 px."""

import pytest
from playwright.sync_api import expect

from conftest import axe_violations, fill_date
from partnerships.models import Gift
from partnerships.tests.factories import PartnershipFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 812}


def accessible(page, name):
    page.screenshot(path=f"var/screenshots/forms-{name}.png", full_page=True)
    assert axe_violations(page) == [], name
    return page


def test_a_gift_with_an_impossible_date_is_corrected_in_the_date_boxes(page, live_server, officer, sign_in):
    PartnershipFactory(place__name="Krefeld", place__country="DE")
    sign_in("officer")
    page.goto(f"{live_server.url}/partnerships/activities/gifts/new/")
    given = page.get_by_role("group", name="Date given, received or offered")
    expect(given).to_contain_text("For example, 27 3 2026")
    expect(page.get_by_text("Partnership (optional)")).to_be_visible()
    expect(page.locator("#id_partnership option").first).to_have_text("Choose a partnership")
    accessible(page, "gift-1280")

    page.get_by_label("Received", exact=True).check()
    page.get_by_label("Gift", exact=True).check()
    page.get_by_label("From or to whom").fill("The Mayor of Krefeld")
    page.get_by_label("Public body").check()
    page.get_by_label("Description").fill("A book about the city")
    page.get_by_label("Estimated value (£)").fill("25.00")
    page.locator("#id_given_on_0").fill("31")
    page.locator("#id_given_on_1").fill("2")
    page.locator("#id_given_on_2").fill("2026")
    page.get_by_role("button", name="Save the entry").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Date given, received or offered must be a real date")
    expect(page.locator("#id_given_on_0")).to_have_class(
        "govuk-input govuk-date-input__input govuk-input--width-2 govuk-input--error"
    )
    summary.get_by_role("link", name="Date given, received or offered must be a real date").click()
    expect(page.locator("#id_given_on_0")).to_be_focused()
    expect(page.locator("#id_given_on_0")).to_have_value("31")
    accessible(page, "gift-error-1280")
    page.set_viewport_size(PHONE)
    accessible(page, "gift-error-375")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    fill_date(page, "#id_given_on", "2026-02-28")
    page.get_by_role("button", name="Save the entry").click()
    expect(page.locator(".govuk-notification-banner")).to_be_visible()
    assert Gift.objects.get().given_on.isoformat() == "2026-02-28"
