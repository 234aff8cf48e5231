"""Leicester's 2008 strategy, loaded as the document gives it, and safe to load twice."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from strategy import demo, services
from strategy.demo import recent_years
from strategy.financial_years import FinancialYear
from strategy.models import (
    Action,
    ActionPlan,
    Budget,
    CorporateTheme,
    Indicator,
    Objective,
    ProgressUpdate,
    Strategy,
    SynopsisEntry,
    WayForward,
)
from strategy.selectors import budget_summary

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(settings):
    settings.DEMO_DATA_ALLOWED = True
    call_command("load_demo", stdout=io.StringIO())
    return Strategy.objects.get(source__startswith=demo.STRATEGY_DOC)


def test_leicesters_strategy_has_its_aims_six_objectives_and_lettered_ways_forward(loaded):
    assert len(loaded.aim_list) == 3
    assert loaded.aim_list[2] == "To raise public awareness of global issues to promote tolerance"
    assert [o.number for o in loaded.objectives.all()] == [1, 2, 3, 4, 5, 6]
    assert [len(demo.WAYS_FORWARD[n]) for n in range(1, 7)] == [5, 5, 4, 3, 5, 4]
    way = WayForward.objects.get(objective__strategy=loaded, objective__number=2, letter="c")
    assert way.text.endswith("Local Area Agreement priority target for Community Cohesion (NI 1).")
    assert "section 4" in way.source


def test_the_synopsis_matrix_is_the_documents_table(loaded):
    assert list(CorporateTheme.objects.values_list("name", flat=True)) == [
        "Confident People",
        "Greater Prosperity",
        "A Beautiful Place",
    ]
    assert SynopsisEntry.objects.count() == 18
    cell = SynopsisEntry.objects.get(objective__number=5, theme__name="A Beautiful Place")
    assert cell.text == (
        "By raising awareness of the issues behind global inequality and tackling the root causes, we will "
        "help create a better place"
    )


def test_the_first_action_plan_is_an_example_built_from_the_ways_forward(loaded):
    plan = loaded.action_plans.get()
    assert plan.year_label == "2008/09"
    assert "Example" in plan.title
    assert Action.objects.filter(action_plan=plan).count() == 26
    assert WayForward.objects.filter(objective__strategy=loaded).count() == 26
    assert all(update.note.startswith("Example") for update in ProgressUpdate.objects.all())


def test_indicators_and_the_2002_03_budget_cite_their_sources(loaded):
    assert set(Indicator.objects.values_list("national_indicator", flat=True)) == {"NI 1", "NI 110"}
    budget = Budget.objects.get(financial_year=2002)
    assert (budget.year_label, budget.controllable_total) == ("2002/03", Decimal("73400.00"))
    assert "£73,400" in budget.source
    assert sum(line.allocation for line in budget.lines.all()) == Decimal("73400.00")
    assert all("Example" in line.name for line in budget.lines.all())


def test_loading_twice_keeps_user_edits_and_adds_nothing(loaded, django_user_model):
    officer = django_user_model.objects.get(username="officer")
    action = Action.objects.get(action_plan__strategy=loaded, reference="1a")
    services.progress_update_add(action=action, by=officer, status="off_track", rag="red", note="Real news")
    loaded.title = "International Development Strategy (renamed by an officer)"
    loaded.save()
    WayForward.objects.filter(objective__strategy=loaded, objective__number=1, letter="a").update(
        text="Edited by an officer"
    )
    counts = (Strategy.objects.count(), Action.objects.count(), ProgressUpdate.objects.count())

    demo.load(io.StringIO())

    assert (Strategy.objects.count(), Action.objects.count(), ProgressUpdate.objects.count()) == counts
    assert Strategy.objects.get(pk=loaded.pk).title.endswith("(renamed by an officer)")
    edited = WayForward.objects.get(objective__strategy=loaded, objective__number=1, letter="a")
    assert edited.text == "Edited by an officer"
    assert (
        Action.objects.with_progress().get(action_plan__strategy=loaded, reference="1a").current_rag == "red"
    )


def test_the_demo_budget_is_written_through_the_budget_service(settings, monkeypatch):
    settings.DEMO_DATA_ALLOWED = True
    calls = []
    real = services.budget_save_with_lines
    monkeypatch.setattr(
        services, "budget_save_with_lines", lambda **kwargs: calls.append(kwargs) or real(**kwargs)
    )

    call_command("load_demo", stdout=io.StringIO())

    call = calls[0]
    assert call["budget"].year_label == "2002/03"
    assert len(call["lines"]) == len(demo.EXAMPLE_BUDGET_LINES)
    assert all("Example" in later["budget"].title for later in calls[1:])


# ---- the example records of the years around "today" (the demonstration lives) --------------------

TODAY = date(2026, 11, 15)  # in 2026/27


@pytest.fixture
def load_on(settings, monkeypatch):
    """Run load_demo as if today were `day` (every "not in the future" rule reads timezone.localdate)."""
    settings.DEMO_DATA_ALLOWED = True

    def load(day: date) -> None:
        monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day)
        call_command("load_demo", stdout=io.StringIO())

    return load


def example_plan(year: int) -> ActionPlan:
    return ActionPlan.objects.get(
        strategy__source__startswith=recent_years.EXAMPLE_STRATEGY_SOURCE, financial_year=year
    )


def test_the_current_and_previous_years_have_example_budgets_of_20000_with_a_limited_grants_line(load_on):
    load_on(TODAY)

    for year in (2025, 2026):
        budget = Budget.objects.get(financial_year=year)
        assert "Example" in budget.title
        assert budget.controllable_total == Decimal("20000.00") == recent_years.EXAMPLE_YEAR_TOTAL
        grants = budget.lines.get(name__startswith="Grants to twinning associations")
        assert grants.counts_toward_overseas_assistance_limit
        assert all("Example" in line.name for line in budget.lines.all())
    check = budget_summary(budget_id=Budget.objects.get(financial_year=2026).pk).overseas_assistance
    assert check.previous_allocated == Decimal("12500.00")  # grants and exchanges, the limited lines
    assert check.limit == Decimal("25000.00")
    assert check.warnings == []


def test_the_current_years_plan_carries_the_2008_objectives_forward_with_every_rag(load_on):
    load_on(TODAY)

    plan = example_plan(2026)
    assert "Example" in plan.title
    assert "Example" in plan.strategy.title
    assert plan.strategy.covers(2025)
    assert plan.strategy.covers(2026)
    objectives = Objective.objects.filter(strategy=plan.strategy).order_by("number")
    documents = Objective.objects.filter(strategy__source__startswith=demo.STRATEGY_DOC).order_by("number")
    assert [o.title for o in objectives] == [o.title for o in documents] == list(demo.OBJECTIVES.values())
    actions = list(Action.objects.with_progress(today=TODAY).filter(action_plan=plan))
    assert {a.current_rag for a in actions} == {"red", "amber", "green", "not_rated"}
    assert "complete" in {a.current_status for a in actions}
    assert not any(a.is_overdue or a.is_stale for a in actions)
    updates = ProgressUpdate.objects.filter(action__action_plan=plan)
    assert all(u.note.startswith("Example") and u.recorded_at.date() <= TODAY for u in updates)


def test_last_years_plan_is_mostly_done_with_two_actions_left_open(load_on):
    load_on(TODAY)

    actions = list(Action.objects.with_progress(today=TODAY).filter(action_plan=example_plan(2025)))
    assert sorted(a.reference for a in actions if a.is_overdue) == ["4b", "6c"]
    assert all(u.recorded_at.date() in FinancialYear(2025) for a in actions for u in a.updates.all())


def test_a_year_later_the_new_year_has_its_plan_and_budget_and_last_years_are_kept(load_on):
    load_on(TODAY)
    plan_2026 = example_plan(2026)
    updates_2026 = plan_2026.actions.values_list("updates", flat=True).count()

    load_on(date(2027, 11, 15))

    assert Budget.objects.filter(financial_year=2027, title__contains="Example").exists()
    assert example_plan(2027).actions.count() == len(recent_years.PLAN_ACTIONS)
    assert example_plan(2027).strategy == plan_2026.strategy  # the four-year strategy still covers it
    assert plan_2026.actions.values_list("updates", flat=True).count() == updates_2026
    assert Budget.objects.filter(financial_year__in=[2025, 2026, 2027]).count() == 3


def test_after_the_example_strategys_four_years_a_new_one_carries_the_objectives_on(load_on):
    load_on(TODAY)  # 2025/26 to 2028/29

    load_on(date(2029, 6, 1))

    plan = example_plan(2029)
    assert plan.strategy.first_year == 2028
    assert Strategy.objects.filter(source__startswith=recent_years.EXAMPLE_STRATEGY_SOURCE).count() == 2


def test_on_the_first_day_of_a_financial_year_its_plan_has_no_update_in_the_future(load_on):
    load_on(date(2027, 4, 1))

    updates = ProgressUpdate.objects.filter(action__action_plan=example_plan(2027))
    assert updates.exists()
    assert all(u.recorded_at.date() == date(2027, 4, 1) for u in updates)


def test_an_officers_budget_for_the_current_year_is_left_as_it_is(load_on):
    services.budget_save_with_lines(
        budget=Budget(financial_year=2026, title="Council budget", controllable_total=Decimal("0")), lines=[]
    )

    load_on(TODAY)

    budget = Budget.objects.get(financial_year=2026)
    assert (budget.title, budget.lines.count()) == ("Council budget", 0)
