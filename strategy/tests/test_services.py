from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from strategy import services
from strategy.models import Action, ActionPlan, Budget, BudgetLine, IndicatorValue, ProgressUpdate
from strategy.tests.factories import (
    ActionFactory,
    ActionPlanFactory,
    BudgetFactory,
    IndicatorFactory,
    ObjectiveFactory,
    StrategyFactory,
    WayForwardFactory,
)

pytestmark = pytest.mark.django_db


# --- Action plans and actions ------------------------------------------------------------------


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


# --- Progress ----------------------------------------------------------------------------------


def current(action):
    return Action.objects.with_progress().get(pk=action.pk)


def test_a_new_action_is_not_started_and_not_rated():
    action = current(ActionFactory())
    assert (action.current_status, action.current_rag) == ("not_started", "not_rated")


def test_progress_history_is_kept_and_the_latest_update_is_current(officer):
    action = ActionFactory()
    first = services.progress_update_add(
        action=action, by=officer, status="on_track", rag="green", note="Begun"
    )
    services.progress_update_add(
        action=action,
        by=officer,
        status="off_track",
        rag="red",
        note="Partner withdrew; we will find another",
    )

    assert [u.rag for u in action.updates.order_by("recorded_at")] == ["green", "red"]
    first.refresh_from_db()
    assert (first.status, first.rag, first.note) == ("on_track", "green", "Begun")
    assert (current(action).current_status, current(action).current_rag) == ("off_track", "red")


def test_red_needs_a_note_saying_why_and_what_will_be_done(officer):
    action = ActionFactory()

    with pytest.raises(ValidationError) as error:
        services.progress_update_add(action=action, by=officer, status="off_track", rag="red", note="  ")

    assert error.value.message_dict == {"note": ["Say why the action is red and what will be done"]}
    assert not ProgressUpdate.objects.exists()


def test_a_progress_update_can_never_be_overwritten(officer):
    update = services.progress_update_add(action=ActionFactory(), by=officer, status="on_track", rag="green")
    update.note = "rewritten history"

    with pytest.raises(ValidationError):
        update.save()


def test_overdue_and_stale_flags(officer, settings):
    settings.ACTION_UPDATE_INTERVAL_DAYS = 90
    today = date(2026, 11, 23)
    overdue = ActionFactory(start_date=date(2026, 4, 1), due_date=date(2026, 11, 22))
    done_late = ActionFactory(start_date=date(2026, 4, 1), due_date=date(2026, 11, 22))
    services.progress_update_add(action=done_late, by=officer, status="complete", rag="green")
    stale = ActionFactory(due_date=date(2027, 3, 31))
    services.progress_update_add(
        action=stale,
        by=officer,
        status="on_track",
        rag="green",
        recorded_at=timezone.make_aware(datetime(2026, 8, 24, 12)),  # 91 days before today
    )
    fresh = ActionFactory(due_date=date(2027, 3, 31))
    services.progress_update_add(
        action=fresh,
        by=officer,
        status="on_track",
        rag="green",
        recorded_at=timezone.make_aware(datetime(2026, 8, 26)),
    )

    flags = {
        a.pk: (a.is_overdue, a.is_stale)
        for a in Action.objects.with_progress(today=today).filter(
            pk__in=[overdue.pk, done_late.pk, stale.pk, fresh.pk]
        )
    }

    assert flags[overdue.pk][0] is True
    assert flags[done_late.pk] == (False, False)
    assert flags[stale.pk] == (False, True)
    assert flags[fresh.pk] == (False, False)


# --- Indicators --------------------------------------------------------------------------------


def test_refuses_a_target_for_a_year_outside_the_strategy():
    indicator = IndicatorFactory(strategy=StrategyFactory(first_year=2024, last_year=2027))

    with pytest.raises(ValidationError) as error:
        services.indicator_value_record(
            indicator=indicator, financial_year=2030, target=Decimal("5"), actual=None
        )

    assert "within the strategy" in error.value.message_dict["financial_year"][0]
    assert not IndicatorValue.objects.exists()


def test_recording_a_year_again_replaces_its_target_and_actual():
    indicator = IndicatorFactory()
    services.indicator_value_record(
        indicator=indicator, financial_year=2025, target=Decimal("60"), actual=None
    )
    services.indicator_value_record(
        indicator=indicator, financial_year=2025, target=Decimal("60"), actual=Decimal("58.5"), note="Survey"
    )

    value = IndicatorValue.objects.get()
    assert (value.target, value.actual, value.note) == (Decimal("60.00"), Decimal("58.50"), "Survey")


# --- Budgets -----------------------------------------------------------------------------------


def lines(*amounts, limited=False):
    return [
        BudgetLine(name=f"Line {i}", allocation=Decimal(a), counts_toward_overseas_assistance_limit=limited)
        for i, a in enumerate(amounts)
    ]


def test_a_budget_is_saved_with_lines_that_add_up_to_the_total():
    budget = services.budget_save_with_lines(
        budget=Budget(financial_year=2002, controllable_total=Decimal("73400.00")),
        lines=lines("20000.00", "35000.00", "15400.00", "3000.00"),
    )

    assert budget.lines.count() == 4
    assert sum(line.allocation for line in budget.lines.all()) == Decimal("73400.00")


def test_allocations_that_do_not_add_up_save_nothing():
    with pytest.raises(ValidationError) as error:
        services.budget_save_with_lines(
            budget=Budget(financial_year=2002, controllable_total=Decimal("73400.00")),
            lines=lines("20000.00", "35000.00"),
        )

    assert error.value.message_dict["controllable_total"] == [
        "The allocations add up to £55,000.00, not the controllable budget of £73,400.00: "
        "change the lines or the total so they match"
    ]
    assert not Budget.objects.exists()
    assert not BudgetLine.objects.exists()


def test_a_negative_allocation_is_refused_and_nothing_saved():
    with pytest.raises(ValidationError) as error:
        services.budget_save_with_lines(
            budget=Budget(financial_year=2002, controllable_total=Decimal("100.00")),
            lines=lines("150.00", "-50.00"),
        )

    assert error.value.message_dict["allocation"] == ["Enter an amount of £0 or more"]
    assert not Budget.objects.exists()


def test_editing_a_budget_removes_lines_and_keeps_the_total_rule():
    budget = BudgetFactory(controllable_total=Decimal("1000.00"))
    keep, drop = BudgetLine.objects.bulk_create(
        [
            BudgetLine(budget=budget, name="Keep", allocation=Decimal("600")),
            BudgetLine(budget=budget, name="Drop", allocation=Decimal("400")),
        ]
    )
    keep.allocation = Decimal("1000.00")

    services.budget_save_with_lines(budget=budget, lines=[keep], removed=[drop])

    assert list(budget.lines.values_list("name", "allocation")) == [("Keep", Decimal("1000.00"))]


# --- Reminders ---------------------------------------------------------------------------------


def test_next_reporting_date_is_the_next_quarter_end():
    assert services.next_reporting_date(today=date(2026, 11, 23)) == date(2026, 12, 31)
    assert services.next_reporting_date(today=date(2027, 3, 31)) == date(2027, 3, 31)
    assert services.next_reporting_date(today=date(2027, 4, 1)) == date(2027, 6, 30)


def test_owners_get_one_reminder_listing_their_open_actions_14_days_before_a_reporting_date(
    officer, django_user_model, mailoutbox
):
    officer.email = "olivia@example.gov.uk"
    officer.save()
    mine = ActionFactory(lead_officer=officer, reference="2c", description="Work toward NI 1")
    ActionFactory(
        lead_officer=officer, action_plan=mine.action_plan, objective=mine.objective, reference="2d"
    )
    finished = ActionFactory(
        lead_officer=officer, action_plan=mine.action_plan, objective=mine.objective, reference="2e"
    )
    services.progress_update_add(action=finished, by=officer, status="complete", rag="green")
    ActionFactory(lead_officer=None, action_plan=mine.action_plan, objective=mine.objective)

    assert services.action_reminders_send(today=date(2026, 12, 16)) == 0  # not the reminder day
    assert services.action_reminders_send(today=date(2026, 12, 17)) == 1

    [mail] = mailoutbox
    assert mail.to == ["olivia@example.gov.uk"]
    assert "31 December 2026" in mail.subject
    assert "2 actions" in mail.subject
    assert "2c" in mail.body
    assert "2d" in mail.body
    assert "2e" not in mail.body


def test_the_beat_task_calls_the_reminder_service(monkeypatch):
    from strategy import tasks

    monkeypatch.setattr(tasks, "action_reminders_send", lambda: 3)

    assert tasks.remind_action_owners.apply().get() == 3


def test_reminders_are_scheduled_with_celery_beat(settings):
    assert (
        settings.CELERY_BEAT_SCHEDULE["remind-action-owners"]["task"] == "strategy.tasks.remind_action_owners"
    )
