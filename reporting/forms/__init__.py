"""Forms of the reporting pages, one module a subject."""

from reporting.forms.dashboard import DashboardYearForm
from reporting.forms.reports import ROW_FORMSETS, ReportCreateForm, ReportForm

__all__ = ["ROW_FORMSETS", "DashboardYearForm", "ReportCreateForm", "ReportForm"]
