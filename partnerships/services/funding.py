"""Writes of external funding: a bid or grant with the activities it pays for and its deadlines."""

from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction

from intlinks.editing import save_rows, validate_rows
from partnerships.models import Activity, ExternalFunding, ReportingDeadline


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
    validate_rows(deadlines, lambda deadline: deadline.full_clean(exclude=["funding"]))
    funding.save()
    funding.activities.set(activities)
    save_rows(deadlines, removed_deadlines, funding=funding)
    return funding
