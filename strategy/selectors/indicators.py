"""Reads for the indicator pages: each indicator with its target and actual per year."""

from dataclasses import dataclass

from strategy.financial_years import FinancialYear
from strategy.models import Indicator, Strategy


@dataclass
class IndicatorRow:
    indicator: Indicator
    years: list[FinancialYear]
    cells: list  # one IndicatorValue or None per year of the strategy

    @property
    def year_cells(self) -> list[tuple]:
        return list(zip(self.years, self.cells, strict=True))


def indicator_rows(*, strategy: Strategy) -> list[IndicatorRow]:
    """Every indicator of the strategy with its target and actual per year (2 queries)."""
    years = strategy.years
    rows = []
    for indicator in strategy.indicators.select_related("objective").prefetch_related("values"):
        by_year = {value.financial_year: value for value in indicator.values.all()}
        rows.append(IndicatorRow(indicator, years, [by_year.get(year.start) for year in years]))
    return rows
