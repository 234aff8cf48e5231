"""A strategy: its period, aims, numbered objectives, lettered ways forward and the synopsis matrix."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from intlinks.archive import Archivable, ArchivableQuerySet
from intlinks.bounds import DATE_BOUNDS, SOURCE_MAX_LENGTH, BoundedTextField, dates_in_bounds, texts_in_bounds
from strategy.fields import FinancialYearField, financial_years_in_bounds
from strategy.financial_years import FinancialYear, years_between
from strategy.models.common import SOURCE_HELP
from strategy.models.themes import CorporateTheme

# A strategy longer than this is a typing mistake (2040/41 to 2143/44), not a plan.
STRATEGY_MAX_YEARS = 10


class Strategy(Archivable):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        ADOPTED = "adopted", "Adopted"
        SUPERSEDED = "superseded", "Superseded"

    title = models.CharField(max_length=200)
    first_year = FinancialYearField("first financial year")
    last_year = FinancialYearField("last financial year", help_text="Typically three years after the first")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    adopted_on = models.DateField("date Cabinet adopted it", null=True, blank=True, validators=DATE_BOUNDS)
    aims = BoundedTextField(blank=True, help_text="One aim a line")
    source = BoundedTextField(blank=True, max_length=SOURCE_MAX_LENGTH, help_text=SOURCE_HELP)
    objects = ArchivableQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-first_year", "title"]
        verbose_name_plural = "strategies"
        constraints = [
            *texts_in_bounds("aims"),
            *texts_in_bounds("source", max_length=SOURCE_MAX_LENGTH),
            *financial_years_in_bounds("first_year", "last_year"),
            *dates_in_bounds("adopted_on"),
            models.CheckConstraint(
                condition=Q(last_year__gte=models.F("first_year")), name="strategy_period"
            ),
            models.CheckConstraint(
                condition=Q(last_year__lt=models.F("first_year") + STRATEGY_MAX_YEARS),
                name="strategy_at_most_ten_years",
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
        if self.first_year and self.last_year and self.last_year - self.first_year >= STRATEGY_MAX_YEARS:
            message = f"A strategy covers at most {STRATEGY_MAX_YEARS} financial years: check the last year"
            raise ValidationError({"last_year": message})
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
    strategy = models.ForeignKey(Strategy, on_delete=models.PROTECT, related_name="objectives")
    number = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)])
    title = BoundedTextField()
    source = BoundedTextField(blank=True, max_length=SOURCE_MAX_LENGTH, help_text=SOURCE_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["strategy", "number"]
        constraints = [
            *texts_in_bounds("title"),
            *texts_in_bounds("source", max_length=SOURCE_MAX_LENGTH),
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
    text = BoundedTextField()
    source = BoundedTextField(blank=True, max_length=SOURCE_MAX_LENGTH, help_text=SOURCE_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["objective", "letter"]
        verbose_name_plural = "ways forward"
        constraints = [
            *texts_in_bounds("text"),
            *texts_in_bounds("source", max_length=SOURCE_MAX_LENGTH),
            models.UniqueConstraint(fields=["objective", "letter"], name="way_forward_letter_unique"),
            models.CheckConstraint(condition=Q(letter__regex=r"^[a-z]$"), name="way_forward_letter"),
        ]

    def __str__(self):
        return f"{self.objective.number}{self.letter}. {self.text[:80]}"


class SynopsisEntry(models.Model):
    """How one objective serves one corporate theme: a cell of the synopsis table."""

    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="synopsis_entries")
    theme = models.ForeignKey(CorporateTheme, on_delete=models.PROTECT, related_name="synopsis_entries")
    text = BoundedTextField()
    source = BoundedTextField(blank=True, max_length=SOURCE_MAX_LENGTH, help_text=SOURCE_HELP)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "synopsis entries"
        constraints = [
            *texts_in_bounds("text"),
            *texts_in_bounds("source", max_length=SOURCE_MAX_LENGTH),
            models.UniqueConstraint(fields=["objective", "theme"], name="synopsis_cell_unique"),
        ]

    def __str__(self):
        return f"Objective {self.objective.number} × {self.theme}"
