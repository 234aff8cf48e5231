"""An officer records a place, a link, its charter and an annual review, and sees the drift end."""

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from conftest import axe_violations, fill_date

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def accessible(page, name):
    page.screenshot(path=f"var/screenshots/partnerships-{name}.png", full_page=True)
    assert axe_violations(page) == [], name
    return page


def test_officer_records_a_link_with_its_charter_and_review_and_it_stops_drifting(
    page, live_server, officer, sign_in, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    sign_in("officer")
    page.get_by_role("link", name="Partnerships").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Partnerships")
    accessible(page, "list-empty")

    page.get_by_role("link", name="Partner places", exact=True).click()
    page.get_by_role("link", name="Add a partner place").click()
    page.get_by_label("Name", exact=True).fill("Haskovo")
    page.get_by_label("Country").select_option("BG")
    page.get_by_label("Latitude").fill("41.93440")
    page.get_by_label("Longitude").fill("25.55560")
    accessible(page, "place-form")
    page.get_by_role("button", name="Save place").click()
    expect(page.locator("main")).to_contain_text("Place saved")

    page.goto(f"{live_server.url}/partnerships/")
    page.get_by_role("link", name="Record a link").click()
    page.get_by_label("Place", exact=True).select_option(label="Haskovo (Bulgaria)")
    page.get_by_label("Kind of link").select_option(label="Formal twinning with a charter")
    page.get_by_label("Status when recorded").select_option(label="Formalised/active")
    page.get_by_label("Year it began").fill("2099")
    page.get_by_role("button", name="Save link").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.locator("#div_id_began_year .govuk-error-message")).to_contain_text(
        "An established link cannot begin after this year"
    )
    accessible(page, "link-form-error")
    page.get_by_label("Year it began").fill("2008")
    page.get_by_role("button", name="Save link").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Haskovo, Bulgaria")
    expect(page.locator(".govuk-tag--red", has_text="Drifting")).to_be_visible()
    accessible(page, "link-drifting")

    page.get_by_role("link", name="Record an agreement").click()
    page.get_by_label("Twinning charter").check()
    fill_date(page, "#id_signed_on", "2008-05-09")
    page.get_by_label("Signatories").fill("The Lord Mayor of Leicester\nThe Mayor of Haskovo")
    page.get_by_label("Signed document").set_input_files(
        files=[{"name": "charter.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    accessible(page, "agreement-form")
    page.get_by_role("button", name="Save agreement").click()
    expect(page.get_by_role("link", name="Download the signed twinning charter")).to_be_visible()

    page.get_by_role("link", name="Record an annual review").click()
    today = date.today()
    fill_date(page, "#id_reviewed_on", today)
    page.get_by_label("Yes").check()
    page.get_by_label("Outcomes achieved").fill("Exchanges between schools through CLETA.")
    page.get_by_label("Green").check()
    page.get_by_label("Continue").check()
    fill_date(page, "#id_next_review_due", today + timedelta(days=365))
    accessible(page, "review-form")
    page.get_by_role("button", name="Save review").click()

    expect(page.locator("main")).to_contain_text("Annual review saved")
    expect(page.locator(".govuk-tag--red", has_text="Drifting")).to_have_count(0)
    expect(page.locator("main")).to_contain_text("Twinning charter signed")
    accessible(page, "link-reviewed")

    page.get_by_role("link", name="Partnerships").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Partnerships")
    expect(page.get_by_role("link", name="Haskovo")).to_be_visible()
    expect(page.locator(".govuk-tag--red", has_text="Drifting")).to_have_count(0)
    accessible(page, "list")


def test_map_and_list_fit_a_phone(page, live_server, officer, sign_in):
    from io import StringIO

    from partnerships import demo

    demo.load(StringIO())
    page.set_viewport_size({"width": 375, "height": 740})
    sign_in("officer")

    for path, name in [("/partnerships/", "list-phone"), ("/partnerships/map/", "map-phone")]:
        page.goto(f"{live_server.url}{path}")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path
        accessible(page, name)
    page.set_viewport_size({"width": 1100, "height": 800})
    page.goto(f"{live_server.url}/partnerships/map/")
    accessible(page, "map")
