"""How the report writes figures in sentences and tables: money, dates, counts, plurals."""

from datetime import date
from decimal import Decimal

from django.utils.dateformat import format as format_date

from intlinks.money import format_money


def money(amount: Decimal | None) -> str:
    return format_money(amount) if amount is not None else "none recorded"


def day(value: date | None) -> str:
    return format_date(value, "j F Y") if value else "none recorded"


def figure(value: Decimal | None) -> str:
    """An indicator's figure without needless decimals: 60, 12.5, 1,250."""
    if value is None:
        return "–"
    text = f"{value:,.2f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def count(number: int, singular: str, plural: str | None = None) -> str:
    return f"{number:,} {singular if number == 1 else (plural or singular + 's')}"


def listing(parts: list[str]) -> str:
    """ "a, b and c"."""
    parts = [part for part in parts if part]
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} and {parts[-1]}"
