"""Which financial years hold records: the year filters of the lists offer exactly these."""

from django.db.models import Exists, Max, Min, QuerySet

from strategy.financial_years import FinancialYear, financial_year_of, years_between


def financial_years_with_rows(queryset: QuerySet, date_field: str) -> set[int]:
    """The financial years (start years) in which some row of `queryset` has its `date_field`.

    Two queries whatever the number of rows, each served by an index on the date: the first and last
    dates, then, on one row, whether each year between them has a row. A `DISTINCT` over every row's
    year would read the whole table (100,000 activities at the large profile) on every page view.
    """
    rows = queryset.order_by()
    span = rows.aggregate(first=Min(date_field), last=Max(date_field), any_pk=Min("pk"))
    if span["first"] is None:
        return set()
    years = years_between(financial_year_of(span["first"]), financial_year_of(span["last"]))
    holds = {f"y{year.start}": Exists(rows.filter(**_within(date_field, year))) for year in years}
    found = queryset.model._base_manager.filter(pk=span["any_pk"]).annotate(**holds).values(*holds).get()
    return {year.start for year in years if found[f"y{year.start}"]}


def _within(date_field: str, year: FinancialYear) -> dict:
    return {f"{date_field}__gte": year.first_day, f"{date_field}__lte": year.last_day}
