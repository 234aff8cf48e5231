"""The costs of an activity: in any currency, converted to pounds at the recorded rate, charged to a
budget line when the council pays, and flagged against the conduct rules by the service."""

from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from intlinks.archive import CURRENT, Archivable
from intlinks.bounds import (
    DATE_BOUNDS,
    currency_code_constraint,
    dates_in_bounds,
    is_currency,
    texts_in_bounds,
)
from intlinks.money import MAX_AMOUNT, MONEY, PENNY, ZERO, amounts_in_bounds, format_money, to_pennies
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


# The meals of one subsistence line are kept as their amounts in a short text ("20.00, 25.00, 45.00"),
# not as rows of a table of their own: they are one fact about one bill (its receipt's lines), always
# read and written with the cost, approved with it (`Cost.AMOUNT_FIELDS`) and never queried alone, and
# the text keeps the activity form one formset deep. `meal_amounts_of` is the one reader and checker.
MEAL_AMOUNTS_MAX_LENGTH = 300
MEAL_AMOUNTS_HELP = "The amount of each meal in the cost's currency, separated by commas, like 20.00, 25.00"


def meal_amounts_of(text: str) -> list[Decimal]:
    """The meal amounts written in `text` ("20, 25.50, £45"), each to the penny; ValidationError naming
    the first that is not an amount of money."""
    amounts = []
    for number, part in enumerate((p.strip() for p in (text or "").split(",")), start=1):
        if not part:
            continue
        try:
            amount = Decimal(part.removeprefix("£").replace(" ", ""))
        except InvalidOperation:
            amount = None
        if amount is None or not amount.is_finite() or amount < 0 or amount != amount.quantize(PENNY):
            raise ValidationError(f"Meal {number}: enter an amount like 25.00, not “{part[:20]}”")
        if amount > MAX_AMOUNT:
            raise ValidationError(f"Meal {number}: enter an amount of {MAX_AMOUNT:,.0f} or less")
        amounts.append(amount.quantize(PENNY))
    return amounts


def written_meal_amounts(amounts: list[Decimal]) -> str:
    """How meal amounts are stored and shown: "20.00, 25.00, 45.00"."""
    return ", ".join(f"{amount:.2f}" for amount in amounts)


# A breach settled by the traveller: the excess (the pounds above the caps) is repaid in full. The cost
# then needs neither a justification nor an approval ("Excess repaid"), as the LGIB handbook allows a
# council to "ask individuals to meet the difference themselves". A breach whose excess the rules cannot
# put in pounds (a fare's class) is never settled this way: a repayment is recorded, the approval stays.
REPAID_IN_FULL = Q(excess_gbp__isnull=False, repaid_amount__isnull=False, repaid_amount__gte=F("excess_gbp"))


class CostQuerySet(BreachQuerySet):
    def unresolved(self):
        """Breaches needing a justification or an approval, except those whose excess is repaid in full
        (the partial indexes on `UNRESOLVED` still serve this narrower query)."""
        return super().unresolved().exclude(REPAID_IN_FULL)


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
    meal_amounts = models.CharField(
        "amount of each meal", max_length=MEAL_AMOUNTS_MAX_LENGTH, blank=True, help_text=MEAL_AMOUNTS_HELP
    )
    days = models.PositiveSmallIntegerField(null=True, blank=True)
    # The pounds above the caps, stored with the breach by the service (None when there is no breach
    # or the rules cannot put it in pounds), and what the traveller repaid of it.
    excess_gbp = models.DecimalField(
        "excess over the rules (£)", **MONEY, null=True, blank=True, editable=False
    )
    repaid_amount = models.DecimalField("excess repaid (£)", **MONEY, null=True, blank=True, editable=False)
    repaid_on = models.DateField("date repaid", null=True, blank=True, editable=False, validators=DATE_BOUNDS)
    repayment_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="repayment recorded by",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    objects = CostQuerySet.as_manager()
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
        "meal_amounts",
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
            *dates_in_bounds("incurred_on", "approved_on", "repaid_on"),
            *amounts_in_bounds("amount_gbp", "excess_gbp", "repaid_amount"),
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
            models.CheckConstraint(
                condition=Q(repaid_amount__isnull=True, repaid_on__isnull=True)
                | Q(repaid_amount__gt=0, repaid_amount__lte=F("amount_gbp"), repaid_on__gte=F("incurred_on")),
                name="cost_repayment_dated_and_within_the_cost",
            ),
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

    @property
    def excess_repaid(self) -> bool:
        """The breach is settled: the traveller repaid its whole excess (`REPAID_IN_FULL`)."""
        return bool(
            self.breach
            and self.excess_gbp is not None
            and self.repaid_amount is not None
            and self.repaid_amount >= self.excess_gbp
        )

    @property
    def needs_attention(self) -> bool:
        return super().needs_attention and not self.excess_repaid

    def repayment_refusal(self) -> str:
        """Why a repayment of the excess cannot be recorded now ("" when it can): the page, the view and
        the service ask this one rule."""
        if not self.breach:
            return "This cost breaks none of the rules: there is no excess to repay"
        if self.is_locked:
            return self.activity.lock_refusal()
        return ""

    def approval_refusal(self, user) -> str:
        refusal = super().approval_refusal(user)
        if not refusal and self.excess_repaid:
            return "The excess is repaid in full: there is nothing to approve"
        return refusal

    @property
    def can_record_repayment(self) -> bool:
        return not self.repayment_refusal()

    @property
    def meal_amount_list(self) -> list[Decimal]:
        """The amounts of its meals, as validated (empty when it records none)."""
        try:
            return meal_amounts_of(self.meal_amounts)
        except ValidationError:
            return []

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
        if self.category == self.Category.SUBSISTENCE:
            errors.update(self._meal_errors())
        elif self.meal_amounts:
            self.meal_amounts = ""  # only subsistence is checked meal by meal
        return errors

    def _meal_errors(self) -> dict:
        """Several meals on one line each carry their amount, and the amounts add up to the line's."""
        try:
            amounts = meal_amounts_of(self.meal_amounts)
        except ValidationError as error:
            return {"meal_amounts": error.messages[0]}
        meals = self.meals or 0
        if not amounts:
            if meals > 1:
                return {"meal_amounts": f"Enter the amount of each of the {meals} meals, separated by commas"}
            return {}
        if len(amounts) != meals:
            return {
                "meal_amounts": f"Enter {meals} amount{'s' if meals != 1 else ''}, one for each meal: "
                f"{len(amounts)} {'was' if len(amounts) == 1 else 'were'} entered"
            }
        self.meal_amounts = written_meal_amounts(amounts)
        if self.amount is not None and sum(amounts, ZERO) != self.amount:
            return {
                "meal_amounts": f"The meals add up to {sum(amounts, ZERO):,.2f} {self.currency}, "
                f"not the amount of {self.amount:,.2f}: correct one or the other"
            }
        return {}
