"""Writes of links: recording one, moving it along its life cycle, its agreements and organisations.

Each function validates the whole object (`full_clean`) before saving and raises `ValidationError`
keyed by field, so a form can show each message beside its field; multi-row writes are atomic.
"""

from collections.abc import Iterable
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from partnerships.models import (
    ALLOWED_MOVES,
    STARTING_STATUSES,
    Agreement,
    Partnership,
    PartnershipOrganisation,
    Status,
    StatusChange,
    Theme,
)
from partnerships.services.common import delete_with_file, validated_save


@transaction.atomic
def partnership_create(
    *,
    partnership: Partnership,
    themes: Iterable[Theme] = (),
    by: AbstractBaseUser | None,
    on: date | None = None,
    reason: str = "Link recorded in the register",
) -> Partnership:
    """Record a new link with its themes and the first entry of its status history."""
    if partnership.status not in STARTING_STATUSES:
        labels = ", ".join(Status(s).label.lower() for s in STARTING_STATUSES)
        raise ValidationError({"status": f"A new link starts as one of: {labels}"})
    validated_save(partnership)
    partnership.themes.set(themes)
    StatusChange.objects.create(
        partnership=partnership,
        from_status="",
        to_status=partnership.status,
        changed_on=on or timezone.localdate(),
        changed_by=by,
        reason=reason,
    )
    return partnership


@transaction.atomic
def partnership_update(*, partnership: Partnership, themes: Iterable[Theme]) -> Partnership:
    """Save a link's details and themes. Its status changes only through partnership_change_status."""
    stored_status = Partnership.objects.values_list("status", flat=True).get(pk=partnership.pk)
    if partnership.status != stored_status:
        raise ValidationError({"status": "Change the status with “Change status”, which records why"})
    validated_save(partnership)
    partnership.themes.set(themes)
    return partnership


@transaction.atomic
def partnership_change_status(
    *, partnership: Partnership, to: str, by: AbstractBaseUser | None, reason: str, on: date | None = None
) -> StatusChange:
    """Move a link along its life cycle and record the move (date, who, why) in the same transaction.

    Refuses a move the life cycle does not allow, a change dated in the future or before the link's
    last recorded change, and a change without a reason.
    """
    on = on or timezone.localdate()
    # Lock the row so two people moving the same link at once cannot both succeed from the same status.
    current = Partnership.objects.select_for_update().get(pk=partnership.pk)
    _check_move(current, to=to, on=on, reason=reason)
    change = StatusChange(
        partnership=current,
        from_status=current.status,
        to_status=to,
        changed_on=on,
        changed_by=by,
        reason=reason,
    )
    change.full_clean()
    current.status = to
    validated_save(current)
    change.save()
    partnership.status = to
    return change


def _check_move(partnership: Partnership, *, to: str, on: date, reason: str) -> None:
    errors = {}
    current_label = partnership.get_status_display().lower()
    if to not in Status.values:
        errors["to"] = "Choose a status from the list"
    elif to == partnership.status:
        errors["to"] = f"The link is already {current_label}"
    elif not partnership.can_move_to(to):
        if not partnership.can_change_status:
            errors["to"] = "This link has ended: an ended link cannot move again; record a new link instead"
        else:
            allowed = ", ".join(Status(s).label.lower() for s in ALLOWED_MOVES[partnership.status])
            errors["to"] = (
                f"A link cannot move from {current_label} to {Status(to).label.lower()}; "
                f"it can move to: {allowed}"
            )
    if on > timezone.localdate():
        errors["on"] = "The date of the change cannot be in the future"
    last = partnership.status_changes.order_by("-changed_on").values_list("changed_on", flat=True).first()
    if last and on < last:
        errors["on"] = f"The date of the change cannot be before the last recorded change ({last:%-d %B %Y})"
    if not reason.strip():
        errors["reason"] = "Enter why the status is changing"
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def agreement_save(*, agreement: Agreement) -> Agreement:
    """Record or update a charter, friendship agreement or MoU, with its signed document."""
    return validated_save(agreement)


@transaction.atomic
def agreement_delete(*, agreement: Agreement) -> None:
    """Delete an agreement recorded in error with its signed document, leaving no file on disk."""
    delete_with_file(agreement, "document")


@transaction.atomic
def partnership_organisation_save(*, involvement: PartnershipOrganisation) -> PartnershipOrganisation:
    """Record a local organisation's part in a link."""
    return validated_save(involvement)
