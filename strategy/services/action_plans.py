"""Writes to the annual action plans: plans, actions, progress updates, and the reminders to update."""

from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from strategy.financial_years import financial_year_of
from strategy.models import CLOSED_STATUSES, Action, ActionPlan, ProgressUpdate, Strategy
from strategy.services.common import validated_save

REMINDER_DAYS_BEFORE_REPORTING_DATE = 14


@transaction.atomic
def action_plan_create(
    *, strategy: Strategy, financial_year: int, title: str = "", source: str = ""
) -> ActionPlan:
    """Create the strategy's action plan for a financial year (one a year, within the strategy)."""
    return validated_save(
        ActionPlan(strategy=strategy, financial_year=financial_year, title=title, source=source)
    )


@transaction.atomic
def action_save(*, action: Action) -> Action:
    """Validate and save a new or changed action (due on or after its start, within its strategy)."""
    return validated_save(action)


@transaction.atomic
def progress_update_add(
    *,
    action: Action,
    by,
    status: str,
    rag: str,
    note: str = "",
    recorded_at: datetime | None = None,
) -> ProgressUpdate:
    """Append a progress update; it becomes the action's current status and RAG.

    A red RAG needs a note saying why and what will be done. Earlier updates are never changed.
    """
    update = ProgressUpdate(
        action=action,
        recorded_by=by,
        recorded_at=recorded_at or timezone.now(),
        status=status,
        rag=rag,
        note=note.strip(),
    )
    return validated_save(update)


# --- Reminders ---------------------------------------------------------------------------------


def next_reporting_date(*, today: date) -> date:
    """The next quarter end of the financial year on or after `today` (the reporting dates)."""
    year = financial_year_of(today)
    return next(end for end in year.quarter_ends() + year.next.quarter_ends() if end >= today)


def action_reminders_send(*, today: date | None = None) -> int:
    """E-mail each lead officer their open actions, 14 days before each reporting date.

    Runs daily (Celery beat); only on the reminder day does it send. Returns how many e-mails it sent.
    """
    today = today or timezone.localdate()
    reporting_date = next_reporting_date(today=today)
    if reporting_date - timedelta(days=REMINDER_DAYS_BEFORE_REPORTING_DATE) != today:
        return 0
    open_actions = (
        Action.objects.with_progress(today=today)
        .exclude(current_status__in=CLOSED_STATUSES)
        .filter(lead_officer__isnull=False, start_date__lte=reporting_date)
        .exclude(lead_officer__email="")
        .select_related("action_plan", "lead_officer")
        .order_by("lead_officer_id", "reference")
    )
    by_owner: dict[int, list[Action]] = {}
    for action in open_actions:
        by_owner.setdefault(action.lead_officer_id, []).append(action)
    owners = get_user_model().objects.in_bulk(list(by_owner))
    for owner_id, actions in by_owner.items():
        _send_reminder(owner=owners[owner_id], actions=actions, reporting_date=reporting_date)
    return len(by_owner)


def _send_reminder(*, owner, actions: list[Action], reporting_date: date) -> None:
    context = {
        "owner": owner,
        "actions": actions,
        "reporting_date": reporting_date,
        "council_name": settings.COUNCIL_NAME,
        "service_name": settings.SERVICE_NAME,
    }
    send_mail(
        subject=render_to_string("strategy/email/reminder_subject.txt", context).strip(),
        message=render_to_string("strategy/email/reminder.txt", context),
        html_message=render_to_string("strategy/email/reminder.html", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[owner.email],
    )
