"""Strategies and budgets are archived, never deleted with their objectives, plans and lines."""

import pytest
from django.core.exceptions import ValidationError

from intlinks import services as shell
from strategy.models import Budget, BudgetLine, Objective, Strategy
from strategy.tests.factories import (
    ActionFactory,
    BudgetFactory,
    BudgetLineFactory,
    CorporateThemeFactory,
    IndicatorFactory,
    ObjectiveFactory,
    StrategyFactory,
    WayForwardFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    return client


def archive_through_admin(client, model, record, reason="Entered for the wrong council"):
    return client.post(
        f"/admin/strategy/{model._meta.model_name}/",
        {
            "action": "archive_selected",
            "_selected_action": [record.pk],
            "archive_reason": reason,
            "confirm": "yes",
        },
        follow=True,
    )


def test_refuses_to_delete_a_strategy_in_the_admin_and_archives_it_with_its_objectives(admin_client):
    strategy = StrategyFactory()
    ObjectiveFactory(strategy=strategy)

    assert (
        admin_client.post(f"/admin/strategy/strategy/{strategy.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    archive_through_admin(admin_client, Strategy, strategy)

    strategy.refresh_from_db()
    assert strategy.is_archived
    assert Objective.objects.filter(strategy=strategy).count() == 1
    assert strategy.history.first().archive_reason == "Entered for the wrong council"


@pytest.mark.parametrize("model", ["objective", "wayforward", "corporatetheme", "action", "indicator"])
def test_refuses_to_delete_a_part_of_the_plan_in_the_admin(admin_client, model):
    records = {
        "objective": ObjectiveFactory,
        "wayforward": WayForwardFactory,
        "corporatetheme": CorporateThemeFactory,
        "action": ActionFactory,
        "indicator": IndicatorFactory,
    }
    record = records[model]()

    response = admin_client.post(f"/admin/strategy/{model}/{record.pk}/delete/", {"post": "yes"})

    assert response.status_code == 403
    assert type(record).objects.filter(pk=record.pk).exists()


def test_refuses_to_delete_a_budget_in_the_admin_and_archives_it_with_its_lines(admin_client):
    line = BudgetLineFactory()

    assert (
        admin_client.post(f"/admin/strategy/budget/{line.budget_id}/delete/", {"post": "yes"}).status_code
        == 403
    )
    archive_through_admin(admin_client, Budget, line.budget)

    assert Budget.objects.get(pk=line.budget_id).is_archived
    assert BudgetLine.objects.filter(pk=line.pk).exists()


def test_hides_archived_strategies_and_budgets_from_the_strategy_page(officer_client, officer):
    StrategyFactory(title="Kept strategy")
    shell.record_archive(record=StrategyFactory(title="Gone strategy"), by=officer, reason="Duplicate")
    BudgetFactory(financial_year=2025, title="Kept budget")
    shell.record_archive(
        record=BudgetFactory(financial_year=2026, title="Gone budget"), by=officer, reason="x"
    )

    page = officer_client.get("/strategy/").content.decode()

    assert "Kept strategy" in page
    assert "Gone strategy" not in page
    assert "2025/26" in page
    assert "2026/27" not in page


def test_an_archived_budget_page_still_opens_saying_why(officer_client, officer):
    budget = BudgetFactory()
    shell.record_archive(record=budget, by=officer, reason="Entered in the wrong year")

    page = officer_client.get(f"/strategy/budgets/{budget.pk}/").content.decode()

    assert "Entered in the wrong year" in page


def test_refuses_to_change_an_archived_strategy_until_it_is_restored(officer_client, officer, administrator):
    strategy = StrategyFactory(title="Before")
    shell.record_archive(record=strategy, by=administrator, reason="Duplicate")
    strategy.refresh_from_db()
    strategy.title = "After"

    with pytest.raises(ValidationError, match="must restore it"):
        strategy.full_clean()

    shell.record_restore(record=strategy, by=administrator)
    assert "Before" in officer_client.get("/strategy/").content.decode()
