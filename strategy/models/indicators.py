"""Indicators of a strategy and their target and actual for each financial year."""

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from intlinks.bounds import SOURCE_MAX_LENGTH, BoundedTextField, texts_in_bounds
from strategy.fields import FinancialYearField, financial_years_in_bounds
from strategy.financial_years import FinancialYear
from strategy.models.common import SOURCE_HELP
from strategy.models.strategies import Objective, Strategy

# An indicator's figure (a percentage, a count): a number to the hundredth, not money.
FIGURE = {"max_digits": 12, "decimal_places": 2}


class Indicator(models.Model):
    class Direction(models.TextChoices):
        HIGHER = "higher", "Higher is better"
        LOWER = "lower", "Lower is better"

    strategy = models.ForeignKey(Strategy, on_delete=models.PROTECT, related_name="indicators")
    objective = models.ForeignKey(
        Objective, on_delete=models.SET_NULL, null=True, blank=True, related_name="indicators"
    )
    name = models.CharField(max_length=300)
    national_indicator = models.CharField(
        max_length=20, blank=True, help_text="A national indicator it cites, for example NI 1"
    )
    unit = models.CharField(max_length=40, help_text="For example, % of people surveyed")
    direction = models.CharField(max_length=6, choices=Direction.choices, default=Direction.HIGHER)
    baseline = models.DecimalField(**FIGURE, null=True, blank=True)
    baseline_year = FinancialYearField(null=True, blank=True)
    source = BoundedTextField(blank=True, max_length=SOURCE_MAX_LENGTH, help_text=SOURCE_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["strategy", "national_indicator", "name"]
        constraints = [
            *texts_in_bounds("source", max_length=SOURCE_MAX_LENGTH),
            *financial_years_in_bounds("baseline_year"),
        ]

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
    target = models.DecimalField(**FIGURE, null=True, blank=True)
    actual = models.DecimalField(**FIGURE, null=True, blank=True)
    note = BoundedTextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "financial_year"]
        constraints = [
            *texts_in_bounds("note"),
            *financial_years_in_bounds("financial_year"),
            models.UniqueConstraint(fields=["indicator", "financial_year"], name="indicator_value_a_year"),
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
