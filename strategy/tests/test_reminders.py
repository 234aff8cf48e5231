"""Reminders to lead officers before each reporting date, sent by a daily beat task."""

from datetime import date

import pytest

from strategy import services
from strategy.tests.factories import ActionFactory

pytestmark = pytest.mark.django_db


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
