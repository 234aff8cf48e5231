"""The admin: every model is there; progress updates are read-only; budgets go through their service."""

from decimal import Decimal

import pytest
from django.apps import apps

from strategy import services
from strategy.models import Budget
from strategy.tests.factories import BudgetFactory, BudgetLineFactory, ProgressUpdateFactory

pytestmark = pytest.mark.django_db

MODELS = [m for m in apps.get_app_config("strategy").get_models() if not m.__name__.startswith("Historical")]


@pytest.mark.parametrize("model", MODELS, ids=[m._meta.model_name for m in MODELS])
def test_every_strategy_model_is_in_the_admin(client, administrator, model):
    client.force_login(administrator)

    assert client.get(f"/admin/strategy/{model._meta.model_name}/").status_code == 200
    assert client.get(f"/admin/strategy/{model._meta.model_name}/add/").status_code == 200


def test_progress_updates_are_read_only_in_the_admin(client, administrator):
    update = ProgressUpdateFactory(recorded_by=administrator)
    client.force_login(administrator)

    response = client.post(
        f"/admin/strategy/progressupdate/{update.pk}/change/", {"status": "complete", "rag": "green"}
    )

    assert response.status_code == 403
    update.refresh_from_db()
    assert update.status == "on_track"


def admin_budget_post(total, *lines, initial=0):
    data = {
        "financial_year": "2025/26",
        "title": "Overseas Links Controllable Budget",
        "controllable_total": total,
        "source": "",
        "lines-TOTAL_FORMS": str(len(lines)),
        "lines-INITIAL_FORMS": str(initial),
        "lines-MIN_NUM_FORMS": "0",
        "lines-MAX_NUM_FORMS": "1000",
        "_save": "Save",
    }
    for index, line in enumerate(lines):
        for key, value in {"position": "0", "source": "", **line}.items():
            data[f"lines-{index}-{key}"] = value
    return data


@pytest.fixture
def service_calls(monkeypatch):
    """Every call of the budget service, which still does its work."""
    calls = []
    real = services.budget_save_with_lines

    def spy(**kwargs):
        calls.append(kwargs)
        return real(**kwargs)

    monkeypatch.setattr(services, "budget_save_with_lines", spy)
    return calls


def test_the_admin_saves_a_budget_and_its_lines_through_the_service(client, administrator, service_calls):
    client.force_login(administrator)

    response = client.post(
        "/admin/strategy/budget/add/",
        admin_budget_post(
            "100.00", {"name": "Grants", "allocation": "60"}, {"name": "Visits", "allocation": "40"}
        ),
    )

    assert response.status_code == 302
    budget = Budget.objects.get()
    assert sorted(budget.lines.values_list("name", "allocation")) == [
        ("Grants", Decimal("60.00")),
        ("Visits", Decimal("40.00")),
    ]
    assert len(service_calls) == 1


def test_the_admin_refuses_lines_that_do_not_add_up_to_the_total(client, administrator, service_calls):
    client.force_login(administrator)

    response = client.post(
        "/admin/strategy/budget/add/", admin_budget_post("100.00", {"name": "Grants", "allocation": "60"})
    )

    assert response.status_code == 200
    assert (
        "The allocations add up to £60.00, not the controllable budget of £100.00"
        in response.content.decode()
    )
    assert not Budget.objects.exists()
    assert service_calls == []


def test_the_admin_removes_a_line_and_changes_the_total_together(client, administrator):
    budget = BudgetFactory(controllable_total=Decimal("100.00"))
    keep = BudgetLineFactory(budget=budget, name="Grants", allocation=Decimal("60.00"))
    drop = BudgetLineFactory(budget=budget, name="Visits", allocation=Decimal("40.00"))
    client.force_login(administrator)

    response = client.post(
        f"/admin/strategy/budget/{budget.pk}/change/",
        admin_budget_post(
            "60.00",
            {"id": keep.pk, "budget": budget.pk, "name": "Grants", "allocation": "60.00"},
            {"id": drop.pk, "budget": budget.pk, "name": "Visits", "allocation": "40.00", "DELETE": "on"},
            initial=2,
        ),
    )

    assert response.status_code == 302
    budget.refresh_from_db()
    assert budget.controllable_total == Decimal("60.00")
    assert list(budget.lines.values_list("name", flat=True)) == ["Grants"]


def test_a_single_line_changed_in_the_admin_must_still_add_up(client, administrator, service_calls):
    budget = BudgetFactory(controllable_total=Decimal("100.00"))
    line = BudgetLineFactory(budget=budget, name="Grants", allocation=Decimal("100.00"))
    client.force_login(administrator)
    change = f"/admin/strategy/budgetline/{line.pk}/change/"
    data = {"name": "Grants to twinning associations", "position": "0", "source": "", "_save": "Save"}

    refused = client.post(change, {**data, "allocation": "90.00"})
    renamed = client.post(change, {**data, "allocation": "100.00"})

    assert "The allocations add up to £90.00" in refused.content.decode()
    assert renamed.status_code == 302
    line.refresh_from_db()
    assert (line.name, line.allocation) == ("Grants to twinning associations", Decimal("100.00"))
    assert len(service_calls) == 1
