"""The plan: strategies with objectives and ways forward, themes, action plans, indicators, budgets."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from strategy.fields import FinancialYearField
from strategy.financial_years import FinancialYear, years_between
from strategy.querysets import ActionQuerySet

MONEY = {"max_digits": 12, "decimal_places": 2}
NOT_NEGATIVE = [MinValueValidator(Decimal("0"), message="Enter an amount of £0 or more")]
SOURCE_HELP = "Where this came from, e.g. a document and its section; say 'Example' for invented data."


class CorporateTheme(models.Model):
    """A theme of the council's community plan, e.g. One Leicester's "Confident People"."""

    council = models.CharField(max_length=200, default="", blank=True, help_text="Blank: this council")
    name = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0, help_text="Order of the column in the synopsis")
    is_active = models.BooleanField(default=True)
    source = models.TextField(blank=True, help_text=SOURCE_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "name"]
        constraints = [models.UniqueConstraint(fields=["council", "name"], name="theme_unique_per_council")]

    def __str__(self):
        return self.name


class Strategy(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        ADOPTED = "adopted", "Adopted"
        SUPERSEDED = "superseded", "Superseded"

    title = models.CharField(max_length=200)
    first_year = FinancialYearField("first financial year")
    last_year = FinancialYearField("last financial year", help_text="Typically three years after the first")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    adopted_on = models.DateField("date Cabinet adopted it", null=True, blank=True)
    aims = models.TextField(blank=True, help_text="One aim a line")
    source = models.TextField(blank=True, help_text=SOURCE_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-first_year", "title"]
        verbose_name_plural = "strategies"
        constraints = [
            models.CheckConstraint(
                condition=Q(last_year__gte=models.F("first_year")), name="strategy_period"
            ),
            models.CheckConstraint(
                condition=~Q(status="adopted") | Q(adopted_on__isnull=False), name="strategy_adopted_has_date"
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.period_label})"

    def get_absolute_url(self):
        return reverse("strategy:strategy", args=[self.pk])

    def clean(self):
        if self.first_year and self.last_year and self.last_year < self.first_year:
            raise ValidationError({"last_year": "The last financial year must not be before the first"})
        if self.status == self.Status.ADOPTED and not self.adopted_on:
            raise ValidationError({"adopted_on": "Enter the date Cabinet adopted the strategy"})

    @property
    def period_label(self) -> str:
        return f"{FinancialYear(self.first_year)} to {FinancialYear(self.last_year)}"

    @property
    def years(self) -> list[FinancialYear]:
        return years_between(FinancialYear(self.first_year), FinancialYear(self.last_year))

    def covers(self, year: int) -> bool:
        return self.first_year <= year <= self.last_year

    @property
    def aim_list(self) -> list[str]:
        return [line.strip() for line in self.aims.splitlines() if line.strip()]


class Objective(models.Model):
    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="objectives")
    number = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)])
    title = models.TextField()
    source = models.TextField(blank=True, help_text=SOURCE_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["strategy", "number"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "number"], name="objective_number_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="objective_number_positive"),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"


class WayForward(models.Model):
    """One lettered answer to "how will this objective be taken forward?"."""

    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="ways_forward")
    letter = models.CharField(
        max_length=1, validators=[RegexValidator(r"^[a-z]$", "Enter one lower-case letter, like a")]
    )
    text = models.TextField()
    source = models.TextField(blank=True, help_text=SOURCE_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["objective", "letter"]
        verbose_name_plural = "ways forward"
        constraints = [
            models.UniqueConstraint(fields=["objective", "letter"], name="way_forward_letter_unique"),
            models.CheckConstraint(condition=Q(letter__regex=r"^[a-z]$"), name="way_forward_letter"),
        ]

    def __str__(self):
        return f"{self.objective.number}{self.letter}. {self.text[:80]}"


class SynopsisEntry(models.Model):
    """How one objective serves one corporate theme: a cell of the synopsis table."""

    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="synopsis_entries")
    theme = models.ForeignKey(CorporateTheme, on_delete=models.PROTECT, related_name="synopsis_entries")
    text = models.TextField()
    source = models.TextField(blank=True, help_text=SOURCE_HELP)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "synopsis entries"
        constraints = [models.UniqueConstraint(fields=["objective", "theme"], name="synopsis_cell_unique")]

    def __str__(self):
        return f"Objective {self.objective.number} × {self.theme}"


class ActionPlan(models.Model):
    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="action_plans")
    financial_year = FinancialYearField()
    title = models.CharField(max_length=200, blank=True)
    source = models.TextField(blank=True, help_text=SOURCE_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["strategy", "financial_year"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "financial_year"], name="one_action_plan_a_year")
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


class Action(models.Model):
    """One line of an annual action plan. Its current status and RAG come from its latest update."""

    action_plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="actions")
    reference = models.CharField(max_length=20, help_text="For example, 1a-1")
    description = models.TextField()
    objective = models.ForeignKey(Objective, on_delete=models.PROTECT, related_name="actions")
    way_forward = models.ForeignKey(
        WayForward, on_delete=models.PROTECT, related_name="actions", null=True, blank=True
    )
    lead_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    start_date = models.DateField()
    due_date = models.DateField()
    planned_cost = models.DecimalField(**MONEY, default=Decimal("0.00"), validators=NOT_NEGATIVE)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["action_plan", "objective__number", "reference"]
        constraints = [
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
    note = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "-recorded_at", "-pk"]
        get_latest_by = ["recorded_at", "pk"]
        constraints = [
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


class Indicator(models.Model):
    class Direction(models.TextChoices):
        HIGHER = "higher", "Higher is better"
        LOWER = "lower", "Lower is better"

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="indicators")
    objective = models.ForeignKey(
        Objective, on_delete=models.SET_NULL, null=True, blank=True, related_name="indicators"
    )
    name = models.CharField(max_length=300)
    national_indicator = models.CharField(
        max_length=20, blank=True, help_text="A national indicator it cites, for example NI 1"
    )
    unit = models.CharField(max_length=40, help_text="For example, % of people surveyed")
    direction = models.CharField(max_length=6, choices=Direction.choices, default=Direction.HIGHER)
    baseline = models.DecimalField(**MONEY, null=True, blank=True)
    baseline_year = FinancialYearField(null=True, blank=True)
    source = models.TextField(blank=True, help_text=SOURCE_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["strategy", "national_indicator", "name"]

    def __str__(self):
        return f"{self.national_indicator}: {self.name}" if self.national_indicator else self.name

    def clean(self):
        if self.objective_id and self.strategy_id and self.objective.strategy_id != self.strategy_id:
            raise ValidationError({"objective": "Choose an objective of the same strategy"})

    @property
    def baseline_year_label(self) -> str:
        return FinancialYear(self.baseline_year).label if self.baseline_year else ""


class IndicatorValue(models.Model):
    """An indicator's target and actual for one financial year."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    financial_year = FinancialYearField()
    target = models.DecimalField(**MONEY, null=True, blank=True)
    actual = models.DecimalField(**MONEY, null=True, blank=True)
    note = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "financial_year"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "financial_year"], name="indicator_value_a_year")
        ]

    def __str__(self):
        return f"{self.indicator} {FinancialYear(self.financial_year)}"

    def clean(self):
        if self.indicator_id and self.financial_year is not None:
            strategy = self.indicator.strategy
            if not strategy.covers(self.financial_year):
                raise ValidationError(
                    {"financial_year": f"Choose a year within the strategy, {strategy.period_label}"}
                )


class Budget(models.Model):
    """The controllable budget for overseas links in one financial year."""

    financial_year = FinancialYearField(unique=True)
    title = models.CharField(max_length=200, default="Overseas Links Controllable Budget")
    controllable_total = models.DecimalField(**MONEY, validators=NOT_NEGATIVE)
    source = models.TextField(blank=True, help_text=SOURCE_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-financial_year"]
        constraints = [
            models.CheckConstraint(condition=Q(controllable_total__gte=0), name="budget_not_negative")
        ]

    def __str__(self):
        return f"{self.title} {self.year_label}"

    def get_absolute_url(self):
        return reverse("strategy:budget", args=[self.pk])

    @property
    def year_label(self) -> str:
        return FinancialYear(self.financial_year).label


class BudgetLine(models.Model):
    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="lines")
    name = models.CharField(max_length=200, help_text="For example, Grants to twinning associations")
    allocation = models.DecimalField(**MONEY, validators=NOT_NEGATIVE)
    counts_toward_overseas_assistance_limit = models.BooleanField(
        "cultural, educational or similar town twinning activity",
        default=False,
        help_text=(
            "Counts toward the Local Government (Overseas Assistance) Act 1993 limit: twice the amount "
            "spent, or budgeted for, in the previous financial year"
        ),
    )
    position = models.PositiveSmallIntegerField(default=0)
    source = models.TextField(blank=True, help_text=SOURCE_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["budget", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["budget", "name"], name="budget_line_name_unique"),
            models.CheckConstraint(condition=Q(allocation__gte=0), name="budget_line_not_negative"),
        ]

    def __str__(self):
        return self.name
