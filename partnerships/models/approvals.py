"""What a cost or a gift shares when it breaks the council's rules: a flag, a justification, an approval.

A breach is not refused: it is flagged, then justified in writing by an officer and approved by a
second person. "Second" means a different user from each person who shaped what is approved: whoever
recorded the row, last changed its amount, or wrote the justification. The services set those fields;
no form or admin page does.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from intlinks.archive import CURRENT, ArchivableQuerySet
from intlinks.bounds import DATE_BOUNDS, BoundedTextField

# Breaches still lacking a justification or an approval (an archived one no longer counts). One Q, so
# that the partial indexes serving "needs attention" (Cost and Gift Meta.indexes) match the query.
UNRESOLVED = CURRENT & ~Q(breach="") & (Q(justification="") | Q(approved_by__isnull=True))
# Every current breach, resolved or not: "since the last meeting" lists those approved in a period, from
# a partial index on this Q (Cost and Gift Meta.indexes).
FLAGGED = CURRENT & ~Q(breach="")


class BreachQuerySet(ArchivableQuerySet):
    def unresolved(self):
        """Breaches still lacking a justification or an approval (an archived one no longer counts)."""
        return self.filter(UNRESOLVED)


def _user_field(verbose_name: str):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )


# Who may not approve: each of these people shaped the breach being approved.
AUTHOR_FIELDS = {
    "recorded_by": "you recorded this yourself",
    "amount_changed_by": "you last changed its amount or what it is checked against",
    "justified_by": "you wrote its justification",
}


SECOND_PERSON_MESSAGE = (
    "A second person must approve: not who recorded it, last changed its amount or justified it"
)


def second_person_constraints(prefix: str) -> list[models.CheckConstraint]:
    """The database's own copy of the rule: an approver is none of the breach's authors."""
    return [
        models.CheckConstraint(
            condition=Q(approved_by__isnull=True)
            | Q(**{f"{field}__isnull": True})
            | ~Q(approved_by=F(field)),
            name=f"{prefix}_approver_is_not_{field.removesuffix('_by')}",
        )
        for field in AUTHOR_FIELDS
    ]


class BreachApproval(models.Model):
    breach = BoundedTextField(
        blank=True, editable=False, help_text="The rules this breaks, set when it is saved; blank if none"
    )
    justification = BoundedTextField(blank=True, editable=False, help_text="Why the breach is necessary")
    justified_by = _user_field("justified by")
    justified_on = models.DateTimeField(null=True, blank=True, editable=False)
    recorded_by = _user_field("recorded by")
    amount_changed_by = _user_field("amount last changed by")
    amount_changed_on = models.DateTimeField("amount last changed on", null=True, blank=True, editable=False)
    approved_by = _user_field("approved by")
    approved_on = models.DateField(null=True, blank=True, editable=False, validators=DATE_BOUNDS)

    # The fields whose change alters what was approved (the services compare them with the stored row).
    AMOUNT_FIELDS: tuple[str, ...] = ()

    class Meta:
        abstract = True

    @property
    def is_breach(self) -> bool:
        return bool(self.breach)

    @property
    def needs_attention(self) -> bool:
        return self.is_breach and not (self.justification and self.approved_by_id)

    @property
    def next_step(self) -> str:
        """What an unresolved breach waits for, in the words the officers' lists use."""
        if not self.needs_attention:
            return ""
        return "Justified; awaiting approval." if self.justification else "Needs a justification."

    def record_breach(self, breach: str) -> None:
        """Store the rules this breaks, as the checks word them; a changed breach must be justified and
        approved afresh, so its justification and approval go."""
        if breach != self.breach:
            self.justification, self.justified_by, self.justified_on = "", None, None
            self.approved_by, self.approved_on = None, None
        self.breach = breach

    @property
    def is_locked(self) -> bool:
        """Whether the record it belongs to is closed (a complete or cancelled activity)."""
        activity = getattr(self, "activity", None)
        return bool(activity and activity.is_locked)

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
        if self.is_locked:
            return "The activity is closed: reopen it before approving"
        for field, reason in AUTHOR_FIELDS.items():
            if getattr(self, f"{field}_id") == user.pk:
                return f"A second person must approve: {reason}"
        if not self.justified_by_id:
            # Justified before the author was recorded: nobody can tell whether the approver wrote it.
            return "Who justified this breach is not recorded: save the justification again first"
        return ""

    def can_be_approved_by(self, user) -> bool:
        """A second person with the permission approves a justified breach: never who recorded it, last
        changed its amount, or justified it."""
        return not self.approval_refusal(user)

    def clean_approval(self) -> None:
        if self.approved_by_id and not self.justification:
            raise ValidationError({"justification": "A breach needs a written justification before approval"})
        if self.approved_by_id and any(
            self.approved_by_id == getattr(self, f"{f}_id") for f in AUTHOR_FIELDS
        ):
            raise ValidationError({"approved_by": SECOND_PERSON_MESSAGE})
