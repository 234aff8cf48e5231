"""Leicester's 2008 strategy, loaded as the document gives it, and safe to load twice."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command

from strategy import demo, services
from strategy.models import (
    Action,
    Budget,
    CorporateTheme,
    Indicator,
    ProgressUpdate,
    Strategy,
    SynopsisEntry,
    WayForward,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(settings):
    settings.DEMO_DATA_ALLOWED = True
    call_command("load_demo", stdout=io.StringIO())
    return Strategy.objects.get()


def test_leicesters_strategy_has_its_aims_six_objectives_and_lettered_ways_forward(loaded):
    assert len(loaded.aim_list) == 3
    assert loaded.aim_list[2] == "To raise public awareness of global issues to promote tolerance"
    assert [o.number for o in loaded.objectives.all()] == [1, 2, 3, 4, 5, 6]
    assert [len(demo.WAYS_FORWARD[n]) for n in range(1, 7)] == [5, 5, 4, 3, 5, 4]
    way = WayForward.objects.get(objective__number=2, letter="c")
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
    assert Action.objects.count() == WayForward.objects.count() == 26
    assert all(update.note.startswith("Example") for update in ProgressUpdate.objects.all())


def test_indicators_and_the_2002_03_budget_cite_their_sources(loaded):
    assert set(Indicator.objects.values_list("national_indicator", flat=True)) == {"NI 1", "NI 110"}
    budget = Budget.objects.get()
    assert (budget.year_label, budget.controllable_total) == ("2002/03", Decimal("73400.00"))
    assert "£73,400" in budget.source
    assert sum(line.allocation for line in budget.lines.all()) == Decimal("73400.00")
    assert all("Example" in line.name for line in budget.lines.all())


def test_loading_twice_keeps_user_edits_and_adds_nothing(loaded, django_user_model):
    officer = django_user_model.objects.get(username="officer")
    action = Action.objects.get(reference="1a")
    services.progress_update_add(action=action, by=officer, status="off_track", rag="red", note="Real news")
    loaded.title = "International Development Strategy (renamed by an officer)"
    loaded.save()
    WayForward.objects.filter(objective__number=1, letter="a").update(text="Edited by an officer")
    counts = (Strategy.objects.count(), Action.objects.count(), ProgressUpdate.objects.count())

    demo.load(io.StringIO())

    assert (Strategy.objects.count(), Action.objects.count(), ProgressUpdate.objects.count()) == counts
    assert Strategy.objects.get().title.endswith("(renamed by an officer)")
    assert WayForward.objects.get(objective__number=1, letter="a").text == "Edited by an officer"
    assert Action.objects.with_progress().get(reference="1a").current_rag == "red"


def test_the_demo_budget_is_written_through_the_budget_service(settings, monkeypatch):
    settings.DEMO_DATA_ALLOWED = True
    calls = []
    real = services.budget_save_with_lines
    monkeypatch.setattr(
        services, "budget_save_with_lines", lambda **kwargs: calls.append(kwargs) or real(**kwargs)
    )

    call_command("load_demo", stdout=io.StringIO())

    [call] = calls
    assert call["budget"].year_label == "2002/03"
    assert len(call["lines"]) == len(demo.EXAMPLE_BUDGET_LINES)
