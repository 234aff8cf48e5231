"""Writes of the activity log: an activity with its costs, breaches, the safeguarding gate, evidence."""

from collections.abc import Iterable, Sequence
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from intlinks.editing import RowErrors
from partnerships.conduct import breach_text, check_cost, check_gift
from partnerships.models import (
    Activity,
    ConductPolicy,
    Cost,
    Evidence,
    ExternalFunding,
    Gift,
    ReportingDeadline,
)
from partnerships.models.approvals import BreachApproval


def _policy_on(day: date) -> ConductPolicy | None:
    return ConductPolicy.objects.prefetch_related("hotel_caps").in_force_on(day)


def _flag_cost(cost: Cost) -> None:
    """Validate a cost, store its amount in pounds, and record the rules it breaks under the policy in
    force on its date."""
    cost.full_clean(exclude=["activity"])
    cost.amount_gbp = cost.converted_amount()
    breach = breach_text(check_cost(cost, _policy_on(cost.incurred_on)))
    if breach != cost.breach:
        # A changed breach must be justified and approved afresh.
        cost.justification, cost.approved_by, cost.approved_on = "", None, None
    cost.breach = breach


@transaction.atomic
def activity_log(
    *,
    activity: Activity,
    costs: Sequence[Cost] = (),
    removed_costs: Iterable[Cost] = (),
    objectives: Iterable = (),
    ways_forward: Iterable = (),
    by: AbstractBaseUser | None,
) -> Activity:
    """Save an activity and its costs together, flagging each cost against the rules of its date.

    Any error in the activity or in one cost saves nothing: the activity's errors are raised keyed by
    field, and the costs' errors together as `RowErrors` by each cost's position in `costs`.
    """
    if activity.pk is None:
        activity.recorded_by = by
    activity.full_clean()
    cost_errors = {}
    for index, cost in enumerate(costs):
        if cost.pk is None:
            cost.recorded_by = by
        try:
            _flag_cost(cost)
        except ValidationError as error:
            cost_errors[index] = error
    if cost_errors:
        raise RowErrors(cost_errors)
    if not activity.paid_from_public_funds and any(c.paid_by == Cost.PaidBy.COUNCIL for c in costs):
        raise ValidationError(
            {"paid_from_public_funds": "The council pays some of its costs: it is paid from public funds"}
        )
    activity.save()
    activity.objectives.set(objectives)
    activity.ways_forward.set(ways_forward)
    for cost in removed_costs:
        cost.delete()
    for cost in costs:
        cost.activity = activity
        cost.save()
    return activity


@transaction.atomic
def cost_save(*, cost: Cost, by: AbstractBaseUser | None) -> Cost:
    """Save one cost of an activity, flagged against the rules in force on its date."""
    if cost.pk is None:
        cost.recorded_by = by
    _flag_cost(cost)
    cost.full_clean()
    cost.save()
    return cost


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


@transaction.atomic
def activity_mark_ready(*, activity: Activity) -> Activity:
    """Ready to travel: refused while the safeguarding checklist of a youth activity is incomplete
    (`Activity.ready_check`)."""
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    check = activity.ready_check()
    if not check.allowed:
        raise ValidationError(check.reason)
    activity.state = Activity.State.READY
    activity.save(update_fields=["state"])
    return activity


@transaction.atomic
def activity_mark_complete(*, activity: Activity) -> Activity:
    """Complete: refused while any breach lacks a justification and a second person's approval
    (`Activity.complete_check`)."""
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    check = activity.complete_check()
    if not check.allowed:
        raise ValidationError(check.reason)
    activity.state = Activity.State.COMPLETE
    activity.save(update_fields=["state"])
    return activity


@transaction.atomic
def activity_update_safeguarding(*, activity: Activity) -> Activity:
    """Save the safeguarding checklist of an activity."""
    activity.full_clean()
    activity.save()
    return activity


@transaction.atomic
def evidence_add(*, evidence: Evidence, by: AbstractBaseUser | None) -> Evidence:
    """Store a photo or document; its type is read from its content and its size capped."""
    evidence.uploaded_by = by
    evidence.full_clean()
    evidence.save()
    return evidence


@transaction.atomic
def gift_save(*, gift: Gift, by: AbstractBaseUser | None) -> Gift:
    """Record a gift or hospitality, flagged against the rules in force on its date."""
    if gift.pk is None:
        gift.recorded_by = by
    gift.full_clean()
    breach = breach_text(check_gift(gift, _policy_on(gift.given_on)))
    if breach != gift.breach:
        gift.justification, gift.approved_by, gift.approved_on = "", None, None
    gift.breach = breach
    gift.save()
    return gift


@transaction.atomic
def funding_save(
    *,
    funding: ExternalFunding,
    activities: Iterable[Activity] = (),
    deadlines: Sequence[ReportingDeadline] = (),
    removed_deadlines: Iterable[ReportingDeadline] = (),
) -> ExternalFunding:
    """Record a bid or grant, the activities it pays for and its reporting deadlines, together.

    A deadline's errors are raised as `RowErrors` by its position in `deadlines`; nothing is saved.
    """
    funding.full_clean()
    activities = list(activities)
    wrong = [a for a in activities if a.partnership_id != funding.partnership_id]
    if wrong:
        raise ValidationError({"activities": "Choose activities of the same partnership"})
    deadline_errors = {}
    for index, deadline in enumerate(deadlines):
        try:
            deadline.full_clean(exclude=["funding"])
        except ValidationError as error:
            deadline_errors[index] = error
    if deadline_errors:
        raise RowErrors(deadline_errors)
    funding.save()
    funding.activities.set(activities)
    for deadline in removed_deadlines:
        deadline.delete()
    for deadline in deadlines:
        deadline.funding = funding
        deadline.save()
    return funding
