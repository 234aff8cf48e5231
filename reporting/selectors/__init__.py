"""Reads for the reporting pages, one module a subject; each runs a fixed number of queries."""

from reporting.selectors.dashboard import Dashboard, Figure, dashboard, years_with_data

__all__ = ["Dashboard", "Figure", "dashboard", "years_with_data"]
