"""Every write to the register. Views, the admin's actions, the demo loader and tests call these.

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
    Agreement,
    AnnualReview,
    Appraisal,
    Contact,
    LogframeRow,
    Organisation,
    Partnership,
    PartnershipOrganisation,
    Place,
    Status,
    StatusChange,
    Theme,
)

# The life cycle after the LGIB handbook: where a link may go from each status. Ended is final.
ALLOWED_MOVES: dict[str, tuple[str, ...]] = {
    Status.APPROACH_RECEIVED: (Status.EXPLORING, Status.ENDED),
    Status.EXPLORING: (Status.ACTIVE, Status.ENDED),
    Status.ACTIVE: (Status.UNDER_REVIEW, Status.DORMANT, Status.ENDED),
    Status.UNDER_REVIEW: (Status.ACTIVE, Status.DORMANT, Status.ENDED),
    Status.DORMANT: (Status.ACTIVE, Status.UNDER_REVIEW, Status.ENDED),
    Status.ENDED: (),
}
# A new entry in the register starts as an approach, an exploration, or an existing formalised link.
STARTING_STATUSES = (Status.APPROACH_RECEIVED, Status.EXPLORING, Status.ACTIVE)


def _validated_save(instance):
    instance.full_clean()
    instance.save()
    return instance


def allowed_moves_from(status: str) -> list[tuple[str, str]]:
    """(value, label) of the statuses a link may move to from `status`, for a form's choices."""
    return [(value, Status(value).label) for value in ALLOWED_MOVES[status]]


@transaction.atomic
def place_save(*, place: Place) -> Place:
    """Create or update a partner place."""
    return _validated_save(place)


@transaction.atomic
def organisation_save(*, organisation: Organisation) -> Organisation:
    """Create or update a local organisation."""
    return _validated_save(organisation)


@transaction.atomic
def contact_save(*, contact: Contact) -> Contact:
    """Create or update a contact; the purpose of holding their details is required."""
    return _validated_save(contact)


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
    _validated_save(partnership)
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
    _validated_save(partnership)
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
    _validated_save(current)
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
    elif to not in ALLOWED_MOVES[partnership.status]:
        if partnership.status == Status.ENDED:
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
    return _validated_save(agreement)


@transaction.atomic
def review_record(*, review: AnnualReview) -> AnnualReview:
    """Record an annual review; a review in the last 12 months stops the link drifting."""
    return _validated_save(review)


@transaction.atomic
def appraisal_save(*, appraisal: Appraisal) -> Appraisal:
    """Record or update an appraisal of a prospective link against the four criteria."""
    if appraisal.pk and Appraisal.objects.filter(pk=appraisal.pk, accepted_on__isnull=False).exists():
        raise ValidationError({"__all__": "This appraisal has been accepted and can no longer be changed"})
    return _validated_save(appraisal)


@transaction.atomic
def appraisal_accept(*, appraisal: Appraisal, by: AbstractBaseUser, on: date | None = None) -> StatusChange:
    """Accept an appraisal that recommends formalising: the link moves from exploring to formalised/active."""
    on = on or timezone.localdate()
    appraisal = Appraisal.objects.select_for_update().get(pk=appraisal.pk)
    if appraisal.is_accepted:
        raise ValidationError({"__all__": "This appraisal has already been accepted"})
    if appraisal.recommendation != Appraisal.Recommendation.PROCEED:
        raise ValidationError(
            {"__all__": "Only an appraisal that recommends formalising the link can be accepted"}
        )
    partnership = appraisal.partnership
    if partnership.status != Status.EXPLORING:
        current = partnership.get_status_display().lower()
        raise ValidationError({"__all__": f"Only a link being explored can be formalised; it is {current}"})
    change = partnership_change_status(
        partnership=partnership,
        to=Status.ACTIVE,
        by=by,
        on=on,
        reason=f"Appraisal of {appraisal.appraised_on:%-d %B %Y} accepted "
        f"(criteria score {appraisal.criteria_score} out of 12): {appraisal.recommendation_reason}",
    )
    appraisal.accepted_on = on
    appraisal.accepted_by = by
    appraisal.save(update_fields=["accepted_on", "accepted_by"])
    return change


@transaction.atomic
def logframe_row_save(*, row: LogframeRow) -> LogframeRow:
    """Add or change a row of a link's logical framework."""
    return _validated_save(row)


@transaction.atomic
def partnership_organisation_save(*, involvement: PartnershipOrganisation) -> PartnershipOrganisation:
    """Record a local organisation's part in a link."""
    return _validated_save(involvement)
