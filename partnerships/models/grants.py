"""Grant applications from local organisations (twinning associations such as CLETA, LRTA and LMLG),
decided by the working party at a meeting and paid from a line of the overseas links budget.

The life cycle is draft -> submitted -> considered at a meeting -> approved or declined -> paid ->
monitoring report received -> closed. Each step is a service in `partnerships.services.grants`; which
step may be taken now, and why not, is asked of `GrantApplication.step_refusal`, the one home of the
order of the steps. Who did each step is on the record and in its `GrantStateChange` log; the
database's CHECK constraints keep what each state needs (an approved grant names its meeting, amount
and decider; a paid one its payment) and the separation of duties.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from intlinks.archive import Archivable, ArchivableQuerySet
from intlinks.bounds import DATE_BOUNDS, BoundedTextField, dates_in_bounds, texts_in_bounds
from intlinks.money import MONEY, MONEY_BOUNDS, amounts_in_bounds
from partnerships.models.links import Partnership
from partnerships.models.places import Organisation

# Spelled out for the database's CHECK (a class body's names are not visible inside its Meta).
GRANT_STATES = ["draft", "submitted", "considered", "approved", "declined", "paid", "monitored", "closed"]


def _user(verbose_name: str):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose_name,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )


class GrantApplication(Archivable):
    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"
        CONSIDERED = "considered", "Considered at a meeting"
        APPROVED = "approved", "Approved"
        DECLINED = "declined", "Declined"
        PAID = "paid", "Paid"
        MONITORED = "monitored", "Monitoring report received"
        CLOSED = "closed", "Closed"

    # States in which the working party has awarded the grant (the 360Giving export's grants).
    AWARDED = (State.APPROVED, State.PAID, State.MONITORED, State.CLOSED)
    PAID_STATES = (State.PAID, State.MONITORED, State.CLOSED)
    # Nothing of the record changes any more: declined is final, closed is the end of the life.
    FINAL = (State.DECLINED, State.CLOSED)

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="grant_applications"
    )
    registration_number = models.CharField(
        "charity or company number",
        max_length=30,
        blank=True,
        help_text="The organisation's registered charity or company number, if it has one",
    )
    partnership = models.ForeignKey(
        Partnership,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="grant_applications",
        help_text="The link it supports, if any",
    )
    title = models.CharField(max_length=140, help_text="For example, Youth football exchange with Strasbourg")
    purpose = BoundedTextField(help_text="What the grant pays for and why")
    objectives = models.ManyToManyField(
        "strategy.Objective", blank=True, related_name="grant_applications", help_text="Objectives it serves"
    )
    amount_requested = models.DecimalField("amount requested (£)", **MONEY, validators=MONEY_BOUNDS)
    budget_line = models.ForeignKey(
        "strategy.BudgetLine",
        on_delete=models.PROTECT,
        related_name="grant_applications",
        help_text="The grants line of the budget it is charged to",
    )
    state = models.CharField(max_length=20, choices=State.choices, default=State.DRAFT, editable=False)
    recorded_by = _user("recorded by")
    submitted_on = models.DateField(null=True, blank=True, editable=False, validators=DATE_BOUNDS)
    submitted_by = _user("submission recorded by")
    # The decision, taken at a meeting by a member present.
    meeting = models.ForeignKey(
        "partnerships.Meeting",
        verbose_name="decided at",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="decided_grants",
    )
    decided_by = _user("decision recorded by")
    decided_at = models.DateTimeField(null=True, blank=True, editable=False)
    amount_approved = models.DecimalField(
        "amount approved (£)", **MONEY, null=True, blank=True, editable=False, validators=MONEY_BOUNDS
    )
    conditions = BoundedTextField(blank=True, editable=False)
    decline_reasons = BoundedTextField("reasons for declining", blank=True, editable=False)
    override_reason = BoundedTextField(
        "why it was approved beyond what the budget line had left", blank=True, editable=False
    )
    # Payment and monitoring, recorded by an officer.
    amount_paid = models.DecimalField(
        "amount paid (£)", **MONEY, null=True, blank=True, editable=False, validators=MONEY_BOUNDS
    )
    paid_on = models.DateField(null=True, blank=True, editable=False, validators=DATE_BOUNDS)
    paid_by = _user("payment recorded by")
    monitoring_received_on = models.DateField(
        "monitoring report received on", null=True, blank=True, editable=False, validators=DATE_BOUNDS
    )
    monitoring_notes = BoundedTextField(blank=True, editable=False)

    objects = ArchivableQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[objectives])

    class Meta:
        ordering = ["-pk"]
        permissions = [("decide_grantapplication", "Can decide a grant application at a meeting")]
        constraints = [
            *texts_in_bounds(
                "purpose", "conditions", "decline_reasons", "override_reason", "monitoring_notes"
            ),
            *dates_in_bounds("submitted_on", "paid_on", "monitoring_received_on"),
            *amounts_in_bounds("amount_requested", "amount_approved", "amount_paid"),
            models.CheckConstraint(condition=Q(state__in=GRANT_STATES), name="grant_state_known"),
            models.CheckConstraint(
                condition=Q(state="draft") | Q(submitted_on__isnull=False, submitted_by__isnull=False),
                name="grant_submitted_has_date_and_officer",
            ),
            models.CheckConstraint(
                condition=~Q(state__in=["approved", "paid", "monitored", "closed"])
                | Q(meeting__isnull=False, decided_by__isnull=False, amount_approved__isnull=False),
                name="grant_approved_has_meeting_decider_amount",
            ),
            models.CheckConstraint(
                condition=~Q(state="declined")
                | (Q(meeting__isnull=False, decided_by__isnull=False) & ~Q(decline_reasons="")),
                name="grant_declined_has_meeting_decider_reasons",
            ),
            models.CheckConstraint(
                condition=~Q(state__in=["paid", "monitored", "closed"])
                | Q(amount_paid__isnull=False, paid_on__isnull=False, paid_by__isnull=False),
                name="grant_paid_has_payment",
            ),
            models.CheckConstraint(
                condition=Q(amount_paid__isnull=True) | Q(amount_paid__lte=F("amount_approved")),
                name="grant_paid_not_above_approved",
                violation_error_message="The payment cannot be more than the amount approved",
            ),
            models.CheckConstraint(
                condition=~Q(state__in=["monitored", "closed"]) | Q(monitoring_received_on__isnull=False),
                name="grant_monitored_has_date",
            ),
            models.CheckConstraint(
                condition=Q(decided_by__isnull=True)
                | Q(submitted_by__isnull=True)
                | ~Q(decided_by=F("submitted_by")),
                name="grant_decider_is_not_submitter",
            ),
            models.CheckConstraint(
                condition=Q(decided_by__isnull=True) | Q(paid_by__isnull=True) | ~Q(decided_by=F("paid_by")),
                name="grant_decider_is_not_payer",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.organisation.short_name or self.organisation.name})"

    def get_absolute_url(self):
        return reverse("partnerships:grant", args=[self.pk])

    @property
    def reference(self) -> str:
        """The council's own reference, the last part of its 360Giving identifier."""
        return f"G{self.pk:05d}"

    @property
    def financial_year(self):
        """The year of the budget it is charged to."""
        return self.budget_line.budget.financial_year if self.budget_line_id else None

    @property
    def year_label(self) -> str:
        return self.budget_line.budget.year_label if self.budget_line_id else ""

    @property
    def award_date(self):
        return self.meeting.held_on if self.meeting_id and self.state in self.AWARDED else None

    @property
    def is_locked(self) -> bool:
        """Declined or closed: nothing of it changes (the pages, the admin and the services ask this)."""
        return self.state in self.FINAL

    @property
    def state_meaning(self) -> str:
        return STATE_MEANINGS.get(self.state, "warning")

    # The order of the steps: what each needs the record to be in first.
    STEP_FROM = {
        "edit": (State.DRAFT,),
        "submit": (State.DRAFT,),
        "consider": (State.SUBMITTED, State.CONSIDERED),
        "decide": (State.CONSIDERED,),
        "pay": (State.APPROVED,),
        "monitor": (State.PAID,),
        "close": (State.MONITORED,),
    }
    STEP_WORDS = {
        "edit": "changed",
        "submit": "submitted",
        "consider": "put on a meeting's agenda",
        "decide": "decided",
        "pay": "paid",
        "monitor": "given a monitoring report",
        "close": "closed",
    }

    def step_refusal(self, step: str) -> str:
        """Why the application cannot take `step` now ("" when it can), in words that say why."""
        if self.is_archived:
            return "The application is archived: an Administrator must restore it first"
        if self.state in self.STEP_FROM[step]:
            return ""
        state = self.get_state_display().lower()
        if self.is_locked:
            return f"The application is {state}: it can no longer be {self.STEP_WORDS[step]}"
        if step == "decide" and self.state in (*self.AWARDED, self.State.DECLINED):
            return f"The application has already been decided ({state})"
        if step == "decide":
            return f"The application is {state}: it must be on a meeting's agenda before it is decided"
        needed = " or ".join(GrantApplication.State(s).label.lower() for s in self.STEP_FROM[step])
        return f"The application is {state}: only a {needed} application can be {self.STEP_WORDS[step]}"

    def can(self, step: str) -> bool:
        return not self.step_refusal(step)


STATE_MEANINGS: dict[str, str] = {
    GrantApplication.State.DRAFT: "info",
    GrantApplication.State.APPROVED: "good",
    GrantApplication.State.PAID: "good",
    GrantApplication.State.MONITORED: "good",
    GrantApplication.State.DECLINED: "bad",
    GrantApplication.State.CLOSED: "ended",
}


class GrantStateChange(models.Model):
    """One step of a grant application, with who took it, when and any note: its audit trail."""

    application = models.ForeignKey(GrantApplication, on_delete=models.PROTECT, related_name="state_changes")
    from_state = models.CharField(max_length=20, choices=GrantApplication.State.choices)
    to_state = models.CharField(max_length=20, choices=GrantApplication.State.choices)
    changed_at = models.DateTimeField(default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    note = BoundedTextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["changed_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(from_state=F("to_state")), name="grant_state_change_moves"),
            *texts_in_bounds("note"),
        ]

    def __str__(self):
        return f"{self.get_from_state_display()} to {self.get_to_state_display()}"
