"""The council's money vocabulary: one home for the field size, the penny, rounding and formatting.

Money is always `Decimal`. Amounts are stored to the penny; conversions round half up, as councils'
finance systems do.
"""

import json
import secrets
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import CheckConstraint, DecimalField, Q, Value

# Keyword arguments for a model's money field: up to £9,999,999,999.99.
MONEY = {"max_digits": 12, "decimal_places": 2}
PENNY = Decimal("0.01")
ZERO = Decimal("0.00")

# For sums in SQL: a money output field, and a zero to COALESCE an empty sum to.
MONEY_FIELD = DecimalField(max_digits=14, decimal_places=2)
ZERO_MONEY = Value(ZERO, output_field=MONEY_FIELD)

MINUS_SIGN = "\u2212"

# The one ceiling for every amount of money: more than this in one record is taken to be a typing
# mistake (a slipped decimal point), not real spending. settings.MAX_AMOUNT_POUNDS, £1,000,000 by default.
MAX_AMOUNT = Decimal(settings.MAX_AMOUNT_POUNDS).quantize(PENNY)


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


def ceiling_message() -> str:
    return f"Enter an amount of {format_money(MAX_AMOUNT, pence=False)} or less: check the figure"


# Validators for every amount of money (a budget, a cap, a gift, a grant): from £0 to the ceiling.
MONEY_BOUNDS = [
    MinValueValidator(ZERO, message="Enter an amount of £0 or more"),
    MaxValueValidator(MAX_AMOUNT, message=ceiling_message()),
]


def amounts_in_bounds(*fields: str) -> list[CheckConstraint]:
    """The database half of `MONEY_BOUNDS`: one CHECK constraint per named money field (NULL passes)."""
    return [
        CheckConstraint(
            condition=Q(**{f"{field}__range": (ZERO, MAX_AMOUNT)}),
            name=f"%(class)s_{field}_in_bounds",
            violation_error_message=ceiling_message(),
        )
        for field in fields
    ]


def json_with_exact_money(data, **kwargs) -> str:
    """`data` as JSON, each Decimal written as the exact number it is ("1000.50"), never through a float.

    Python's json writes numbers only from int and float, so each Decimal first stands as a placeholder
    string, which the number's own digits then replace in the text. A random token in the placeholders
    keeps any string in the data, whatever someone typed, from being taken for one.
    """
    literals: dict[str, str] = {}
    token = secrets.token_hex(16)

    class ExactMoneyEncoder(DjangoJSONEncoder):
        def default(self, value):
            if isinstance(value, Decimal):
                placeholder = f"\x00money-{token}-{len(literals)}\x00"
                literals[json.dumps(placeholder)] = f"{value:f}"
                return placeholder
            return super().default(value)

    text = json.dumps(data, cls=ExactMoneyEncoder, **kwargs)
    for placeholder, literal in literals.items():
        text = text.replace(placeholder, literal)
    return text
