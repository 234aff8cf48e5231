"""Writes about breaches of the conduct rules: a cost's or a gift's justification, its approval, and a
traveller's repayment of a cost's excess."""

from datetime import date
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from intlinks.money import format_money
from partnerships.models import Cost
from partnerships.models.approvals import BreachApproval


def note_amount_change(item: BreachApproval, *, by: AbstractBaseUser | None) -> None:
    """Before a cost or gift is saved: if its amount differs from the stored one (or it is new), record
    who changed it and when, and drop any approval, which was given for another amount."""
    stored = type(item).objects.filter(pk=item.pk).values(*item.AMOUNT_FIELDS).first() if item.pk else None
    if stored and all(stored[field] == getattr(item, field) for field in item.AMOUNT_FIELDS):
        return
    item.amount_changed_by, item.amount_changed_on = by, timezone.now()
    item.approved_by, item.approved_on = None, None


def refuse_if_locked(item: BreachApproval) -> None:
    """A breach of a closed activity is neither justified nor approved until the activity is reopened."""
    activity = getattr(item, "activity", None)
    if activity is not None and activity.is_locked:
        raise ValidationError(activity.lock_refusal())


def _fresh(item: BreachApproval) -> BreachApproval:
    """The stored row, locked for this transaction, so two people cannot act on the same breach at once."""
    return type(item).objects.select_for_update(of=("self",)).select_related("activity").get(pk=item.pk)


@transaction.atomic
def breach_justify(*, item: BreachApproval, justification: str, by: AbstractBaseUser) -> BreachApproval:
    """Record the written reason for a breach, and who wrote it; a new reason needs a new approval."""
    item = _fresh(item)
    refuse_if_locked(item)
    if not item.breach:
        raise ValidationError({"justification": "This breaks none of the rules: it needs no justification"})
    if not justification.strip():
        raise ValidationError({"justification": "Enter why the breach is necessary"})
    item.justification = justification.strip()
    item.justified_by, item.justified_on = by, timezone.now()
    item.approved_by, item.approved_on = None, None
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def breach_approve(*, item: BreachApproval, by: AbstractBaseUser, on: date | None = None) -> BreachApproval:
    """A second person approves a justified breach: never who recorded it, last changed its amount or
    justified it (`BreachApproval.approval_refusal`)."""
    item = _fresh(item)
    refusal = item.approval_refusal(by)
    if refusal:
        raise ValidationError(refusal)
    item.approved_by, item.approved_on = by, on or timezone.localdate()
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def cost_record_repayment(*, cost: Cost, amount: Decimal, repaid_on: date, by: AbstractBaseUser) -> Cost:
    """Record that the traveller repaid (some of) a breaching cost's excess, in pounds, on a date, and who
    recorded it. Repaid in full (`Cost.excess_repaid`), the breach is settled without an approval; a
    later repayment record replaces this one (the history keeps both)."""
    cost = _fresh(cost)
    refusal = cost.repayment_refusal()
    if refusal:
        raise ValidationError(refusal)
    errors = {}
    if amount is None or amount <= 0:
        errors["repaid_amount"] = "Enter the amount repaid, more than £0"
    elif amount > cost.amount_gbp:
        errors["repaid_amount"] = (
            f"The amount repaid cannot be more than the cost, {format_money(cost.amount_gbp)}"
        )
    if repaid_on is None:
        errors["repaid_on"] = "Enter the date it was repaid"
    elif repaid_on > timezone.localdate():
        errors["repaid_on"] = "The date repaid cannot be in the future"
    elif repaid_on < cost.incurred_on:
        errors["repaid_on"] = (
            f"The date repaid cannot be before the cost's date, {cost.incurred_on:%-d %B %Y}"
        )
    if errors:
        raise ValidationError(errors)
    cost.repaid_amount, cost.repaid_on, cost.repayment_recorded_by = amount, repaid_on, by
    cost.full_clean()
    cost.save()
    return cost
