"""Writes of the activity log: an activity with its costs, the safeguarding gate, its steps, evidence."""

from collections.abc import Iterable, Sequence

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from intlinks.editing import save_rows, validate_rows
from intlinks.services import record_archive
from partnerships.conduct import breach_text, check_cost
from partnerships.models import Activity, ConductPolicy, Cost, Evidence
from partnerships.services.common import delete_with_file


def _flag_cost(cost: Cost) -> None:
    """Validate a cost, store its amount in pounds, and record the rules it breaks under the policy in
    force on its date."""
    cost.full_clean(exclude=["activity"])
    cost.amount_gbp = cost.converted_amount()
    policy = ConductPolicy.objects.prefetch_related("hotel_caps").in_force_on(cost.incurred_on)
    breach = breach_text(check_cost(cost, policy))
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
    field, and the costs' errors together as `RowErrors` by each cost's position in `costs`. Removed
    costs are archived, not deleted.
    """
    if activity.pk is None:
        activity.recorded_by = by
    activity.full_clean()
    for cost in costs:
        if cost.pk is None:
            cost.recorded_by = by
    validate_rows(costs, _flag_cost)
    removed_costs = list(removed_costs)
    refusals = [refusal for cost in removed_costs if (refusal := cost.removal_refusal())]
    if refusals:
        raise ValidationError(refusals)
    if not activity.paid_from_public_funds and any(c.paid_by == Cost.PaidBy.COUNCIL for c in costs):
        raise ValidationError(
            {"paid_from_public_funds": "The council pays some of its costs: it is paid from public funds"}
        )
    activity.save()
    activity.objectives.set(objectives)
    activity.ways_forward.set(ways_forward)
    save_rows(costs, (), activity=activity)
    for cost in removed_costs:
        # Archived, not deleted: a removed cost leaves the totals but stays for the auditor, restorable.
        record_archive(record=cost, by=by, reason="Removed from the activity's costs")
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


def _take_step(activity: Activity, to: str) -> Activity:
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    check = activity.ready_check() if to == Activity.State.READY else activity.complete_check()
    if not check.allowed:
        raise ValidationError(check.reason)
    activity.state = to
    activity.save(update_fields=["state"])
    return activity


@transaction.atomic
def activity_mark_ready(*, activity: Activity) -> Activity:
    """Ready to travel: refused while the safeguarding checklist of a youth activity is incomplete
    (`Activity.ready_check`)."""
    return _take_step(activity, Activity.State.READY)


@transaction.atomic
def activity_mark_complete(*, activity: Activity) -> Activity:
    """Complete: refused while any breach lacks a justification and a second person's approval
    (`Activity.complete_check`)."""
    return _take_step(activity, Activity.State.COMPLETE)


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
def evidence_delete(*, evidence: Evidence) -> None:
    """Delete a piece of evidence (a wrong file, or personal data uploaded by mistake) with its file."""
    delete_with_file(evidence, "file")
