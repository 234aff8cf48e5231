"""Each role signs in through the real form in Chromium; every page they reach passes axe-core."""

import pytest
from playwright.sync_api import expect

from conftest import axe_violations
from intlinks.roles import MEMBER, ROLES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("role", ROLES, ids=[role.username for role in ROLES])
def test_each_role_signs_in_to_an_accessible_start_page(page, live_server, django_user_model, sign_in, role):
    from conftest import make_user

    make_user(django_user_model, role.username, role.name)

    sign_in(role.username)

    if role.name == MEMBER:  # a working-party member starts on the dashboard (issue 11)
        assert page.get_by_role("heading", level=1).inner_text().startswith("Dashboard ")
    else:
        assert page.get_by_role("heading", level=1).inner_text() == "International links"
        assert role.name.lower() in page.locator("main").inner_text().lower()
    assert axe_violations(page) == []
    page.screenshot(path=f"var/screenshots/start-{role.username}.png", full_page=True)


def test_sign_in_page_and_its_error_summary_are_accessible(page, live_server, officer, sign_in):
    page.goto(f"{live_server.url}/")
    assert page.url.endswith("/sign-in/?next=/")
    assert axe_violations(page) == []

    sign_in("officer", "not-the-password")

    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert page.title().startswith("Error: ")
    assert page.evaluate("document.activeElement.classList.contains('govuk-error-summary')")
    assert axe_violations(page) == []
    page.screenshot(path="var/screenshots/sign-in-error.png", full_page=True)


def test_start_page_fits_a_phone_and_skip_link_reaches_main(page, live_server, officer, sign_in):
    page.set_viewport_size({"width": 375, "height": 740})
    sign_in("officer")

    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("element => element === document.activeElement")
    page.screenshot(path="var/screenshots/start-phone.png", full_page=True)


def test_signing_out_returns_to_sign_in(page, live_server, officer, sign_in):
    sign_in("officer")

    page.get_by_role("button", name="Sign out").click()

    expect(page).to_have_url(f"{live_server.url}/sign-in/")
