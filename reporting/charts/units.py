"""What the numbers are (pounds or a count) and how each is written on an axis, a bar and in a table.

Values are `Decimal` or `int`, never `float`: the table shows them exactly. Pixel geometry may use floats.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from intlinks.money import MINUS_SIGN, format_money

Value = Decimal | int


def check_value(value) -> Value | None:
    """Refuse what a chart cannot show exactly: floats (and bools, which pass as ints)."""
    if value is None or (isinstance(value, Decimal | int) and not isinstance(value, bool)):
        return value
    raise TypeError(f"Chart values must be Decimal or int, not {type(value).__name__}: {value!r}")


def _grouped(value: Value) -> str:
    """1234 -> "1,234"; -5 -> "−5" (the minus sign, as money uses)."""
    return f"{value:,}".replace("-", MINUS_SIGN)


def _compact(value: Decimal) -> str:
    """12500 -> "12.5k", 1200000 -> "1.2m": one decimal at most, none when it is zero."""
    for size, suffix in ((Decimal(1_000_000), "m"), (Decimal(1_000), "k")):
        if abs(value) >= size:
            short = (value / size).quantize(Decimal("0.1"), ROUND_HALF_UP)
            digits = f"{abs(short):,.1f}".removesuffix(".0")
            return f"{MINUS_SIGN if short < 0 else ''}{digits}{suffix}"
    return _grouped(value)


@dataclass(frozen=True)
class Unit:
    """How a kind of value is written. `MONEY` and `COUNT` cover the council's charts."""

    name: str
    heading: str  # the table's column heading for a single series
    money: bool = False
    whole: bool = False  # counts of things: ticks fall on whole numbers

    def exact(self, value: Value | None) -> str:
        """For the table: "£1,234.50", "1,234"; an absent value says so."""
        if value is None:
            return "No data"
        return format_money(value) if self.money else _grouped(value)

    def label(self, value: Value) -> str:
        """Beside a bar or a point: "£1,235" (pence only below £10), "1,234"."""
        if not self.money:
            return _grouped(value)
        return format_money(value, pence=abs(value) < 10 and value != int(value))

    def tick(self, value: Decimal, *, compact: bool, pence: bool = False) -> str:
        """On an axis: "£5,000"; "£5k" when `compact` (an axis that reaches tens of thousands)."""
        if compact and abs(value) >= 1_000:
            short = _compact(Decimal(value))
            if not self.money:
                return short
            return short[:1] + "£" + short[1:] if short.startswith(MINUS_SIGN) else "£" + short
        return format_money(value, pence=pence) if self.money else _grouped(value)


MONEY = Unit("pounds", "Amount", money=True)
COUNT = Unit("number", "Number", whole=True)
