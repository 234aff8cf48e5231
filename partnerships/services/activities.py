"""Writes of the activity log: an activity with its costs, the safeguarding gate, its steps, evidence.

Two rules run through every write here. A complete or cancelled activity is closed
(`Activity.is_locked`): nothing of it changes until `activity_reopen`. And a ready-to-travel activity
whose gate reopens (`Activity.readiness_lapse`) goes back to planned: the write returns the reason as
`gate_reopened` on what it saved, for the page to tell the person.
"""

from collections.abc import Iterable, Sequence

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from intlinks import data_version
from intlinks.archive import refuse_stale_parents
from intlinks.editing import save_rows, validate_rows
from intlinks.services import record_archive
from partnerships.conduct import breach_text, check_cost, excess_of
from partnerships.models import (
    Activity,
    ActivityStateChange,
    ConductPolicy,
    Cost,
    Evidence,
    policy_in_force,
)
from partnerships.services.common import delete_with_file
from partnerships.services.conduct import note_amount_change


def _locked_for_change(pk: int | None) -> Activity | None:
    """The stored activity, locked for this transaction; refused if it is closed."""
    if pk is None:
        return None
    activity = Activity.objects.select_for_update().get(pk=pk)
    if activity.is_locked:
        raise ValidationError(activity.lock_refusal())
    return activity


def _move(activity: Activity, to: str, *, by: AbstractBaseUser | None, reason: str = "") -> Activity:
    """Change the state of a stored activity and record who, when and why."""
    change = ActivityStateChange(
        activity=activity, from_state=activity.state, to_state=to, changed_by=by, reason=reason
    )
    change.full_clean()  # the reason's bound, before anything is written
    change.save()
    activity.state = to
    activity.save(update_fields=["state"])
    return activity


def settle_readiness(*, activity: Activity, by: AbstractBaseUser | None) -> str:
    """After a change: a ready activity whose gate has reopened goes back to planned. Returns why ("" if
    nothing moved)."""
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    lapse = activity.readiness_lapse()
    if lapse:
        _move(activity, Activity.State.PLANNED, by=by, reason=lapse)
    return lapse


def _policies() -> list[ConductPolicy]:
    """Every policy that applies, with its hotel caps, read once for all the costs of one save."""
    return list(ConductPolicy.objects.current().prefetch_related("hotel_caps"))


def _flag_cost(cost: Cost, by: AbstractBaseUser | None, policies: list[ConductPolicy]) -> None:
    """Validate a cost, store its amount in pounds, note who changed its amount, and record the rules
    it breaks under the policy in force on its date."""
    cost.full_clean(exclude=["activity"])
    cost.amount_gbp = cost.converted_amount()
    note_amount_change(cost, by=by)
    flags = check_cost(cost, policy_in_force(policies, cost.incurred_on))
    cost.record_breach(breach_text(flags))
    cost.excess_gbp = excess_of(flags)


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
    stored = _locked_for_change(activity.pk)
    if stored is None:
        activity.recorded_by = by
    else:  # the state moves only through the steps below, never through this form
        activity.state = stored.state
    activity.full_clean()
    for cost in costs:
        if cost.pk is None:
            cost.recorded_by = by
    policies = _policies()
    validate_rows(costs, lambda cost: _flag_cost(cost, by, policies))
    removed_costs = list(removed_costs)
    refusals = [refusal for cost in removed_costs if (refusal := cost.removal_refusal())]
    if refusals:
        raise ValidationError(refusals)
    funding_errors = activity.funding_errors(council_pays=Cost.council_pays_any(costs))
    if funding_errors:
        raise ValidationError(funding_errors)
    activity.save()
    activity.objectives.set(objectives)
    activity.ways_forward.set(ways_forward)
    save_rows(costs, (), activity=activity)
    for cost in removed_costs:
        # Archived, not deleted: a removed cost leaves the totals but stays for the auditor, restorable.
        record_archive(record=cost, by=by, reason="Removed from the activity's costs")
    activity.gate_reopened = settle_readiness(activity=activity, by=by)
    return activity


def activity_check_imported(*, activity: Activity, by: AbstractBaseUser | None) -> None:
    """Validate an imported activity (no costs, no links to objectives) by `activity_log`'s rules,
    without saving it: `activities_save_imported` writes a file's activities in bulk afterwards.

    `activity` is new, or the stored record as read once for the whole file, with the file's values
    set: its state and archive are the database's (the import has no column for them). The database
    CHECK constraints are not asked one query each (`validate_constraints`): each has its Python twin in
    a field validator or `Activity.clean` (`test_import_activities_in_bulk` breaks each), and the
    database enforces them again when the batch is written. Nor are the records it points at (its link,
    the person) read again one query each: `activities_save_imported` asks for a whole batch
    (`refuse_stale_parents`).
    """
    if activity.pk is None:
        activity.recorded_by = by
    elif activity.is_locked:
        raise ValidationError(activity.lock_refusal())
    foreign_keys = [field.name for field in Activity._meta.concrete_fields if field.many_to_one]
    activity.full_clean(exclude=foreign_keys, validate_constraints=False, as_read=True)


@transaction.atomic
def activities_save_imported(
    *,
    created: Sequence[Activity],
    updated: Sequence[Activity],
    fields: Sequence[str],
    by: AbstractBaseUser | None,
) -> None:
    """Write activities validated by `activity_check_imported`, in bulk, each with its history row
    naming `by`; of the stored ones only `fields` (what the file sets) change.

    The stored ones are locked first: one closed or archived by a colleague since the file was read
    refuses the whole batch, and each keeps the state it has now. A ready activity whose gate reopened
    goes back to planned, as after `activity_log`."""
    refuse_stale_parents([*created, *updated])
    if updated:
        stored = Activity.objects.select_for_update().in_bulk([activity.pk for activity in updated])
        closed = [str(a) for a in stored.values() if a.is_locked or a.is_archived]
        if closed:
            raise ValidationError(
                "Closed or archived by a colleague since the file was read: " + ", ".join(closed)
            )
        for activity in updated:  # its history row records the state it has, not the one read
            activity.state = stored[activity.pk].state
        bulk_update_with_history(updated, Activity, fields, batch_size=500, default_user=by)
    bulk_create_with_history(created, Activity, batch_size=500, default_user=by)
    data_version.changed()  # bulk writes send no signal
    for activity in updated:
        if activity.state == Activity.State.READY:
            settle_readiness(activity=activity, by=by)


@transaction.atomic
def cost_save(*, cost: Cost, by: AbstractBaseUser | None) -> Cost:
    """Save one cost of an activity, flagged against the rules in force on its date."""
    stored_activity = Cost.objects.filter(pk=cost.pk).values_list("activity_id", flat=True).first()
    for activity_pk in {stored_activity, cost.activity_id} - {None}:
        _locked_for_change(activity_pk)
    if cost.pk is None:
        cost.recorded_by = by
    _flag_cost(cost, by, _policies())
    cost.full_clean()
    cost.save()
    cost.gate_reopened = settle_readiness(activity=cost.activity, by=by)
    return cost


def _take_step(activity: Activity, to: str, by: AbstractBaseUser | None) -> Activity:
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    check = activity.ready_check() if to == Activity.State.READY else activity.complete_check()
    if not check.allowed:
        raise ValidationError(check.reason)
    return _move(activity, to, by=by)


@transaction.atomic
def activity_mark_ready(*, activity: Activity, by: AbstractBaseUser | None = None) -> Activity:
    """Ready to travel: refused while the safeguarding checklist of a youth activity is incomplete
    (`Activity.ready_check`)."""
    return _take_step(activity, Activity.State.READY, by)


@transaction.atomic
def activity_mark_complete(*, activity: Activity, by: AbstractBaseUser | None = None) -> Activity:
    """Complete: refused while any breach lacks a justification and a second person's approval
    (`Activity.complete_check`). A complete activity is closed until reopened."""
    return _take_step(activity, Activity.State.COMPLETE, by)


def _reason(reason: str, what: str) -> str:
    if not reason.strip():
        raise ValidationError({"reason": f"Enter why the activity is {what}"})
    return reason.strip()


@transaction.atomic
def activity_reopen(*, activity: Activity, by: AbstractBaseUser, reason: str) -> Activity:
    """Reopen a complete or cancelled activity, back to planned, with a recorded reason: the only way to
    change one."""
    reason = _reason(reason, "reopened")
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    if not activity.can_reopen:
        raise ValidationError("Only a complete or cancelled activity can be reopened")
    return _move(activity, Activity.State.PLANNED, by=by, reason=reason)


@transaction.atomic
def activity_cancel(*, activity: Activity, by: AbstractBaseUser, reason: str) -> Activity:
    """Cancel a planned or ready activity with a recorded reason; it is then closed like a complete one."""
    reason = _reason(reason, "cancelled")
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    if not activity.can_cancel:
        raise ValidationError(activity.lock_refusal())
    return _move(activity, Activity.State.CANCELLED, by=by, reason=reason)


@transaction.atomic
def activity_update_safeguarding(*, activity: Activity, by: AbstractBaseUser | None = None) -> Activity:
    """Save the safeguarding checklist of an activity; a ready one that now lacks something goes back
    to planned."""
    stored = _locked_for_change(activity.pk)
    activity.state = stored.state
    activity.full_clean()
    activity.save()
    activity.gate_reopened = settle_readiness(activity=activity, by=by)
    return activity


@transaction.atomic
def evidence_add(*, evidence: Evidence, by: AbstractBaseUser | None) -> Evidence:
    """Store a photo or document; its type is read from its content and its size capped."""
    _locked_for_change(evidence.activity_id)
    if evidence.pk is None:
        evidence.uploaded_by = by
    evidence.full_clean()
    evidence.save()
    return evidence


@transaction.atomic
def evidence_delete(*, evidence: Evidence, by: AbstractBaseUser | None = None) -> Activity:
    """Delete a piece of evidence of an open activity (a wrong file, or personal data uploaded by
    mistake) with its file; a ready youth activity losing its risk assessment goes back to planned."""
    activity = _locked_for_change(evidence.activity_id)
    delete_with_file(evidence, "file")
    activity.gate_reopened = settle_readiness(activity=activity, by=by)
    return activity
