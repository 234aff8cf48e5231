"""The members' dashboard's charts, drawn from its selector's data: the page and the Cabinet report
(`reporting.cabinet`) draw the same pictures from the same figures."""

from itertools import accumulate

from django.utils import timezone

from reporting.charts.bars import bar_chart, grouped_bar_chart
from reporting.charts.chart import Series
from reporting.charts.lines import Reference, line_chart
from reporting.charts.maps import MapPlace, place_map
from reporting.charts.units import COUNT, MONEY
from reporting.selectors.dashboard import Dashboard


def dashboard_charts(data: Dashboard) -> dict:
    """The dashboard's charts, from the selector's data (the Cabinet report can call this too)."""
    year = data.year.label
    no_budget = f"No budget is recorded for {year}"
    no_strategy = f"No strategy covers {year}"
    by_line = data.spend.summary.rows if data.spend else []
    return {
        "spend_by_month": line_chart(
            title=f"Council spend so far against the budget, {year}",
            labels=[f"{month:%b %Y}" for month, _, _ in data.spend_by_month],
            series=[Series("Spent so far", _spent_so_far(data))],
            table_only=[
                Series("Spent in the month", [spent for _, spent, _ in data.spend_by_month]),
                Series("Committed in the month", [committed for _, _, committed in data.spend_by_month]),
            ],
            reference=Reference("Budget", data.spend.allocated) if data.spend else None,
            unit=MONEY,
            label_heading="Month",
            empty_message=no_budget,
        ),
        "spend_by_line": grouped_bar_chart(
            title=f"Budget and spend by budget line, {year}",
            labels=[row.line.name for row in by_line],
            series=[
                Series("Budget", [row.allocated for row in by_line]),
                Series("Committed", [row.committed for row in by_line]),
                Series("Spent", [row.spent for row in by_line]),
            ],
            unit=MONEY,
            label_heading="Budget line",
            empty_message=no_budget,
        ),
        "by_objective": bar_chart(
            title=f"Activities by strategic objective, {year}",
            labels=[label for label, _ in data.activity_by_objective],
            values=[count for _, count in data.activity_by_objective],
            label_heading="Objective",
            value_heading="Activities",
            empty_message=no_strategy if data.strategy is None else "No activities this year",
        ),
        "by_partnership": bar_chart(
            title=f"Activities by partnership, {year}",
            labels=[label for label, _ in data.activity_by_partnership],
            values=[count for _, count in data.activity_by_partnership],
            label_heading="Partnership",
            value_heading="Activities",
            empty_message="No activities this year",
        ),
        "trend_money": grouped_bar_chart(
            title=_trend_title("Budget, spend and external funding by year", data),
            labels=[row.year.label for row in data.trend],
            series=[
                Series("Budget", [row.budget for row in data.trend]),
                Series("Spent", [row.spent for row in data.trend]),
                Series("External funding", [row.external for row in data.trend]),
            ],
            unit=MONEY,
            label_heading="Financial year",
            empty_message=no_strategy,
        ),
        "trend_activities": line_chart(
            title=_trend_title("Activities by year", data),
            labels=[row.year.label for row in data.trend],
            series=[Series("Activities", [row.activities for row in data.trend])],
            unit=COUNT,
            label_heading="Financial year",
            empty_message=no_strategy,
        ),
        "map": place_map(
            title=f"Partner places by number of activities, {year}",
            places=[
                MapPlace(
                    place.name, place.country.name, place.latitude, place.longitude, place.activity_count
                )
                for place in data.places
            ],
            empty_message="No activities with partner places on the map this year",
        ),
    }


def _spent_so_far(data: Dashboard) -> list:
    """The running total of spend by month; a month yet to come is a gap, not a flat line into the future."""
    this_month = timezone.localdate().replace(day=1)
    totals = accumulate(spent for _, spent, _ in data.spend_by_month)
    months = [month for month, _, _ in data.spend_by_month]
    return [None if month > this_month else total for month, total in zip(months, totals, strict=True)]


def _trend_title(subject: str, data: Dashboard) -> str:
    if data.strategy is None:
        return subject
    return f"{subject}, {data.strategy.title} ({data.strategy.period_label})"
