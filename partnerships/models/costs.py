"""The costs of an activity: in any currency, converted to pounds at the recorded rate, charged to a
budget line when the council pays, and flagged against the conduct rules by the service."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from intlinks.archive import CURRENT, Archivable
from intlinks.bounds import (
    DATE_BOUNDS,
    currency_code_constraint,
    dates_in_bounds,
    is_currency,
    texts_in_bounds,
)
from intlinks.money import MAX_AMOUNT, MONEY, amounts_in_bounds, format_money, to_pennies
from partnerships.models.activities import Activity
from partnerships.models.approvals import (
    FLAGGED,
    UNRESOLVED,
    BreachApproval,
    BreachQuerySet,
    second_person_constraints,
)
from partnerships.models.conduct import Region
from strategy.financial_years import financial_year_expression, financial_year_of
from strategy.selectors.budgets import budget_of_year

# The one money ceiling (intlinks.money.MAX_AMOUNT) under the name the seeding already uses.
MAX_COST = MAX_AMOUNT


def in_pounds(amount: Decimal, rate: Decimal) -> Decimal:
    """The pound amount of `amount` at `rate` pounds to one unit, rounded half up to the penny."""
    return to_pennies(amount * rate)


class Cost(Archivable, BreachApproval):
    class Category(models.TextChoices):
        TRAVEL = "travel", "Travel"
        ACCOMMODATION = "accommodation", "Accommodation"
        SUBSISTENCE = "subsistence", "Subsistence"
        GIFTS = "gifts", "Gifts"
        HOSPITALITY = "hospitality", "Hospitality given"
        VENUE = "venue", "Venue"
        INTERPRETATION = "interpretation", "Interpretation"
        OTHER = "other", "Other"

    class Stage(models.TextChoices):
        PLANNED = "planned", "Planned (committed)"
        ACTUAL = "actual", "Actual (spent)"

    class PaidBy(models.TextChoices):
        COUNCIL = "council", "The council"
        PARTNER = "partner", "A partner"
        GRANT = "grant", "A grant"

    class TravelClass(models.TextChoices):
        ECONOMY = "economy", "Economy or standard"
        PREMIUM_ECONOMY = "premium_economy", "Premium economy"
        BUSINESS = "business", "Business or first"

    activity = models.ForeignKey(Activity, on_delete=models.PROTECT, related_name="costs")
    category = models.CharField(max_length=20, choices=Category.choices)
    description = models.CharField(max_length=200, blank=True)
    incurred_on = models.DateField("date", validators=DATE_BOUNDS)
    stage = models.CharField(max_length=10, choices=Stage.choices, default=Stage.PLANNED)
    amount = models.DecimalField(**MONEY)
    currency = models.CharField(max_length=3, default="GBP", help_text="ISO code, for example EUR or INR")
    rate_to_gbp = models.DecimalField(
        "rate to pounds",
        max_digits=14,
        decimal_places=6,
        null=True,
        blank=True,
        help_text="Pounds for one unit of the currency, for example 0.852300; 1 for pounds",
    )
    amount_gbp = models.DecimalField("amount in pounds", **MONEY, editable=False)
    paid_by = models.CharField(max_length=10, choices=PaidBy.choices, default=PaidBy.COUNCIL)
    budget_line = models.ForeignKey(
        "strategy.BudgetLine",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activity_costs",
        help_text="Required when the council pays",
    )
    travel_class = models.CharField(max_length=20, choices=TravelClass.choices, blank=True)
    journey_hours = models.DecimalField(
        "journey length (hours)",
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("99"))],
    )
    region = models.CharField("hotel region", max_length=20, choices=Region.choices, blank=True)
    nights = models.PositiveSmallIntegerField(null=True, blank=True)
    meals = models.PositiveSmallIntegerField(null=True, blank=True)
    days = models.PositiveSmallIntegerField(null=True, blank=True)

    objects = BreachQuerySet.as_manager()
    history = HistoricalRecords()

    # What an approval is given for: the amount, and the facts the conduct rules check it against (a
    # £300 bill is within the rules for ten meals and breaks them for one).
    AMOUNT_FIELDS = (
        "amount",
        "currency",
        "rate_to_gbp",
        "category",
        "travel_class",
        "journey_hours",
        "region",
        "nights",
        "meals",
        "days",
    )

    class Meta:
        ordering = ["incurred_on", "pk"]
        permissions = [("approve_breach", "Can approve a justified breach of the conduct rules")]
        # At 200,000 costs (issue 10): "needs attention" reads the few unresolved breaches in date
        # order, each activity's page and total read its costs, the budget page sums by line, and
        # leverage sums the council's actual spending per year, from indexes alone where they can.
        indexes = [
            models.Index("incurred_on", "id", name="cost_unresolved_by_date", condition=UNRESOLVED),
            models.Index("activity", name="cost_unresolved_by_activity", condition=UNRESOLVED),
            # "Since the last meeting": the breaches approved in a period (a few among 200,000 costs).
            models.Index("approved_on", "id", name="cost_breach_by_approval", condition=FLAGGED),
            # Each activity's total, and a link's totals by year, read from the index alone.
            models.Index(
                "activity", name="cost_current_by_activity", include=["amount_gbp"], condition=CURRENT
            ),
            # The budget page's committed and spent per line, summed from the index alone.
            models.Index(
                "budget_line",
                "stage",
                name="cost_current_by_line",
                include=["amount_gbp"],
                condition=CURRENT,
            ),
            # Keyed on the financial year as `financial_year_expression` writes it (the start month
            # is in the index: a council changing FINANCIAL_YEAR_START_MONTH needs a new migration).
            models.Index(
                financial_year_expression("incurred_on"),
                name="cost_council_actual_by_year",
                include=["amount_gbp", "incurred_on"],
                condition=CURRENT & Q(paid_by="council", stage="actual"),
            ),
        ]
        constraints = [
            *texts_in_bounds("breach", "justification"),
            *dates_in_bounds("incurred_on", "approved_on"),
            *amounts_in_bounds("amount_gbp"),
            currency_code_constraint("currency"),
            models.CheckConstraint(
                condition=Q(amount__gte=0, amount__lte=MAX_AMOUNT), name="cost_amount_in_range"
            ),
            models.CheckConstraint(condition=Q(amount_gbp__gte=0), name="cost_gbp_not_negative"),
            models.CheckConstraint(
                condition=Q(rate_to_gbp__gt=0) & (~Q(currency="GBP") | Q(rate_to_gbp=1)),
                name="cost_has_rate_and_gbp_is_one",
            ),
            models.CheckConstraint(
                condition=Q(paid_by="council", budget_line__isnull=False)
                | (~Q(paid_by="council") & Q(budget_line__isnull=True)),
                name="cost_budget_line_when_council_pays",
            ),
            *second_person_constraints("cost"),
        ]

    def __str__(self):
        return f"{self.get_category_display()}: {format_money(self.amount_gbp)}"

    def clean(self):
        errors = {**self._money_errors(), **self._budget_line_errors(), **self._detail_errors()}
        if errors:
            raise ValidationError(errors)
        self.clean_approval()

    @classmethod
    def council_pays_any(cls, costs) -> bool:
        """Whether the council pays any of `costs` (then their activity is paid from public funds)."""
        return any(cost.paid_by == cls.PaidBy.COUNCIL for cost in costs)

    def removal_refusal(self) -> str:
        """Why an officer may not take this cost off its activity's form ("" when they may): a breach
        would leave the totals without its justification and a second person's approval."""
        if self.is_breach and not self.approved_by_id:
            return (
                f"{self} breaks the conduct rules and is not approved: correct it instead of removing "
                "it, or ask an Administrator to archive it"
            )
        return ""

    def converted_amount(self) -> Decimal | None:
        """The amount in pounds at the recorded rate, or None while the amount or the rate is missing.

        The service stores it as `amount_gbp` when it saves the cost; validation only checks it.
        """
        if self.amount is None or self.rate_to_gbp is None:
            return None
        return in_pounds(self.amount, self.rate_to_gbp)

    def _money_errors(self) -> dict:
        """Check the currency, its rate, the amount, and the amount in pounds against the cap."""
        errors = {}
        self.currency = (self.currency or "").strip().upper()
        if not is_currency(self.currency):
            errors["currency"] = "Select a currency from the list (ISO 4217 codes, like GBP, EUR or INR)"
        elif self.currency == "GBP":
            self.rate_to_gbp = Decimal("1")
        elif self.rate_to_gbp is None:
            errors["rate_to_gbp"] = f"Enter the rate to pounds for {self.currency}"
        elif self.rate_to_gbp <= 0:
            errors["rate_to_gbp"] = "The rate must be more than 0"
        if self.amount is None:
            return errors
        if self.amount < 0:
            errors["amount"] = "The amount cannot be negative"
        elif self.amount > MAX_AMOUNT:
            errors["amount"] = f"The amount must be {MAX_AMOUNT:,.0f} or less for one cost: check the figure"
        if not errors and self.converted_amount() > MAX_AMOUNT:
            ceiling = format_money(MAX_AMOUNT, pence=False)
            errors["amount"] = f"This is more than {ceiling} for one cost: check the figure and the rate"
        return errors

    def _budget_line_errors(self) -> dict:
        if self.paid_by != self.PaidBy.COUNCIL:
            if self.budget_line_id:
                return {"budget_line": "Only a cost the council pays is charged to a budget line"}
            return {}
        if not self.budget_line_id:
            return {"budget_line": self._no_line_error()}
        if self.incurred_on:
            year = financial_year_of(self.incurred_on)
            line_year = self.budget_line.budget.financial_year
            if line_year != year.start:
                return {
                    "budget_line": f"This line is in the {self.budget_line.budget.year_label} budget; "
                    f"choose a line of the {year.label} budget, the year of the cost's date"
                }
        return {}

    def _no_line_error(self) -> ValidationError:
        """A council-paid cost without a line: if its year has no budget (or no lines) to choose from,
        say that, which is what needs doing; the page may add a way to do it (by the error's code)."""
        if self.incurred_on:
            budget = budget_of_year(year=financial_year_of(self.incurred_on))
            if budget.missing:
                budget_pk = budget.budget.pk if budget.budget else None
                return ValidationError(
                    budget.missing,
                    code=budget.missing_code,
                    params={"financial_year": budget.year.start, "budget": budget_pk},
                )
        return ValidationError("Select the budget line the council's cost is charged to", code="no_line")

    def _detail_errors(self) -> dict:
        """The facts the rules need: journey length and class for travel, nights and region for hotels."""
        errors = {}
        if self.category == self.Category.TRAVEL:
            if not self.travel_class:
                errors["travel_class"] = "Select the class of travel"
            if self.journey_hours is None:
                errors["journey_hours"] = "Enter the journey length in hours"
        if self.category == self.Category.ACCOMMODATION:
            if not self.nights:
                errors["nights"] = "Enter the number of nights"
            if not self.region:
                errors["region"] = "Select the region of the hotel"
        if self.category == self.Category.SUBSISTENCE and not (self.meals or self.days):
            errors["meals"] = "Enter the number of meals or of days the subsistence covers"
        return errors
