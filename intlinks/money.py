"""The council's money vocabulary: one home for the field size, the penny, rounding and formatting.

Money is always `Decimal`. Amounts are stored to the penny; conversions round half up, as councils'
finance systems do.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.core.validators import MinValueValidator
from django.db.models import DecimalField, Value

# Keyword arguments for a model's money field: up to £9,999,999,999.99.
MONEY = {"max_digits": 12, "decimal_places": 2}
PENNY = Decimal("0.01")
ZERO = Decimal("0.00")

# For sums in SQL: a money output field, and a zero to COALESCE an empty sum to.
MONEY_FIELD = DecimalField(max_digits=14, decimal_places=2)
ZERO_MONEY = Value(ZERO, output_field=MONEY_FIELD)

MINUS_SIGN = "\u2212"

# Validators for an amount that cannot be negative (a budget, a cap, a planned cost).
NOT_NEGATIVE = [MinValueValidator(ZERO, message="Enter an amount of £0 or more")]


def to_pennies(amount: Decimal) -> Decimal:
    """Round an amount to the penny, half up (12.345 -> 12.35)."""
    if isinstance(amount, float):
        raise TypeError("Money must be Decimal, not float")
    return Decimal(amount).quantize(PENNY, rounding=ROUND_HALF_UP)


def format_money(amount: Decimal | None, *, pence: bool = True) -> str:
    """An amount as people read it: "£1,234.50", "−£1.00"; "£1,235" without pence."""
    if amount is None or amount == "":
        return ""
    amount = to_pennies(Decimal(amount))
    sign = MINUS_SIGN if amount < 0 else ""
    digits = f"{abs(amount):,.2f}" if pence else f"{abs(amount).quantize(Decimal(1), ROUND_HALF_UP):,}"
    return f"{sign}£{digits}"
