"""Forms of the reporting pages, one module a subject."""

from reporting.forms.dashboard import DashboardYearForm

__all__ = ["DashboardYearForm"]
