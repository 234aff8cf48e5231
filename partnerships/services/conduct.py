"""Writes about breaches of the conduct rules: a cost's or a gift's justification, and its approval."""

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from partnerships.models.approvals import BreachApproval


@transaction.atomic
def breach_justify(*, item: BreachApproval, justification: str, by: AbstractBaseUser) -> BreachApproval:
    """Record the written reason for a breach; a new reason needs a new approval."""
    if not item.breach:
        raise ValidationError({"justification": "This breaks none of the rules: it needs no justification"})
    if not justification.strip():
        raise ValidationError({"justification": "Enter why the breach is necessary"})
    item.justification = justification.strip()
    item.approved_by, item.approved_on = None, None
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def breach_approve(*, item: BreachApproval, by: AbstractBaseUser, on: date | None = None) -> BreachApproval:
    """A second person approves a justified breach: never the person who recorded it."""
    refusal = item.approval_refusal(by)
    if refusal:
        raise ValidationError(refusal)
    item.approved_by, item.approved_on = by, on or timezone.localdate()
    item.full_clean()
    item.save()
    return item
