"""Writes of how a link is judged: annual reviews, appraisals (and accepting one), the logframe."""

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from partnerships.models import AnnualReview, Appraisal, LogframeRow, Status, StatusChange
from partnerships.services.common import validated_save
from partnerships.services.links import partnership_change_status


@transaction.atomic
def review_record(*, review: AnnualReview) -> AnnualReview:
    """Record an annual review; a review in the last 12 months stops the link drifting.

    A recorded review is final (`AnnualReview.is_finalised`): Cabinet and the drift check rely on it, so
    a correction is a new review, never an edit of the old one."""
    if review.pk and AnnualReview.objects.filter(pk=review.pk).exists():
        raise ValidationError({"__all__": AnnualReview.FINAL_MESSAGE})
    return validated_save(review)


@transaction.atomic
def appraisal_save(*, appraisal: Appraisal) -> Appraisal:
    """Record or update an appraisal of a prospective link against the four criteria."""
    if appraisal.pk and Appraisal.objects.filter(pk=appraisal.pk, accepted_on__isnull=False).exists():
        raise ValidationError({"__all__": "This appraisal has been accepted and can no longer be changed"})
    return validated_save(appraisal)


@transaction.atomic
def appraisal_accept(*, appraisal: Appraisal, by: AbstractBaseUser, on: date | None = None) -> StatusChange:
    """Accept an appraisal that recommends formalising: the link moves from exploring to formalised/active."""
    on = on or timezone.localdate()
    appraisal = Appraisal.objects.select_for_update().get(pk=appraisal.pk)
    refusal = appraisal.acceptance_refusal()
    if refusal:
        raise ValidationError({"__all__": refusal})
    change = partnership_change_status(
        partnership=appraisal.partnership,
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
    return validated_save(row)
