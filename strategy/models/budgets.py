"""The controllable budget for overseas links in a financial year, and its lines."""

from collections.abc import Sequence

from django.core.exceptions import NON_FIELD_ERRORS
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from intlinks.archive import Archivable, ArchivableQuerySet, count_phrase
from intlinks.bounds import SOURCE_MAX_LENGTH, BoundedTextField, texts_in_bounds
from intlinks.money import MONEY, MONEY_BOUNDS, ZERO, amounts_in_bounds, format_money
from strategy.fields import FinancialYearField, financial_years_in_bounds
from strategy.financial_years import FinancialYear
from strategy.models.common import SOURCE_HELP


class Budget(Archivable):
    """The controllable budget for overseas links in one financial year."""

    financial_year = FinancialYearField(unique=True)
    title = models.CharField(max_length=200, default="Overseas Links Controllable Budget")
    controllable_total = models.DecimalField(**MONEY, validators=MONEY_BOUNDS)
    source = BoundedTextField(blank=True, max_length=SOURCE_MAX_LENGTH, help_text=SOURCE_HELP)
    objects = ArchivableQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-financial_year"]
        constraints = [
            *texts_in_bounds("source", max_length=SOURCE_MAX_LENGTH),
            *financial_years_in_bounds("financial_year"),
            *amounts_in_bounds("controllable_total"),
            models.CheckConstraint(condition=Q(controllable_total__gte=0), name="budget_not_negative"),
        ]

    def __str__(self):
        return f"{self.title} {self.year_label}"

    def get_absolute_url(self):
        return reverse("strategy:budget", args=[self.pk])

    @property
    def year_label(self) -> str:
        return FinancialYear(self.financial_year).label

    def archive_blockers(self) -> list[str]:
        """Current spending charged to its lines (costs, from a later app: found through the relations
        that point at a line, so strategy does not import it) would be left under a hidden budget."""
        found = []
        for relation in BudgetLine._meta.related_objects:
            if issubclass(relation.related_model, Archivable):
                charged = relation.related_model.objects.current().filter(
                    **{f"{relation.field.name}__budget": self}
                )
                count, names = charged.count(), relation.related_model._meta
                if count:
                    found.append(count_phrase(count, names.verbose_name, names.verbose_name_plural))
        return found

    def lines_errors(self, lines: Sequence["BudgetLine"]) -> dict[str, list[str]]:
        """What is wrong with `lines` as the whole of this budget's lines; empty when nothing is.

        The allocations must add up to the controllable total, and each line needs its own name.
        Every write of a budget's lines keeps this rule: the service that saves them, and the admin's
        forms before they hand the budget to that service.
        """
        errors = {}
        allocated = sum((line.allocation or ZERO for line in lines), ZERO)
        if self.controllable_total is not None and allocated != self.controllable_total:
            errors["controllable_total"] = [
                f"The allocations add up to {format_money(allocated)}, not the controllable budget of "
                f"{format_money(self.controllable_total)}: change the lines or the total so they match"
            ]
        names = [line.name.strip().lower() for line in lines]
        if len(set(names)) != len(names):
            errors[NON_FIELD_ERRORS] = ["Give each budget line a different name"]
        return errors


class BudgetLine(models.Model):
    budget = models.ForeignKey(Budget, on_delete=models.PROTECT, related_name="lines")
    name = models.CharField(max_length=200, help_text="For example, Grants to twinning associations")
    allocation = models.DecimalField(**MONEY, validators=MONEY_BOUNDS)
    counts_toward_overseas_assistance_limit = models.BooleanField(
        "cultural, educational or similar town twinning activity",
        default=False,
        help_text=(
            "Counts toward the Local Government (Overseas Assistance) Act 1993 limit: twice the amount "
            "spent, or budgeted for, in the previous financial year"
        ),
    )
    position = models.PositiveSmallIntegerField(default=0)
    source = BoundedTextField(blank=True, max_length=SOURCE_MAX_LENGTH, help_text=SOURCE_HELP)
    history = HistoricalRecords()

    class Meta:
        ordering = ["budget", "position", "pk"]
        constraints = [
            *texts_in_bounds("source", max_length=SOURCE_MAX_LENGTH),
            *amounts_in_bounds("allocation"),
            models.UniqueConstraint(fields=["budget", "name"], name="budget_line_name_unique"),
            models.CheckConstraint(condition=Q(allocation__gte=0), name="budget_line_not_negative"),
        ]

    def __str__(self):
        return self.name
