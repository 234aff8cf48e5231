"""The officer pages: what each shows, what each form refuses, and fixed query counts."""

import csv
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from strategy import services
from strategy.models import ActionPlan, Budget, BudgetLine, ProgressUpdate
from strategy.tests.factories import (
    ActionFactory,
    ActionPlanFactory,
    BudgetFactory,
    BudgetLineFactory,
    CorporateThemeFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    ObjectiveFactory,
    StrategyFactory,
    SynopsisEntryFactory,
    WayForwardFactory,
)

pytestmark = pytest.mark.django_db


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


# --- Strategy page -----------------------------------------------------------------------------


def build_strategy(objectives: int):
    strategy = StrategyFactory()
    themes = [CorporateThemeFactory(name=name) for name in ("Confident People", "Greater Prosperity")]
    for number in range(1, objectives + 1):
        objective = ObjectiveFactory(strategy=strategy, number=number)
        WayForwardFactory(objective=objective, letter="a")
        WayForwardFactory(objective=objective, letter="b")
        for theme in themes:
            SynopsisEntryFactory(objective=objective, theme=theme, text=f"Objective {number} serves {theme}")
    ActionPlanFactory(strategy=strategy)
    return strategy


def test_strategy_page_shows_aims_objectives_ways_forward_and_the_synopsis_table(officer_client):
    strategy = build_strategy(2)

    page = officer_client.get(f"/strategy/{strategy.pk}/").content.decode()

    assert "To raise public awareness of global issues" in page
    assert "How will this objective be taken forward?" in page
    assert '<th scope="col" class="govuk-table__header">Greater Prosperity</th>' in page
    assert "Objective 2 serves Greater Prosperity" in page
    assert 'role="region"' in page


def test_strategy_page_uses_the_same_queries_for_3_or_30_objectives(officer_client):
    small, large = build_strategy(3), build_strategy(30)
    assert queries_for(officer_client, f"/strategy/{small.pk}/") == queries_for(
        officer_client, f"/strategy/{large.pk}/"
    )


# --- Action plan page --------------------------------------------------------------------------


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
    assert queries_for(officer_client, f"/strategy/plans/{small.pk}/") == queries_for(
        officer_client, f"/strategy/plans/{large.pk}/"
    )
    assert queries_for(officer_client, f"/strategy/plans/{small.pk}/?rag=amber&flag=overdue") == queries_for(
        officer_client, f"/strategy/plans/{large.pk}/?rag=amber&flag=overdue"
    )


def test_actions_csv_has_each_actions_current_progress(officer_client, officer):
    plan = build_plan(3, officer)

    response = officer_client.get(f"/strategy/plans/{plan.pk}/actions.csv")

    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert len(rows) == 3
    assert rows[0]["RAG"] == "amber"
    assert rows[0]["planned cost"] == "100.00"


# --- Quick progress update ---------------------------------------------------------------------


def test_officer_turns_an_action_red_with_a_note(officer_client):
    action = ActionFactory()

    response = officer_client.post(
        f"/strategy/actions/{action.pk}/update/",
        {"status": "off_track", "rag": "red", "note": "Venue lost; we will book the library instead"},
    )

    assert response.status_code == 302
    update = ProgressUpdate.objects.get()
    assert (update.rag, update.recorded_by.username) == ("red", "officer")


def test_red_without_a_note_is_refused_beside_the_note(officer_client):
    action = ActionFactory()

    response = officer_client.post(
        f"/strategy/actions/{action.pk}/update/", {"status": "off_track", "rag": "red", "note": ""}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in page
    assert "govuk-error-summary" in page
    assert 'id="id_note_1_error"' in page  # the message sits beside the note field
    assert "Say why the action is red and what will be done" in page
    assert not ProgressUpdate.objects.exists()


def test_action_page_lists_every_update_newest_first(officer_client, officer):
    action = ActionFactory()
    services.progress_update_add(action=action, by=officer, status="on_track", rag="green", note="First note")
    services.progress_update_add(action=action, by=officer, status="at_risk", rag="amber", note="Second note")

    page = officer_client.get(f"/strategy/actions/{action.pk}/").content.decode()

    assert page.index("Second note") < page.index("First note")


def test_members_read_but_cannot_update(client, member):
    action = ActionFactory()
    client.force_login(member)

    assert client.get(f"/strategy/actions/{action.pk}/").status_code == 200
    response = client.post(f"/strategy/actions/{action.pk}/update/", {"status": "on_track", "rag": "green"})
    assert response.status_code == 403
    assert not ProgressUpdate.objects.exists()


# --- Bad input through the forms ---------------------------------------------------------------


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


def test_a_target_outside_the_strategy_is_refused(officer_client):
    indicator = IndicatorFactory(strategy=StrategyFactory(first_year=2024, last_year=2027))

    response = officer_client.post(
        f"/strategy/indicators/{indicator.pk}/values/", {"financial_year": "2031/32", "target": "50"}
    )

    assert "Choose a year within the strategy, 2024/25 to 2027/28" in response.content.decode()
    assert not indicator.values.exists()


def test_indicator_table_and_csv_show_target_and_actual_per_year(officer_client):
    value = IndicatorValueFactory(
        indicator=IndicatorFactory(national_indicator="NI 1"),
        target=Decimal("60.00"),
        actual=Decimal("58.50"),
    )
    strategy_id = value.indicator.strategy_id

    page = officer_client.get(f"/strategy/{strategy_id}/indicators/").content.decode()
    rows = list(
        csv.DictReader(
            io.StringIO(officer_client.get(f"/strategy/{strategy_id}/indicators.csv").content.decode())
        )
    )

    assert "NI 1:" in page
    assert "58.50" in page
    assert [r["financial year"] for r in rows] == ["2024/25", "2025/26", "2026/27", "2027/28"]
    assert (rows[1]["target"], rows[1]["actual"]) == ("60.00", "58.50")


def budget_post(total, *lines, year="2025/26"):
    data = {
        "financial_year": year,
        "title": "Overseas Links Controllable Budget",
        "controllable_total": total,
        "lines-TOTAL_FORMS": str(len(lines) + 1),
        "lines-INITIAL_FORMS": "0",
        "lines-MIN_NUM_FORMS": "1",
        "lines-MAX_NUM_FORMS": "1000",
    }
    for index, (name, allocation) in enumerate(lines):
        data[f"lines-{index}-name"] = name
        data[f"lines-{index}-allocation"] = allocation
    return data


def test_a_budget_and_its_lines_are_saved_together(officer_client):
    response = officer_client.post(
        "/strategy/budgets/new/", budget_post("73400.00", ("Civic visits", "20000"), ("Grants", "53400"))
    )

    assert response.status_code == 302
    budget = Budget.objects.get()
    assert budget.financial_year == 2025
    assert sorted(budget.lines.values_list("allocation", flat=True)) == [
        Decimal("20000.00"),
        Decimal("53400.00"),
    ]


def test_allocations_that_do_not_add_up_are_refused_beside_the_total(officer_client):
    response = officer_client.post(
        "/strategy/budgets/new/", budget_post("73400.00", ("Civic visits", "20000"), ("Grants", "50000"))
    )

    page = response.content.decode()
    assert "The allocations add up to £70,000.00, not the controllable budget of £73,400.00" in page
    assert "govuk-error-summary" in page
    assert not Budget.objects.exists()
    assert not BudgetLine.objects.exists()


def test_a_negative_allocation_is_refused_beside_the_line(officer_client):
    response = officer_client.post(
        "/strategy/budgets/new/", budget_post("100.00", ("Civic visits", "150"), ("Grants", "-50"))
    )

    assert "Enter an amount of £0 or more" in response.content.decode()
    assert not Budget.objects.exists()


def test_money_keeps_its_pennies_end_to_end(officer_client):
    officer_client.post("/strategy/budgets/new/", budget_post("0.30", ("A", "0.10"), ("B", "0.20")))

    assert Budget.objects.get().controllable_total == Decimal("0.30")


# --- Budget page -------------------------------------------------------------------------------


def build_budget(year, lines):
    budget = BudgetFactory(financial_year=year, controllable_total=Decimal("100.00") * lines)
    for index in range(lines):
        BudgetLineFactory(
            budget=budget,
            allocation=Decimal("100.00"),
            counts_toward_overseas_assistance_limit=index % 2 == 0,
        )
    return budget


def test_budget_page_shows_lines_totals_and_the_1993_act_warning(officer_client):
    build_budget(2024, 1)  # £100 of twinning spending the year before
    budget = build_budget(2025, 5)  # £300 of it this year

    page = officer_client.get(f"/strategy/budgets/{budget.pk}/").content.decode()

    assert "£500.00" in page
    assert "Allocated cultural, educational and town-twinning spending (£300.00) would exceed" in page
    assert "govuk-warning-text" in page


def test_budget_page_uses_the_same_queries_for_3_or_30_lines(officer_client):
    build_budget(2023, 3)
    small = build_budget(2024, 3)
    large = build_budget(2025, 30)
    assert queries_for(officer_client, f"/strategy/budgets/{small.pk}/") == queries_for(
        officer_client, f"/strategy/budgets/{large.pk}/"
    )


def test_the_strategy_section_is_on_the_start_page(officer_client):
    assert 'href="/strategy/"' in officer_client.get("/").content.decode()


def test_editing_a_budget_removes_a_line_and_changes_the_total_together(officer_client):
    budget = BudgetFactory(financial_year=2025, controllable_total=Decimal("1000.00"))
    keep = BudgetLineFactory(budget=budget, name="Grants", allocation=Decimal("600.00"))
    drop = BudgetLineFactory(budget=budget, name="Memberships", allocation=Decimal("400.00"))
    data = budget_post("600.00")
    data.update(
        {
            "lines-TOTAL_FORMS": "3",
            "lines-INITIAL_FORMS": "2",
            "lines-0-id": keep.pk,
            "lines-0-name": "Grants",
            "lines-0-allocation": "600.00",
            "lines-1-id": drop.pk,
            "lines-1-name": "Memberships",
            "lines-1-allocation": "400.00",
            "lines-1-DELETE": "on",
        }
    )

    response = officer_client.post(f"/strategy/budgets/{budget.pk}/edit/", data)

    assert response.status_code == 302
    budget.refresh_from_db()
    assert budget.controllable_total == Decimal("600.00")
    assert list(budget.lines.values_list("name", flat=True)) == ["Grants"]


def test_officer_writes_a_synopsis_cell_shown_in_the_table(officer_client):
    objective = ObjectiveFactory(number=1)
    theme = CorporateThemeFactory(name="A Beautiful Place")

    response = officer_client.post(
        f"/strategy/objectives/{objective.pk}/synopsis/{theme.pk}/",
        {"text": "We will help create a greener place"},
    )
    officer_client.post(f"/strategy/objectives/{objective.pk}/synopsis/{theme.pk}/", {"text": "Rewritten"})

    assert response.status_code == 302
    page = officer_client.get(f"/strategy/{objective.strategy_id}/").content.decode()
    assert "Rewritten" in page
    assert objective.synopsis_entries.count() == 1


def test_an_empty_synopsis_cell_is_refused(officer_client):
    objective = ObjectiveFactory(number=1)
    theme = CorporateThemeFactory(name="Confident People")

    response = officer_client.post(f"/strategy/objectives/{objective.pk}/synopsis/{theme.pk}/", {"text": " "})

    assert "govuk-error-summary" in response.content.decode()
    assert not objective.synopsis_entries.exists()
