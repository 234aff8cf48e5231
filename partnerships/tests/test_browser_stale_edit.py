"""Two officers edit a place's notes at once: the second save is refused, shows the first one's change
beside her own, and saving again deliberately keeps hers."""

import re

import pytest
from playwright.sync_api import expect

from conftest import axe_violations, sign_in_through_the_form
from partnerships.models import Place
from partnerships.tests.factories import PlaceFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def signed_in_page(browser, live_server, username):
    """A browser context of its own (its own cookies), signed in through the real form."""
    return sign_in_through_the_form(browser.new_context().new_page(), live_server.url, username)


def test_a_stale_edit_is_refused_with_what_changed_and_saving_again_reapplies_it(
    browser, live_server, officer, colleague
):
    place = PlaceFactory(name="Krefeld", country="DE", notes="Twinned since 1962.")
    url = f"{live_server.url}/partnerships/places/{place.pk}/edit/"
    mine = signed_in_page(browser, live_server, "officer")
    theirs = signed_in_page(browser, live_server, "colleague")
    mine.goto(url)
    theirs.goto(url)

    theirs.get_by_label("Notes").fill("Twinned since 1962. The mayor visits in May.")
    theirs.get_by_role("button", name="Save place").click()
    expect(theirs.locator("main")).to_contain_text("Place saved")

    mine.get_by_label("Notes").fill("Twinned since 1962. School exchange in June.")
    mine.get_by_role("button", name="Save place").click()

    expect(mine).to_have_title(re.compile(r"^Error: "))
    expect(mine.locator(".govuk-error-summary")).to_contain_text(
        "Someone else saved this after you opened it"
    )
    banner = mine.get_by_role("region", name="Changed by someone else")
    expect(banner).to_contain_text("Colleague saved this")
    row = banner.get_by_role("row", name=re.compile("^Notes"))
    expect(row).to_contain_text("The mayor visits in May.")
    expect(row).to_contain_text("School exchange in June.")
    expect(mine.get_by_label("Notes")).to_have_value("Twinned since 1962. School exchange in June.")
    mine.screenshot(path="var/screenshots/partnerships-stale-edit.png", full_page=True)
    assert axe_violations(mine) == []

    mine.get_by_role("button", name="Save place").click()
    expect(mine.locator("main")).to_contain_text("Place saved")
    place.refresh_from_db()
    assert place.notes == "Twinned since 1962. School exchange in June."
    assert Place.history.filter(id=place.pk).count() == 3
