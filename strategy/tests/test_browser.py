"""An officer in Chromium: turning an action red changes its objective's RAG counts; pages pass axe."""

from decimal import Decimal

import pytest

from conftest import axe_violations
from strategy.tests.factories import (
    ActionFactory,
    ActionPlanFactory,
    BudgetFactory,
    BudgetLineFactory,
    CorporateThemeFactory,
    ObjectiveFactory,
    SynopsisEntryFactory,
    WayForwardFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def rag_count(page, objective: int, rag: str) -> str:
    return page.locator(f'[data-objective="{objective}"] [data-rag="{rag}"]').inner_text()


def test_officer_turns_an_action_red_and_sees_the_objectives_rag_counts_change(
    page, live_server, officer, sign_in
):
    plan = ActionPlanFactory(financial_year=2026)
    objective = ObjectiveFactory(
        strategy=plan.strategy, number=1, title="Invest in international partnerships"
    )
    ActionFactory(action_plan=plan, objective=objective, reference="1a", description="Practitioner exchanges")
    ActionFactory(action_plan=plan, objective=objective, reference="1b", description="Trading links")
    sign_in("officer")

    page.goto(f"{live_server.url}/strategy/plans/{plan.pk}/")
    assert rag_count(page, 1, "red") == "Red: 0"
    assert rag_count(page, 1, "not_rated") == "Not rated: 2"
    assert axe_violations(page) == []

    page.get_by_role("link", name="Update 1a").click()
    page.get_by_label("Off track").check()
    page.get_by_label("Red").check()
    page.get_by_role("button", name="Add update").click()

    assert page.title().startswith("Error: ")
    assert page.locator(".govuk-error-summary").is_visible()
    assert axe_violations(page) == []
    page.screenshot(path="var/screenshots/strategy-update-error.png", full_page=True)

    page.get_by_label("What has happened").fill("The partner city postponed; we will rebook for the spring.")
    page.get_by_role("button", name="Add update").click()

    assert "Progress update added to 1a" in page.locator(".govuk-notification-banner").inner_text()
    assert rag_count(page, 1, "red") == "Red: 1"
    assert rag_count(page, 1, "not_rated") == "Not rated: 1"
    assert axe_violations(page) == []
    page.screenshot(path="var/screenshots/strategy-action-plan.png", full_page=True)


def test_strategy_and_budget_pages_are_accessible_and_fit_a_phone(page, live_server, officer, sign_in):
    plan = ActionPlanFactory()
    objective = ObjectiveFactory(strategy=plan.strategy, number=1, title="Embrace diverse communities")
    way = WayForwardFactory(objective=objective, letter="a", text="Liaising with local authority partners")
    ActionFactory(action_plan=plan, objective=objective, way_forward=way, lead_officer=officer)
    for name in ("Confident People", "Greater Prosperity", "A Beautiful Place"):
        SynopsisEntryFactory(
            objective=objective, theme=CorporateThemeFactory(name=name), text=f"Serves {name}"
        )
    BudgetLineFactory(
        budget=BudgetFactory(financial_year=2024, controllable_total=Decimal("100.00")),
        allocation=Decimal("100.00"),
        counts_toward_overseas_assistance_limit=True,
    )
    budget = BudgetFactory(financial_year=2025, controllable_total=Decimal("73400.00"))
    BudgetLineFactory(
        budget=budget,
        name="Grants to twinning associations",
        allocation=Decimal("73400.00"),
        counts_toward_overseas_assistance_limit=True,
    )
    page.set_viewport_size({"width": 375, "height": 740})
    sign_in("officer")

    for name, url in (
        ("strategy", f"/strategy/{plan.strategy_id}/"),
        ("action-plan", f"/strategy/plans/{plan.pk}/"),
        ("budget", f"/strategy/budgets/{budget.pk}/"),
        ("budget-form", f"/strategy/budgets/{budget.pk}/edit/"),
        ("indicators", f"/strategy/{plan.strategy_id}/indicators/"),
    ):
        page.goto(f"{live_server.url}{url}")
        assert page.get_by_role("heading", level=1).count() == 1
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), name
        assert axe_violations(page) == [], name
        page.screenshot(path=f"var/screenshots/strategy-{name}-phone.png", full_page=True)

    page.goto(f"{live_server.url}/strategy/budgets/{budget.pk}/")
    assert "would exceed twice the previous year's" in page.locator(".govuk-warning-text").inner_text()
