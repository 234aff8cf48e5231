"""Issue 13's changed pages in Chromium at desktop and phone widths: axe-core finds nothing, the page never
scrolls sideways at 375 px, and a wide table's scroll hint shows exactly when the table overflows."""

import pytest
from playwright.sync_api import expect

from conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"desktop": 1280, "phone": 375}
HINT = "Scroll the table sideways to see more"


@pytest.fixture
def changed_pages(officer):
    """The pages issue 13 changed, with records that show what changed on them."""
    from datetime import date

    from partnerships.tests.factories import ActivityFactory, AppraisalFactory, PartnershipFactory
    from strategy.tests.factories import CorporateThemeFactory

    CorporateThemeFactory(
        name="Confident People",
        description="Every objective that builds the confidence of the city's people " * 4,
    )
    drifting = PartnershipFactory(place__name="Krefeld", place__population=12000000)
    ActivityFactory(partnership=drifting, starts_on=date(2002, 9, 1), ends_on=date(2002, 9, 2))
    appraised = AppraisalFactory(partnership__place__name="Hefei").partnership
    return [
        "/",
        "/accessibility/",
        "/privacy/",
        "/strategy/themes/",
        "/partnerships/",
        "/partnerships/places/",
        f"/partnerships/{drifting.pk}/",
        f"/partnerships/{appraised.pk}/",
        "/partnerships/new/",
        "/partnerships/activities/?financial_year=2002",
        "/partnerships/activities/?financial_year=1901",
        "/reporting/health/",
    ]


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_the_changed_pages_are_accessible_and_fit_the_screen(
    page, live_server, sign_in, changed_pages, width
):
    page.set_viewport_size({"width": width, "height": 900})
    sign_in("officer")

    for url in changed_pages:
        page.goto(f"{live_server.url}{url}")

        assert page.title().endswith(" – International links – Leicester City Council"), url
        assert axe_violations(page) == [], url
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), url


def test_a_wide_table_says_it_scrolls_on_a_phone_and_not_on_a_desktop(
    page, live_server, sign_in, changed_pages
):
    sign_in("officer")
    hint = page.get_by_text(HINT)

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/strategy/themes/")
    expect(hint).to_be_hidden()

    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(f"{live_server.url}/strategy/themes/")
    expect(hint).to_be_visible()
    region = page.get_by_role("region", name="Corporate themes")
    region.focus()
    page.keyboard.press("ArrowRight")
    assert region.evaluate("element => element.scrollWidth > element.clientWidth")
    page.screenshot(path="var/screenshots/themes-phone.png", full_page=True)


def test_an_unknown_year_is_an_error_summary_that_takes_the_focus(page, live_server, sign_in, changed_pages):
    sign_in("officer")

    page.goto(f"{live_server.url}/partnerships/activities/?financial_year=1901")

    expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(page.locator(".govuk-error-summary")).to_contain_text("There are no activities in 1901/02")
    assert page.title().startswith("Error: ")
    assert page.get_by_label("Financial year").locator("option", has_text="2002/03").count() == 1


def test_the_footer_leads_to_the_accessibility_statement_without_signing_in(page, live_server):
    page.goto(f"{live_server.url}/sign-in/")

    page.get_by_role("link", name="Accessibility statement").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Accessibility statement for International links"
    )
    assert axe_violations(page) == []


@pytest.fixture
def new_pages(officer):
    """The pages issues 13 and 14 added, each with a record that fills it: a cost whose third meal
    breaks the cap with its repayment page, a gift naming its councillor, the import and open data."""
    from decimal import Decimal

    from intlinks.models import SiteSettings
    from partnerships import services
    from partnerships.models import Cost
    from partnerships.tests.factories import ActivityFactory, ConductPolicyFactory, CostFactory, GiftFactory

    ConductPolicyFactory()
    activity = ActivityFactory(title="Civic visit to Krefeld")
    cost = services.cost_save(
        cost=CostFactory.build(
            activity=activity,
            category=Cost.Category.SUBSISTENCE,
            meals=3,
            meal_amounts="20, 25, 45",
            amount=Decimal("90.00"),
        ),
        by=officer,
    )
    GiftFactory(person="Councillor Example", activity=activity, partnership=activity.partnership)
    SiteSettings(open_data=True).save()
    return [
        f"/partnerships/activities/{activity.pk}/",
        f"/partnerships/costs/{cost.pk}/repayment/",
        f"/partnerships/activities/gifts/new/?activity={activity.pk}",
        "/partnerships/activities/gifts/?person=Councillor+Example&sort=person",
        "/partnerships/activities/attention/",
        "/imports/",
        "/imports/activities/",
        "/open-data/",
    ]


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_the_new_pages_are_accessible_and_fit_the_screen(page, live_server, sign_in, new_pages, width):
    page.set_viewport_size({"width": width, "height": 900})
    sign_in("officer")

    for url in new_pages:
        response = page.goto(f"{live_server.url}{url}")

        assert response.status == 200, url
        assert page.title().endswith(" – International links – Leicester City Council"), url
        assert axe_violations(page) == [], url
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), url


def test_a_form_whose_security_token_went_stale_says_nothing_was_saved(page, live_server, sign_in, officer):
    """The token changed since the page was opened (here: its cookie is gone, as after signing in again
    in another tab): a GOV.UK page says what happened and what to do, on a phone too."""
    page.set_viewport_size({"width": WIDTHS["phone"], "height": 900})
    sign_in("officer")
    page.goto(f"{live_server.url}/partnerships/places/new/")
    page.context.clear_cookies(name="csrftoken")

    page.get_by_role("button", name="Save").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your form was not sent")
    expect(page.get_by_text("Nothing has been saved.")).to_be_visible()
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
