"""Writes of grant applications: the draft, and each step of its life, with who took it and when.

The order of the steps is asked of `GrantApplication.step_refusal`; who may take each is asked here:
an officer (`partnerships.change_grantapplication`) records the submission, payment, monitoring report
and closing; a working party member (`partnerships.decide_grantapplication`) present at a meeting that
has happened records the decision. Whoever decides neither recorded the submission nor records the
payment. Every refusal is a ValidationError that says why; nothing is saved on a refusal.
"""

import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from intlinks.money import ZERO, format_money
from partnerships.models import GrantApplication, GrantStateChange, Meeting
from strategy.selectors.budgets import budget_line_remaining

OFFICER_PERMISSION = "partnerships.change_grantapplication"
DECIDE_PERMISSION = "partnerships.decide_grantapplication"
State = GrantApplication.State


def _require(by: AbstractBaseUser, permission: str, what: str) -> None:
    if not by.has_perm(permission):
        who = "a working party member" if permission == DECIDE_PERMISSION else "an officer"
        raise ValidationError(f"Only {who} may {what}")


def _locked(application: GrantApplication, step: str) -> GrantApplication:
    """The stored application, locked for this transaction; refused if it may not take `step` now."""
    stored = GrantApplication.objects.select_for_update().get(pk=application.pk)
    refusal = stored.step_refusal(step)
    if refusal:
        raise ValidationError(refusal)
    return stored


def move(application: GrantApplication, to: str, *, by: AbstractBaseUser | None, note: str = "") -> None:
    """Validate and save the application in state `to`, with the step in its log (who, when, why)."""
    change = GrantStateChange(
        application=application, from_state=application.state, to_state=to, changed_by=by, note=note
    )
    application.state = to
    application.full_clean()
    change.full_clean()
    application.save()
    change.save()


@transaction.atomic
def grant_save(
    *, application: GrantApplication, objectives: Iterable = (), by: AbstractBaseUser
) -> GrantApplication:
    """Save a draft application (new, or changed before it is submitted) with the objectives it serves."""
    _require(by, OFFICER_PERMISSION, "record a grant application")
    if application.pk is None:
        application.recorded_by = by
        application.state = State.DRAFT
    else:
        _locked(application, "edit")
    application.full_clean()
    application.save()
    application.objectives.set(objectives)
    return application


def _refuse_future(day: datetime.date | None, field: str, what: str) -> None:
    """A step is recorded once it has happened: its date may not be in the future."""
    if day is not None and day > timezone.localdate():
        raise ValidationError({field: f"Enter the date of the {what}: it cannot be in the future"})


@transaction.atomic
def grant_submit(
    *, application: GrantApplication, by: AbstractBaseUser, submitted_on: datetime.date | None = None
) -> GrantApplication:
    """Record that the organisation submitted its application (on `submitted_on`, today by default)."""
    _require(by, OFFICER_PERMISSION, "record the submission of a grant application")
    application = _locked(application, "submit")
    _refuse_future(submitted_on, "submitted_on", "submission")
    application.submitted_on = submitted_on or timezone.localdate()
    application.submitted_by = by
    move(application, State.SUBMITTED, by=by)
    return application


def submitted_after_meeting(application: GrantApplication, meeting: Meeting) -> str:
    """Why a meeting cannot consider an application submitted after it was held ("" when it can)."""
    if application.submitted_on and meeting.held_on < application.submitted_on:
        return (
            f"The application was submitted on {application.submitted_on:%-d %B %Y}, after the meeting of "
            f"{meeting.held_on:%-d %B %Y}: a later meeting considers it"
        )
    return ""


def decision_refusal(*, application: GrantApplication, meeting: Meeting, by: AbstractBaseUser) -> str:
    """Why `by` may not record a decision on `application` at `meeting` now ("" when they may).

    The meeting page asks it to offer the decision form; `grant_decide` refuses with the same words.
    `meeting.members_present` and `meeting.items` are read prefetched when they were.
    """
    if not by.has_perm(DECIDE_PERMISSION):
        return "Only a working party member may record a grant decision"
    refusal = application.step_refusal("decide")
    if refusal:
        return refusal
    if not meeting.has_happened:
        return (
            f"The meeting is on {meeting.held_on:%-d %B %Y}: a decision is recorded at a meeting that has "
            "taken place"
        )
    if submitted_after_meeting(application, meeting):
        return submitted_after_meeting(application, meeting)
    if not any(item.grant_application_id == application.pk for item in meeting.items.all()):
        return "The application is not on this meeting's agenda: add it to the agenda first"
    if not any(member.pk == by.pk for member in meeting.members_present.all()):
        return "Only a member present at the meeting may record its decision"
    if application.submitted_by_id == by.pk:
        return "You recorded the submission of this application: another member must record the decision"
    return ""


@transaction.atomic
def grant_decide(
    *,
    application: GrantApplication,
    meeting: Meeting,
    by: AbstractBaseUser,
    approve: bool,
    amount: Decimal | None = None,
    conditions: str = "",
    reasons: str = "",
    override_reason: str = "",
) -> GrantApplication:
    """Record the working party's decision at `meeting`: approve an amount (with conditions) or decline
    (with reasons). Approving more than the budget line has left needs `override_reason`, kept."""
    application = _locked(application, "decide")
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    refusal = decision_refusal(application=application, meeting=meeting, by=by)
    if refusal:
        raise ValidationError(refusal)
    if approve:
        _check_award(application, amount, override_reason.strip())
        application.amount_approved = amount
        application.conditions = conditions.strip()
        application.override_reason = override_reason.strip()
    else:
        if not reasons.strip():
            raise ValidationError({"reasons": "Enter the reasons for declining the application"})
        application.decline_reasons = reasons.strip()
    application.meeting = meeting
    application.decided_by = by
    application.decided_at = timezone.now()
    move(application, State.APPROVED if approve else State.DECLINED, by=by, note=f"At {meeting}")
    return application


def _check_award(application: GrantApplication, amount: Decimal | None, override_reason: str) -> None:
    if amount is None:
        raise ValidationError({"amount": "Enter the amount approved"})
    if amount <= ZERO:
        raise ValidationError({"amount": "Enter an amount approved of more than £0, or decline it"})
    if amount > application.amount_requested:
        requested = format_money(application.amount_requested)
        raise ValidationError({"amount": f"Enter no more than the amount requested ({requested})"})
    remaining = budget_line_remaining(line=application.budget_line)
    if amount > remaining and not override_reason:
        raise ValidationError(
            {
                "override_reason": (
                    f"The budget line {application.budget_line} has {format_money(remaining)} left: "
                    f"to approve {format_money(amount)}, enter why the working party overrides it"
                )
            }
        )


@transaction.atomic
def grant_pay(
    *, application: GrantApplication, by: AbstractBaseUser, amount: Decimal, paid_on: datetime.date
) -> GrantApplication:
    """Record the payment of an approved grant: never above the amount approved, nor by its decider."""
    _require(by, OFFICER_PERMISSION, "record the payment of a grant")
    application = _locked(application, "pay")
    if application.decided_by_id == by.pk:
        raise ValidationError(
            "You recorded the decision on this grant: another officer must record its payment"
        )
    if amount is None or amount <= ZERO:
        raise ValidationError({"amount": "Enter the amount paid, more than £0"})
    if amount > application.amount_approved:
        approved = format_money(application.amount_approved)
        raise ValidationError({"amount": f"Enter no more than the amount approved ({approved})"})
    _refuse_future(paid_on, "paid_on", "payment")
    if paid_on < application.meeting.held_on:
        raise ValidationError(
            {"paid_on": f"Enter a date on or after the decision of {application.meeting.held_on:%-d %B %Y}"}
        )
    application.amount_paid = amount
    application.paid_on = paid_on
    application.paid_by = by
    move(application, State.PAID, by=by)
    return application


@transaction.atomic
def grant_record_monitoring(
    *, application: GrantApplication, by: AbstractBaseUser, received_on: datetime.date, notes: str = ""
) -> GrantApplication:
    """Record that the organisation's monitoring report on the paid grant was received."""
    _require(by, OFFICER_PERMISSION, "record a grant's monitoring report")
    application = _locked(application, "monitor")
    _refuse_future(received_on, "received_on", "report's receipt")
    if received_on < application.paid_on:
        raise ValidationError(
            {"received_on": f"Enter a date on or after the payment of {application.paid_on:%-d %B %Y}"}
        )
    application.monitoring_received_on = received_on
    application.monitoring_notes = notes.strip()
    move(application, State.MONITORED, by=by)
    return application


@transaction.atomic
def grant_close(*, application: GrantApplication, by: AbstractBaseUser, note: str = "") -> GrantApplication:
    """Close a grant whose monitoring report is in: it is then read-only."""
    _require(by, OFFICER_PERMISSION, "close a grant")
    application = _locked(application, "close")
    move(application, State.CLOSED, by=by, note=note.strip())
    return application
