"""How a cell typed by a person becomes a typed value, and back again for the templates.

Each widget's `clean` raises ValueError with a message for the person (the resource shows it beside the
column); `render` writes the value the way `clean` reads it, so a template or an export round-trips.
"""

import functools
import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django_countries import countries
from import_export import widgets

from strategy.financial_years import FinancialYear

UK_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
YES = {"yes", "y", "true", "1"}
NO = {"no", "n", "false", "0"}


def text_of(value) -> str:
    """A cell as text: blank for an empty cell, a whole number without ".0"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


class TextWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        return text_of(value)

    def render(self, value, obj=None, **kwargs):
        return value or ""


class DateWidget(widgets.Widget):
    """A date as 31/03/2017 (the UK order) or 2017-03-31, or a date cell of a workbook."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        text = text_of(value)
        if not text:
            return None
        if match := UK_DATE.match(text):
            day, month, year = (int(part) for part in match.groups())
        elif match := ISO_DATE.match(text):
            year, month, day = (int(part) for part in match.groups())
        else:
            raise ValueError(f"“{text}” is not a date: write it like 31/03/2017")
        try:
            return date(year, month, day)
        except ValueError:
            raise ValueError(f"“{text}” is not a real date") from None

    def render(self, value, obj=None, **kwargs):
        return value.strftime("%d/%m/%Y") if value else ""


class DecimalWidget(widgets.Widget):
    """A number, with or without "£", thousands separators and spaces; never read through a float
    when typed as text (a workbook's number cell is read by its shortest exact decimal)."""

    def __init__(self, *, places: int = 2, what: str = "an amount", **kwargs):
        self.places, self.what = places, what
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            raise ValueError(f"Enter {self.what} as a number")
        text = repr(value) if isinstance(value, float) else text_of(value)
        text = text.replace("£", "").replace(",", "").replace(" ", "")
        if not text:
            return None
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValueError(f"“{text_of(value)}” is not {self.what}: write it like 1,234.50") from None
        if not number.is_finite():
            raise ValueError(f"Enter {self.what} as a number")
        if number != number.quantize(Decimal(1).scaleb(-self.places)):
            raise ValueError(f"Enter {self.what} with at most {self.places} decimal places")
        return number

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class IntegerWidget(widgets.Widget):
    def __init__(self, *, blank=None, **kwargs):
        self.blank = blank
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        text = text_of(value).replace(",", "")
        if not text:
            return self.blank
        if not re.fullmatch(r"-?\d+", text):
            raise ValueError(f"“{text}” is not a whole number")
        return int(text)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class FinancialYearWidget(widgets.Widget):
    """A financial year as 2016/17, 2016-17 or 2016; stored as its start year."""

    def clean(self, value, row=None, **kwargs):
        text = text_of(value)
        if not text:
            return None
        try:
            return FinancialYear.parse(text).start
        except ValidationError as error:
            raise ValueError(error.messages[0]) from None

    def render(self, value, obj=None, **kwargs):
        return FinancialYear(value).label if value is not None else ""


def country_code(text: str) -> str:
    """The ISO code of a country given by its English name or its two- or three-letter code."""
    text = text.strip()
    code = _code_of_country(text)
    if not code:
        raise ValueError(f"“{text}” is not a country: use its English name or ISO code (DE, FR, NI…)")
    return code


@functools.lru_cache(maxsize=2048)
def _code_of_country(text: str) -> str:
    # Remembered: `by_name` translates every country's name on each call (7 ms), and a file of 10,000
    # rows names the same few countries (ADR 0017).
    return countries.by_name(text) or (countries.alpha2(text) if len(text) in (2, 3) else "")


class CountryWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        text = text_of(value)
        return country_code(text) if text else ""

    def render(self, value, obj=None, **kwargs):
        return countries.name(value) if value else ""


class ChoiceWidget(widgets.Widget):
    """One of a model field's choices, by its stored value or by the label people see (any case)."""

    def __init__(self, choices, *, blank: str | None = None, **kwargs):
        self.choices = list(choices)
        self.by_text = {}
        for stored, label in self.choices:
            self.by_text[str(stored).lower()] = stored
            self.by_text[str(label).lower()] = stored
        self.blank = blank
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        text = text_of(value)
        if not text:
            return self.blank
        try:
            return self.by_text[text.lower()]
        except KeyError:
            labels = ", ".join(str(label) for _, label in self.choices)
            raise ValueError(f"“{text}” is not one of: {labels}") from None

    def render(self, value, obj=None, **kwargs):
        return dict(self.choices).get(value, value or "")


class YesNoWidget(widgets.Widget):
    def __init__(self, *, blank: bool = False, **kwargs):
        self.blank = blank
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            return value
        text = text_of(value).lower()
        if not text:
            return self.blank
        if text in YES:
            return True
        if text in NO:
            return False
        raise ValueError(f"“{text_of(value)}” is not yes or no")

    def render(self, value, obj=None, **kwargs):
        return "yes" if value else "no"
