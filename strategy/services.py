"""Every write to the plan goes through these functions: views, admin actions, tasks and demo data."""

from datetime import date, datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from strategy.financial_years import financial_year_of
from strategy.models import (
    CLOSED_STATUSES,
    Action,
    ActionPlan,
    Budget,
    BudgetLine,
    CorporateTheme,
    Indicator,
    IndicatorValue,
    Objective,
    ProgressUpdate,
    Strategy,
    SynopsisEntry,
    WayForward,
)

REMINDER_DAYS_BEFORE_REPORTING_DATE = 14


def _validated_save(instance, *, exclude: list[str] | None = None):
    instance.full_clean(exclude=exclude)
    instance.save()
    return instance


@transaction.atomic
def strategy_save(*, strategy: Strategy) -> Strategy:
    """Validate and save a new or changed strategy."""
    return _validated_save(strategy)


@transaction.atomic
def objective_save(*, objective: Objective) -> Objective:
    """Validate and save a numbered objective of a strategy."""
    return _validated_save(objective)


@transaction.atomic
def corporate_theme_save(*, corporate_theme: CorporateTheme) -> CorporateTheme:
    """Validate and save a corporate theme: a column of every strategy's synopsis matrix."""
    return _validated_save(corporate_theme)


@transaction.atomic
def way_forward_save(*, way_forward: WayForward) -> WayForward:
    """Validate and save a lettered way forward of an objective."""
    return _validated_save(way_forward)


@transaction.atomic
def synopsis_entry_save(*, objective: Objective, theme: CorporateTheme, text: str) -> SynopsisEntry:
    """Set the synopsis sentence saying how an objective serves a corporate theme (one per pair)."""
    entry = SynopsisEntry.objects.filter(objective=objective, theme=theme).first()
    entry = entry or SynopsisEntry(objective=objective, theme=theme)
    entry.text = text.strip()
    return _validated_save(entry)


@transaction.atomic
def action_plan_create(
    *, strategy: Strategy, financial_year: int, title: str = "", source: str = ""
) -> ActionPlan:
    """Create the strategy's action plan for a financial year (one a year, within the strategy)."""
    return _validated_save(
        ActionPlan(strategy=strategy, financial_year=financial_year, title=title, source=source)
    )


@transaction.atomic
def action_save(*, action: Action) -> Action:
    """Validate and save a new or changed action (due on or after its start, within its strategy)."""
    return _validated_save(action)


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
    return _validated_save(update)


@transaction.atomic
def indicator_save(*, indicator: Indicator) -> Indicator:
    """Validate and save an indicator."""
    return _validated_save(indicator)


@transaction.atomic
def indicator_value_record(
    *,
    indicator: Indicator,
    financial_year: int,
    target: Decimal | None,
    actual: Decimal | None,
    note: str = "",
) -> IndicatorValue:
    """Set the target and actual for one financial year of the strategy (replacing that year's)."""
    value = IndicatorValue.objects.filter(indicator=indicator, financial_year=financial_year).first()
    value = value or IndicatorValue(indicator=indicator, financial_year=financial_year)
    value.target, value.actual, value.note = target, actual, note
    return _validated_save(value)


@transaction.atomic
def budget_save_with_lines(
    *, budget: Budget, lines: list[BudgetLine], removed: list[BudgetLine] | tuple = ()
) -> Budget:
    """Save a budget and its lines together; the allocations must add up to the controllable total.

    Nothing is saved when any part is invalid: the whole write is one transaction and the total is
    checked before anything is written.
    """
    errors = {}
    try:
        budget.full_clean()
    except ValidationError as error:
        errors.update(error.message_dict)
    for line in lines:
        line.full_clean(exclude=["budget"], validate_unique=False)
    allocated = sum((line.allocation for line in lines), Decimal("0.00"))
    if "controllable_total" not in errors and allocated != budget.controllable_total:
        errors["controllable_total"] = [
            f"The allocations add up to £{allocated:,.2f}, not the controllable budget of "
            f"£{budget.controllable_total:,.2f}: change the lines or the total so they match"
        ]
    names = [line.name.strip().lower() for line in lines]
    if len(set(names)) != len(names):
        errors.setdefault("__all__", []).append("Give each budget line a different name")
    if errors:
        raise ValidationError(errors)
    budget.save()
    for line in removed:
        if line.pk:
            line.delete()
    for line in lines:
        line.budget = budget
        line.save()
    return budget


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
