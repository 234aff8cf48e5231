"""Writes of the activity log: an activity with its costs, breaches, the safeguarding gate, evidence."""

from collections.abc import Iterable, Sequence
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

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


class CostErrors(ValidationError):
    """Errors of several costs at once: `by_index` maps each cost's position to its field errors."""

    def __init__(self, by_index: dict[int, ValidationError]):
        self.by_index = by_index
        super().__init__("Some costs have errors: see each one below")


def policy_on(day: date) -> ConductPolicy | None:
    """The conduct policy in force on `day`, with its hotel caps."""
    return ConductPolicy.objects.prefetch_related("hotel_caps").in_force_on(day)


def _flag_cost(cost: Cost) -> None:
    """Validate a cost and record the rules it breaks under the policy in force on its date."""
    cost.full_clean(exclude=["activity"])
    breach = breach_text(check_cost(cost, policy_on(cost.incurred_on)))
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
    field, and the costs' errors together as a `CostErrors` whose `by_index` follows `costs`.
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
        raise CostErrors(cost_errors)
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
    if not by.has_perm("partnerships.approve_breach"):
        raise ValidationError("You may not approve breaches of the conduct rules")
    if not item.breach:
        raise ValidationError("This breaks none of the rules: there is nothing to approve")
    if not item.justification:
        raise ValidationError({"justification": "A breach needs a written justification before approval"})
    if item.recorded_by_id == by.pk:
        raise ValidationError("A second person must approve: you recorded this yourself")
    item.approved_by, item.approved_on = by, on or timezone.localdate()
    item.full_clean()
    item.save()
    return item


def safeguarding_missing(activity: Activity) -> list[str]:
    """What the youth safeguarding checklist still lacks, in plain words (empty when complete)."""
    if not activity.has_young_people:
        return []
    missing = []
    if not any(e.kind == Evidence.Kind.RISK_ASSESSMENT for e in activity.evidence.all()):
        missing.append("a risk assessment uploaded as evidence")
    if not activity.insurance_confirmed:
        missing.append("insurance confirmed")
    if activity.young_people == 0:
        missing.append("the number of young people taking part")
    elif activity.parental_consents < activity.young_people:
        missing.append(
            f"parental consent for every young participant ({activity.parental_consents} of "
            f"{activity.young_people} received)"
        )
    if not activity.code_of_behaviour_agreed:
        missing.append("the code of behaviour agreed")
    if not activity.coordinators.strip():
        missing.append("named coordinators with contact details")
    return missing


def unresolved_breaches(activity: Activity) -> int:
    return activity.costs.unresolved().count() + activity.gifts.unresolved().count()


@transaction.atomic
def activity_mark_ready(*, activity: Activity) -> Activity:
    """Ready to travel: refused while the safeguarding checklist of a youth activity is incomplete."""
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    if activity.state != Activity.State.PLANNED:
        raise ValidationError("Only a planned activity can be marked ready to travel")
    missing = safeguarding_missing(activity)
    if missing:
        raise ValidationError("It cannot be marked ready to travel until it has " + "; ".join(missing))
    activity.state = Activity.State.READY
    activity.save(update_fields=["state"])
    return activity


@transaction.atomic
def activity_mark_complete(*, activity: Activity) -> Activity:
    """Complete: refused while any breach lacks a justification and a second person's approval."""
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    if activity.state in (Activity.State.COMPLETE, Activity.State.CANCELLED):
        raise ValidationError(f"The activity is already {activity.get_state_display().lower()}")
    if activity.has_young_people and activity.state != Activity.State.READY:
        raise ValidationError("An activity with young people must be ready to travel before it is complete")
    count = unresolved_breaches(activity)
    if count:
        raise ValidationError(
            f"It cannot be marked complete: {count} breach{'es' if count > 1 else ''} of the conduct rules "
            "still need a justification and a second person's approval"
        )
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
    breach = breach_text(check_gift(gift, policy_on(gift.given_on)))
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
    deadlines: Iterable[ReportingDeadline] = (),
    removed_deadlines: Iterable[ReportingDeadline] = (),
) -> ExternalFunding:
    """Record a bid or grant, the activities it pays for and its reporting deadlines, together."""
    funding.full_clean()
    activities = list(activities)
    wrong = [a for a in activities if a.partnership_id != funding.partnership_id]
    if wrong:
        raise ValidationError({"activities": "Choose activities of the same partnership"})
    funding.save()
    funding.activities.set(activities)
    for deadline in removed_deadlines:
        deadline.delete()
    for deadline in deadlines:
        deadline.funding = funding
        deadline.full_clean()
        deadline.save()
    return funding
