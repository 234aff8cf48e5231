"""Forms of the reporting pages, one module a subject."""

from reporting.forms.dashboard import DashboardYearForm
from reporting.forms.reports import ROW_FORMSETS, ReportCreateForm, ReportForm
from reporting.forms.versions import FinaliseForm, GenerateForm, SupersedeForm

__all__ = [
    "ROW_FORMSETS",
    "DashboardYearForm",
    "FinaliseForm",
    "GenerateForm",
    "ReportCreateForm",
    "ReportForm",
    "SupersedeForm",
]
