"""Corporate themes: the managed list whose active entries are the columns of the synopsis matrix."""

import pytest

from intlinks.tests.queries import assert_fixed_queries, queries_for
from strategy.models import CorporateTheme
from strategy.tests.factories import CorporateThemeFactory

pytestmark = pytest.mark.django_db


def test_officer_adds_a_theme_that_becomes_a_synopsis_column(officer_client):
    response = officer_client.post(
        "/strategy/themes/new/",
        {"name": "A Beautiful Place", "description": "", "position": "3", "is_active": "on", "source": ""},
        follow=True,
    )

    assert "Corporate theme added" in response.content.decode()
    theme = CorporateTheme.objects.get(name="A Beautiful Place")
    assert theme.is_active
    assert theme.history.count() == 1


def test_a_second_theme_of_the_same_name_is_refused_beside_the_field(officer_client):
    CorporateThemeFactory(name="Confident People")

    response = officer_client.post(
        "/strategy/themes/new/", {"name": "Confident People", "position": "1", "is_active": "on"}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    beside_name = page.split('id="id_name_1_error"')[1].split("</span>", 2)[1]
    assert "There is already a corporate theme called Confident People" in beside_name
    assert CorporateTheme.objects.filter(name="Confident People").count() == 1


def test_officer_retires_a_theme_without_losing_it(officer_client):
    theme = CorporateThemeFactory(name="Greater Prosperity")

    officer_client.post(
        f"/strategy/themes/{theme.pk}/edit/", {"name": "Greater Prosperity", "position": "2", "source": ""}
    )

    theme.refresh_from_db()
    assert not theme.is_active


def test_theme_list_uses_the_same_queries_for_3_or_30_themes(officer_client):
    CorporateThemeFactory.create_batch(3)
    few = queries_for(officer_client, "/strategy/themes/")
    CorporateThemeFactory.create_batch(27)
    assert_fixed_queries(few, queries_for(officer_client, "/strategy/themes/"), at_most=5)


def test_members_can_read_but_not_change_themes(client, member):
    client.force_login(member)

    assert client.get("/strategy/themes/").status_code == 200
    assert client.get("/strategy/themes/new/").status_code == 403


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_theme_pages_are_accessible(page, live_server, officer, sign_in):
    from playwright.sync_api import expect

    from conftest import axe_violations

    CorporateThemeFactory(name="Confident People")
    sign_in("officer")

    page.goto(f"{live_server.url}/strategy/themes/")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Add a corporate theme").click()
    page.get_by_label("Name").fill("Confident People")
    page.get_by_role("button", name="Save").click()

    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert axe_violations(page) == []
    page.screenshot(path="var/screenshots/strategy-theme-error.png", full_page=True)
