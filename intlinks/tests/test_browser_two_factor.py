"""Issue 15: an Administrator's two-factor sign-in in Chromium, checked with axe-core: setting up an
app from the page's QR code or key, a wrong code, and the second step at the next sign-in."""

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD, axe_violations, give_the_apps_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def password_step(page, base_url):
    page.goto(f"{base_url}/sign-in/")
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def test_an_administrator_sets_up_an_app_then_gives_its_code_at_the_next_sign_in(
    page, live_server, administrator
):
    password_step(page, live_server.url)

    expect(page.get_by_role("heading", level=1)).to_have_text("Set up an authenticator app")
    expect(page.get_by_role("img", name="QR code of the key for your authenticator app")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label("Code from your authenticator app").fill("12345")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the 6-digit code")
    assert axe_violations(page) == []

    give_the_apps_code(page, "admin")
    expect(page.get_by_role("link", name="Manage user accounts and roles", exact=False)).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    password_step(page, live_server.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter the code from your authenticator app")
    assert axe_violations(page) == []
    page.screenshot(path="var/screenshots/two-factor-code.png", full_page=True)
