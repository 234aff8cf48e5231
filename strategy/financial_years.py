"""Financial years as the council counts them: April to March by default, shown as "2016/17".

Everything that needs a financial year uses this module. Models store a year as its start year (a
PositiveSmallIntegerField via `FinancialYearField`); forms accept and show the label.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Case, Exists, Expression, Max, Min, QuerySet, Value, When
from django.db.models.functions import ExtractYear

from intlinks.bounds import earliest_date, latest_date

LABEL_PATTERN = re.compile(r"^\s*(\d{4})\s*(?:[/\-–]\s*(\d{2}|\d{4}))?\s*$")


def start_month() -> int:
    """The first month of the council's financial year (settings.FINANCIAL_YEAR_START_MONTH)."""
    return settings.FINANCIAL_YEAR_START_MONTH


@dataclass(frozen=True, order=True)
class FinancialYear:
    """A financial year, named by the calendar year in which it starts."""

    start: int

    @property
    def label(self) -> str:
        # A January start coincides with the calendar year, so it needs no second part.
        if start_month() == 1:
            return str(self.start)
        return f"{self.start}/{(self.start + 1) % 100:02d}"

    @property
    def first_day(self) -> date:
        return date(self.start, start_month(), 1)

    @property
    def last_day(self) -> date:
        return FinancialYear(self.start + 1).first_day - timedelta(days=1)

    @property
    def previous(self) -> "FinancialYear":
        return FinancialYear(self.start - 1)

    @property
    def next(self) -> "FinancialYear":
        return FinancialYear(self.start + 1)

    def __contains__(self, day: date) -> bool:
        return self.first_day <= day <= self.last_day

    def __str__(self) -> str:
        return self.label

    def quarter_ends(self) -> list[date]:
        """The last day of each of the year's four quarters, in order (the reporting dates)."""
        ends = []
        for quarter in range(1, 5):
            month_index = start_month() - 1 + 3 * quarter  # months since January of the start year
            next_quarter_start = date(self.start + month_index // 12, month_index % 12 + 1, 1)
            ends.append(next_quarter_start - timedelta(days=1))
        return ends

    @classmethod
    def parse(cls, text: str) -> "FinancialYear":
        """Read "2016/17" (also "2016-17", "2016/2017" or "2016"); raise ValidationError otherwise."""
        match = LABEL_PATTERN.match(text or "")
        if not match:
            raise ValidationError(
                "Enter a financial year like 2016/17", code="invalid_financial_year", params={"value": text}
            )
        start, end = int(match.group(1)), match.group(2)
        if end is not None:
            expected = start + 1 if len(end) == 4 else (start + 1) % 100
            if int(end) != expected:
                raise ValidationError(
                    "The second year must follow the first, like 2016/17", code="invalid_financial_year"
                )
        return cls(start)


def first_bounded_year() -> FinancialYear:
    """The first financial year that starts on or after settings.EARLIEST_YEAR's first day."""
    return FinancialYear(settings.EARLIEST_YEAR)


def last_bounded_year() -> FinancialYear:
    """The last financial year that ends by 31 December of settings.LATEST_YEAR (2099/00 for 2100)."""
    return FinancialYear(settings.LATEST_YEAR if start_month() == 1 else settings.LATEST_YEAR - 1)


def validate_financial_year_in_bounds(start: int) -> None:
    """Refuse a financial year (its start year) outside the council's date bounds (intlinks/bounds.py)."""
    first, last = first_bounded_year(), last_bounded_year()
    if not first.start <= start <= last.start:
        raise ValidationError(
            f"Enter a financial year from {first.label} to {last.label}", code="financial_year_out_of_bounds"
        )


def financial_year_of(day: date) -> FinancialYear:
    """The financial year holding `day`: with an April start, 31 March 2017 is in 2016/17."""
    return FinancialYear(day.year if day.month >= start_month() else day.year - 1)


def years_between(first: FinancialYear, last: FinancialYear) -> list[FinancialYear]:
    """Every financial year from `first` to `last`, both included."""
    return [FinancialYear(start) for start in range(first.start, last.start + 1)]


def financial_year_expression(date_field: str) -> Expression:
    """The financial year (its start year) of a date field, in SQL, to annotate or group by.

    A date's calendar year, less one before the council's first month: the same as
    `financial_year_of`, worked out by the database.
    """
    return ExtractYear(date_field) - Case(
        When(**{f"{date_field}__month__lt": start_month()}, then=Value(1)), default=Value(0)
    )


def financial_years_with_rows(queryset: QuerySet, date_field: str) -> set[int]:
    """The financial years (start years) in which some row of `queryset` has its `date_field`.

    Two queries whatever the number of rows, each served by an index on the date: the first and last
    dates, then, on one row, whether each year between them has a row. A `DISTINCT` over every row's
    year would read the whole table (100,000 activities at the large profile) on every page view.
    """
    # A row dated outside the bounds (stored before they were enforced) has no financial year to offer.
    rows = queryset.order_by().filter(
        **{f"{date_field}__gte": earliest_date(), f"{date_field}__lte": latest_date()}
    )
    span = rows.aggregate(first=Min(date_field), last=Max(date_field), any_pk=Min("pk"))
    if span["first"] is None:
        return set()
    years = years_between(financial_year_of(span["first"]), financial_year_of(span["last"]))
    holds = {f"y{year.start}": Exists(rows.filter(**_dates_within(date_field, year))) for year in years}
    found = queryset.model._base_manager.filter(pk=span["any_pk"]).annotate(**holds).values(*holds).get()
    return {year.start for year in years if found[f"y{year.start}"]}


def _dates_within(date_field: str, year: FinancialYear) -> dict:
    return {f"{date_field}__gte": year.first_day, f"{date_field}__lte": year.last_day}
