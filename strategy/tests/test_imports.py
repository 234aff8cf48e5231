"""Importing action-plan actions and indicators: plans created through their service, natural keys,
financial years as 2016/17 or 2016-17, and a second import that changes nothing."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest

from intlinks.imports.files import read_sheet
from intlinks.imports.kinds import CHANGED, ERROR, NEW, UNCHANGED, import_kind, run_import
from strategy.models import Action, ActionPlan, Indicator
from strategy.tests.factories import ObjectiveFactory, StrategyFactory, WayForwardFactory

pytestmark = pytest.mark.django_db


def csv_bytes(rows) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode()


def run(slug, rows, user, *, dry_run=False):
    return run_import(kind=import_kind(slug), sheet=read_sheet(csv_bytes(rows)), by=user, dry_run=dry_run)


@pytest.fixture
def strategy():
    strategy = StrategyFactory(title="International Strategy 2016-2020", first_year=2016, last_year=2019)
    objective = ObjectiveFactory(strategy=strategy, number=1)
    WayForwardFactory(objective=objective, letter="a")
    return strategy


ACTIONS = [
    ["Strategy", "Plan year", "Reference", "Description", "Objective", "Way forward", "Start date",
     "Due date", "Planned cost"],
    ["International Strategy 2016-2020", "2016/17", "1a-1", "Schools exchange with Krefeld", "1", "a",
     "01/04/2016", "31/03/2017", "£2,500"],
    ["international strategy 2016-2020", "2017-18", "1a-1", "Trade mission to Chongqing", "1", "",
     "2017-04-01", "2018-03-31", ""],
    ["International Strategy 2016-2020", "2016/17", "1a-2", "Youth forum", "2", "", "01/04/2016",
     "31/03/2017", ""],  # no objective 2
    ["International Strategy 2016-2020", "2030/31", "9", "Beyond the strategy", "1", "", "01/04/2030",
     "31/03/2031", ""],  # outside the strategy's years
]  # fmt: skip


def test_actions_create_their_year_s_plan_and_reimport_changes_nothing(officer, strategy):
    preview = {row.line: row for row in run("actions", ACTIONS, officer, dry_run=True).rows}
    assert [preview[n].status for n in (2, 3, 4, 5)] == [NEW, NEW, ERROR, ERROR]
    assert preview[4].errors == [("Objective", "The strategy has no objective of this number")]
    assert preview[5].errors[0][0] == "Plan year"
    assert not ActionPlan.objects.exists()

    assert run("actions", ACTIONS[:3], officer).count(NEW) == 2
    assert sorted(ActionPlan.objects.values_list("financial_year", flat=True)) == [2016, 2017]
    exchange = Action.objects.get(description="Schools exchange with Krefeld")
    assert (exchange.planned_cost, exchange.due_date) == (Decimal("2500.00"), date(2017, 3, 31))
    assert exchange.way_forward.letter == "a"
    assert exchange.history.get().history_user == officer
    assert [row.status for row in run("actions", ACTIONS[:3], officer).rows] == [UNCHANGED, UNCHANGED]


def test_indicators_are_matched_on_strategy_and_name(officer, strategy):
    rows = [
        ["Strategy", "Name", "Unit", "National indicator", "Baseline", "Baseline year", "Objective"],
        [
            "International Strategy 2016-2020",
            "Residents open to the world",
            "%",
            "NI 1",
            "62.5",
            "2015-16",
            "1",
        ],
    ]
    assert run("indicators", rows, officer).count(NEW) == 1
    indicator = Indicator.objects.get()
    assert (indicator.baseline, indicator.baseline_year, indicator.objective.number) == (
        Decimal("62.5"),
        2015,
        1,
    )
    rows[1][4] = "64"
    changed = run("indicators", rows, officer)
    assert [(row.status, row.changed) for row in changed.rows] == [(CHANGED, ["Baseline"])]
