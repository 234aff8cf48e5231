"""Writes of the gifts and hospitality register."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from partnerships.conduct import breach_text, check_gift
from partnerships.models import Activity, ConductPolicy, Gift
from partnerships.services.activities import settle_readiness
from partnerships.services.conduct import note_amount_change


def _refuse_closed_activities(gift: Gift) -> None:
    """A gift of a complete or cancelled activity (before or after this change) waits for a reopening."""
    stored = (
        Gift.objects.filter(pk=gift.pk).values_list("activity_id", flat=True).first() if gift.pk else None
    )
    for activity in Activity.objects.filter(pk__in={stored, gift.activity_id} - {None}):
        if activity.is_locked:
            raise ValidationError({"activity": activity.lock_refusal()})


@transaction.atomic
def gift_save(*, gift: Gift, by: AbstractBaseUser | None) -> Gift:
    """Record a gift or hospitality, flagged against the rules in force on its date; who changed its
    value is recorded, and a ready activity it belongs to goes back to planned if it now has a breach."""
    if gift.pk is None:
        gift.recorded_by = by
    gift.full_clean()
    _refuse_closed_activities(gift)
    note_amount_change(gift, by=by)
    gift.record_breach(breach_text(check_gift(gift, ConductPolicy.objects.in_force_on(gift.given_on))))
    gift.save()
    if gift.activity_id:
        gift.gate_reopened = settle_readiness(activity=gift.activity, by=by)
    return gift
