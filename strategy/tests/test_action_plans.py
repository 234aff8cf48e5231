"""Action plans and their actions: the services' rules, the plan page (RAG counts, filters), the CSV."""

import csv
import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from intlinks.tests.queries import assert_fixed_queries, queries_for
from strategy import services
from strategy.models import Action, ActionPlan
from strategy.tests.factories import (
    ActionFactory,
    ActionPlanFactory,
    ObjectiveFactory,
    StrategyFactory,
    WayForwardFactory,
)

pytestmark = pytest.mark.django_db


def test_refuses_a_second_action_plan_for_the_same_year():
    plan = ActionPlanFactory(financial_year=2025)

    with pytest.raises(ValidationError) as error:
        services.action_plan_create(strategy=plan.strategy, financial_year=2025)

    assert error.value.message_dict["financial_year"] == [
        "The strategy already has an action plan for 2025/26"
    ]
    assert ActionPlan.objects.count() == 1


def test_refuses_an_action_plan_outside_the_strategy():
    strategy = StrategyFactory(first_year=2024, last_year=2027)

    with pytest.raises(ValidationError) as error:
        services.action_plan_create(strategy=strategy, financial_year=2028)

    assert "within the strategy, 2024/25 to 2027/28" in error.value.message_dict["financial_year"][0]


def test_refuses_an_action_due_before_it_starts():
    plan = ActionPlanFactory()
    action = Action(
        action_plan=plan,
        objective=ObjectiveFactory(strategy=plan.strategy),
        reference="1a",
        description="Exchange visit",
        start_date=date(2026, 5, 1),
        due_date=date(2026, 4, 30),
    )

    with pytest.raises(ValidationError) as error:
        services.action_save(action=action)

    assert error.value.message_dict == {
        "due_date": ["The due date must be the same as or after the start date"]
    }
    assert not Action.objects.exists()


def test_refuses_a_negative_planned_cost():
    action = ActionFactory.build(action_plan=ActionPlanFactory(), planned_cost=Decimal("-1.00"))
    action.objective = ObjectiveFactory(strategy=action.action_plan.strategy)

    with pytest.raises(ValidationError) as error:
        services.action_save(action=action)

    assert error.value.message_dict["planned_cost"] == ["Enter an amount of £0 or more"]


def test_refuses_a_way_forward_of_another_objective():
    plan = ActionPlanFactory()
    objective = ObjectiveFactory(strategy=plan.strategy)
    other_way = WayForwardFactory(objective=ObjectiveFactory(strategy=plan.strategy))
    action = ActionFactory.build(action_plan=plan, objective=objective, way_forward=other_way)

    with pytest.raises(ValidationError) as error:
        services.action_save(action=action)

    assert "way_forward" in error.value.message_dict


def test_the_database_refuses_an_action_due_before_it_starts_even_without_the_form():
    action = ActionFactory()
    Action.objects.filter(pk=action.pk)
    with pytest.raises(IntegrityError):
        Action.objects.filter(pk=action.pk).update(due_date=action.start_date - timedelta(days=1))


def build_plan(actions: int, officer):
    plan = ActionPlanFactory()
    objectives = [ObjectiveFactory(strategy=plan.strategy, number=n) for n in (1, 2)]
    for index in range(actions):
        objective = objectives[index % 2]
        action = ActionFactory(
            action_plan=plan,
            objective=objective,
            way_forward=WayForwardFactory(
                objective=objective, letter="abcdefghijklmnopqrstuvwxyz"[index % 26]
            )
            if index < 26
            else None,
            lead_officer=officer,
        )
        if index % 3 == 0:
            services.progress_update_add(action=action, by=officer, status="at_risk", rag="amber")
    return plan


def rag_counts(page: str, objective: int) -> str:
    start = page.index(f'data-objective="{objective}"')
    return page[start : page.index("</ul>", start)]


def test_action_plan_groups_actions_by_objective_with_rag_counts(officer_client, officer):
    plan = build_plan(4, officer)  # objective 1: actions 0 (amber) and 2; objective 2: 1 and 3 (amber)

    page = officer_client.get(f"/strategy/plans/{plan.pk}/").content.decode()

    assert "Objective 1: " in page
    assert "Amber: 1" in rag_counts(page, 1)
    assert "Not rated: 1" in rag_counts(page, 1)
    assert "Red: 0" in rag_counts(page, 2)


def test_action_plan_filters_by_rag_but_counts_stay_for_the_whole_plan(officer_client, officer):
    plan = build_plan(4, officer)
    amber = {a.reference for a in plan.actions.with_progress().filter(current_rag="amber")}

    page = officer_client.get(f"/strategy/plans/{plan.pk}/", {"rag": "amber"}).content.decode()

    assert "2 actions match the filters." in page
    for action in plan.actions.all():
        assert (f">{action.reference}</a>" in page) == (action.reference in amber)
    assert "Not rated: 1" in rag_counts(page, 1)


def test_action_plan_uses_the_same_queries_for_3_or_30_actions(officer_client, officer):
    small, large = build_plan(3, officer), build_plan(30, officer)
    for query in ("", "?rag=amber&flag=overdue"):
        assert_fixed_queries(
            queries_for(officer_client, f"/strategy/plans/{small.pk}/{query}"),
            queries_for(officer_client, f"/strategy/plans/{large.pk}/{query}"),
            at_most=10,
        )


def test_actions_csv_has_each_actions_current_progress(officer_client, officer):
    plan = build_plan(3, officer)

    response = officer_client.get(f"/strategy/plans/{plan.pk}/actions.csv")

    rows = list(csv.DictReader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert len(rows) == 3
    assert rows[0]["RAG"] == "Amber"  # labels, not codes (issue 13)
    assert rows[0]["Planned cost (£)"] == "100.00"


def test_a_second_action_plan_for_the_same_year_is_refused_beside_the_year(officer_client):
    plan = ActionPlanFactory(financial_year=2025)

    response = officer_client.post(f"/strategy/{plan.strategy_id}/plans/new/", {"financial_year": "2025/26"})

    assert "The strategy already has an action plan for 2025/26" in response.content.decode()
    assert ActionPlan.objects.count() == 1


def test_an_action_plan_year_is_typed_as_the_council_writes_it(officer_client):
    strategy = StrategyFactory(first_year=2024, last_year=2027)

    response = officer_client.post(f"/strategy/{strategy.pk}/plans/new/", {"financial_year": "2026/27"})

    assert response.status_code == 302
    assert ActionPlan.objects.get().financial_year == 2026


def test_an_action_due_before_it_starts_is_refused_beside_the_due_date(officer_client):
    plan = ActionPlanFactory()
    objective = ObjectiveFactory(strategy=plan.strategy)

    response = officer_client.post(
        f"/strategy/plans/{plan.pk}/actions/new/",
        {
            "reference": "1a",
            "description": "Exchange",
            "objective": objective.pk,
            "start_date": "2026-05-01",
            "due_date": "2026-04-01",
            "planned_cost": "10.00",
        },
    )

    assert "The due date must be the same as or after the start date" in response.content.decode()
    assert not plan.actions.exists()
