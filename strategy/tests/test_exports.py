"""The plan's CSV exports stream through the shared writer: in the page's order, spreadsheet-safe."""

import csv
import io

import pytest
from django.http import StreamingHttpResponse

from intlinks.tests.queries import assert_fixed_queries, queries_for
from strategy.tests.factories import ActionFactory, ActionPlanFactory, IndicatorFactory, ObjectiveFactory

pytestmark = pytest.mark.django_db


def rows_of(client, url: str) -> list[list[str]]:
    response = client.get(url)
    assert isinstance(response, StreamingHttpResponse), f"{url} is built in memory, not streamed"
    return list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))


def test_the_action_plan_csv_streams_actions_by_objective_then_reference(officer_client, monkeypatch):
    monkeypatch.setattr("intlinks.csv_export.CHUNK_SIZE", 2)
    plan = ActionPlanFactory()
    second, first = (ObjectiveFactory(strategy=plan.strategy, number=n) for n in (2, 1))
    for reference, objective in (("B2", second), ("A9", first), ("A1", second), ("C3", first)):
        ActionFactory(action_plan=plan, objective=objective, reference=reference)

    rows = rows_of(officer_client, f"/strategy/plans/{plan.pk}/actions.csv")

    # Column 0 is the plan's year; then the reference and the objective's number.
    assert [(row[1], row[2]) for row in rows[1:]] == [("A9", "1"), ("C3", "1"), ("A1", "2"), ("B2", "2")]


def test_the_action_plan_csv_quotes_text_a_spreadsheet_would_run(officer_client):
    action = ActionFactory(description="=HYPERLINK(1)")

    rows = rows_of(officer_client, f"/strategy/plans/{action.action_plan_id}/actions.csv")

    assert rows[1][4] == "'=HYPERLINK(1)"


def test_the_action_plan_csv_reads_the_same_whatever_the_plans_size(officer_client):
    plan = ActionPlanFactory()
    ActionFactory(action_plan=plan)
    few = queries_for(officer_client, f"/strategy/plans/{plan.pk}/actions.csv")
    for _ in range(9):
        ActionFactory(action_plan=plan)
    many = queries_for(officer_client, f"/strategy/plans/{plan.pk}/actions.csv")

    assert_fixed_queries(few, many, at_most=8)


def test_the_indicators_csv_streams_and_quotes_text_a_spreadsheet_would_run(officer_client):
    indicator = IndicatorFactory(name="@SUM(A1)")

    rows = rows_of(officer_client, f"/strategy/{indicator.strategy_id}/indicators.csv")

    assert {row[1] for row in rows[1:]} == {"'@SUM(A1)"}
