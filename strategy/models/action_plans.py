"""Annual action plans: their actions, and each action's dated progress updates (status and RAG).

An action's current status and RAG are its latest update's; `Action.objects.with_progress()` works
them out in SQL, with the overdue and stale flags every page, export and reminder uses.
"""

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, ExpressionWrapper, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, TruncDate
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from intlinks.bounds import DATE_BOUNDS, SOURCE_MAX_LENGTH, BoundedTextField, dates_in_bounds, texts_in_bounds
from intlinks.money import MONEY, MONEY_BOUNDS, ZERO, amounts_in_bounds
from strategy.fields import FinancialYearField, financial_years_in_bounds
from strategy.financial_years import FinancialYear
from strategy.models.common import SOURCE_HELP
from strategy.models.strategies import Objective, Strategy, WayForward


class ActionPlan(models.Model):
    strategy = models.ForeignKey(Strategy, on_delete=models.PROTECT, related_name="action_plans")
    financial_year = FinancialYearField()
    title = models.CharField(max_length=200, blank=True)
    source = BoundedTextField(blank=True, max_length=SOURCE_MAX_LENGTH, help_text=SOURCE_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["strategy", "financial_year"]
        constraints = [
            *texts_in_bounds("source", max_length=SOURCE_MAX_LENGTH),
            *financial_years_in_bounds("financial_year"),
            models.UniqueConstraint(fields=["strategy", "financial_year"], name="one_action_plan_a_year"),
        ]

    def __str__(self):
        return self.title or f"Action plan {self.year_label}"

    def get_absolute_url(self):
        return reverse("strategy:action_plan", args=[self.pk])

    @property
    def year_label(self) -> str:
        return FinancialYear(self.financial_year).label

    def clean(self):
        if self.strategy_id and self.financial_year is not None:
            if not self.strategy.covers(self.financial_year):
                raise ValidationError(
                    {"financial_year": f"Choose a year within the strategy, {self.strategy.period_label}"}
                )
            clash = ActionPlan.objects.filter(strategy=self.strategy, financial_year=self.financial_year)
            if clash.exclude(pk=self.pk).exists():
                raise ValidationError(
                    {"financial_year": f"The strategy already has an action plan for {self.year_label}"}
                )


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    ON_TRACK = "on_track", "On track"
    AT_RISK = "at_risk", "At risk"
    OFF_TRACK = "off_track", "Off track"
    COMPLETE = "complete", "Complete"
    DROPPED = "dropped", "Dropped"


CLOSED_STATUSES = (ActionStatus.COMPLETE, ActionStatus.DROPPED)


class Rag(models.TextChoices):
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"


NOT_RATED = "not_rated"  # an action with no progress update yet


class ActionQuerySet(models.QuerySet):
    def with_progress(self, *, today: date | None = None) -> "ActionQuerySet":
        """Annotate each action's current status and RAG (from its latest update) and its flags.

        `current_status`, `current_rag` (``not_rated`` before any update), `last_update_at`,
        `is_overdue` (past its due date and neither complete nor dropped) and `is_stale` (open, and no
        update for longer than settings.ACTION_UPDATE_INTERVAL_DAYS, counted from its creation when it
        has never had one).
        """
        today = today or timezone.localdate()
        stale_before = today - timedelta(days=settings.ACTION_UPDATE_INTERVAL_DAYS)
        latest = ProgressUpdate.objects.filter(action=OuterRef("pk")).order_by("-recorded_at", "-pk")
        open_ = ~Q(current_status__in=CLOSED_STATUSES)
        return self.annotate(
            current_status=Coalesce(Subquery(latest.values("status")[:1]), Value(ActionStatus.NOT_STARTED)),
            current_rag=Coalesce(Subquery(latest.values("rag")[:1]), Value(NOT_RATED)),
            last_update_at=Subquery(latest.values("recorded_at")[:1]),
            last_activity_on=ExpressionWrapper(
                TruncDate(Coalesce(F("last_update_at"), F("created_at"))), output_field=models.DateField()
            ),
        ).annotate(
            is_overdue=Case(
                When(open_ & Q(due_date__lt=today), then=Value(True)),
                default=Value(False),
                output_field=models.BooleanField(),
            ),
            is_stale=Case(
                When(open_ & Q(last_activity_on__lt=stale_before), then=Value(True)),
                default=Value(False),
                output_field=models.BooleanField(),
            ),
        )


class Action(models.Model):
    """One line of an annual action plan. Its current status and RAG come from its latest update."""

    action_plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="actions")
    reference = models.CharField(max_length=20, help_text="For example, 1a-1")
    description = BoundedTextField()
    objective = models.ForeignKey(Objective, on_delete=models.PROTECT, related_name="actions")
    way_forward = models.ForeignKey(
        WayForward, on_delete=models.PROTECT, related_name="actions", null=True, blank=True
    )
    lead_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    start_date = models.DateField(validators=DATE_BOUNDS)
    due_date = models.DateField(validators=DATE_BOUNDS)
    planned_cost = models.DecimalField(**MONEY, default=ZERO, validators=MONEY_BOUNDS)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["action_plan", "objective__number", "reference"]
        constraints = [
            *texts_in_bounds("description"),
            *dates_in_bounds("start_date", "due_date"),
            *amounts_in_bounds("planned_cost"),
            models.UniqueConstraint(fields=["action_plan", "reference"], name="action_reference_unique"),
            models.CheckConstraint(
                condition=Q(due_date__gte=models.F("start_date")), name="action_due_after_start"
            ),
            models.CheckConstraint(condition=Q(planned_cost__gte=0), name="action_cost_not_negative"),
        ]

    def __str__(self):
        return f"{self.reference}: {self.description[:80]}"

    def get_absolute_url(self):
        return reverse("strategy:action", args=[self.pk])

    def clean(self):
        errors = {}
        if self.start_date and self.due_date and self.due_date < self.start_date:
            errors["due_date"] = "The due date must be the same as or after the start date"
        if self.action_plan_id and self.objective_id:
            if self.objective.strategy_id != self.action_plan.strategy_id:
                errors["objective"] = "Choose an objective of this action plan's strategy"
        if self.way_forward_id and self.objective_id and self.way_forward.objective_id != self.objective_id:
            errors["way_forward"] = "Choose a way forward of the chosen objective"
        if errors:
            raise ValidationError(errors)


class ProgressUpdate(models.Model):
    """A dated report on an action. Append-only: history is never overwritten."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()
    status = models.CharField(max_length=12, choices=ActionStatus.choices)
    rag = models.CharField("RAG", max_length=5, choices=Rag.choices)
    note = BoundedTextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "-recorded_at", "-pk"]
        get_latest_by = ["recorded_at", "pk"]
        constraints = [
            *texts_in_bounds("note"),
            models.CheckConstraint(condition=~Q(rag="red") | ~Q(note=""), name="red_update_has_note"),
        ]

    def __str__(self):
        return f"{self.action.reference} on {self.recorded_at:%d %b %Y}: {self.get_status_display()}"

    def save(self, *args, **kwargs):
        # Updates are the action's history: a correction is a new update, never an edit of an old one.
        if not self._state.adding:
            raise ValidationError("Progress updates cannot be changed; add a new update instead")
        super().save(*args, **kwargs)

    def clean(self):
        if self.rag == Rag.RED and not self.note.strip():
            raise ValidationError({"note": "Say why the action is red and what will be done"})
