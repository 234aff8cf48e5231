"""What a cost or a gift shares when it breaks the council's rules: a flag, a justification, an approval.

A breach is not refused: it is flagged, then justified in writing by an officer and approved by a
second person (a different user from the one who recorded it).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from intlinks.bounds import DATE_BOUNDS, BoundedTextField


class BreachQuerySet(models.QuerySet):
    def unresolved(self):
        """Breaches still lacking a justification or an approval."""
        return self.exclude(breach="").filter(Q(justification="") | Q(approved_by__isnull=True))


class BreachApproval(models.Model):
    breach = BoundedTextField(
        blank=True, editable=False, help_text="The rules this breaks, set when it is saved; blank if none"
    )
    justification = BoundedTextField(blank=True, help_text="Why the breach is necessary")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_on = models.DateField(null=True, blank=True, validators=DATE_BOUNDS)

    class Meta:
        abstract = True

    @property
    def is_breach(self) -> bool:
        return bool(self.breach)

    @property
    def needs_attention(self) -> bool:
        return self.is_breach and not (self.justification and self.approved_by_id)

    def approval_refusal(self, user) -> str:
        """Why `user` may not approve this breach now ("" when they may): the one rule the page, the
        view and the service ask."""
        if not user.has_perm("partnerships.approve_breach"):
            return "You may not approve breaches of the conduct rules"
        if not self.breach:
            return "This breaks none of the rules: there is nothing to approve"
        if self.approved_by_id:
            return "This breach is already approved"
        if not self.justification:
            return "A breach needs a written justification before approval"
        if self.recorded_by_id == user.pk:
            return "A second person must approve: you recorded this yourself"
        return ""

    def can_be_approved_by(self, user) -> bool:
        """A second person with the permission approves a justified breach: never who recorded it."""
        return not self.approval_refusal(user)

    def clean_approval(self) -> None:
        if self.approved_by_id and not self.justification:
            raise ValidationError({"justification": "A breach needs a written justification before approval"})
        if self.approved_by_id and self.approved_by_id == self.recorded_by_id:
            raise ValidationError(
                {"approved_by": "A second person must approve: not the person who recorded it"}
            )
