"""Writes of the gifts and hospitality register."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from partnerships.conduct import breach_text, check_gift
from partnerships.models import ConductPolicy, Gift


@transaction.atomic
def gift_save(*, gift: Gift, by: AbstractBaseUser | None) -> Gift:
    """Record a gift or hospitality, flagged against the rules in force on its date."""
    if gift.pk is None:
        gift.recorded_by = by
    gift.full_clean()
    breach = breach_text(check_gift(gift, ConductPolicy.objects.in_force_on(gift.given_on)))
    if breach != gift.breach:
        # A changed breach must be justified and approved afresh.
        gift.justification, gift.approved_by, gift.approved_on = "", None, None
    gift.breach = breach
    gift.save()
    return gift
