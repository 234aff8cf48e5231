"""The working-party members' dashboard: one financial year's figures and charts, and their lists."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import render

from intlinks import data_version
from reporting import selectors
from reporting.charts.dashboard import dashboard_charts
from reporting.forms import DashboardYearForm
from reporting.selectors.dashboard import Dashboard, current_year
from strategy.financial_years import FinancialYear
from strategy.selectors import RAG_ORDER

# What the dashboard reads; every role holds these (README's access table), members above all.
DASHBOARD_PERMISSIONS = (
    "partnerships.view_partnership",
    "partnerships.view_activity",
    "strategy.view_budget",
    "strategy.view_actionplan",
)


def chosen_year(request):
    """The year named in `?year=`, or the current financial year; a bad value says so and is ignored."""
    default = current_year()
    form = DashboardYearForm(request.GET)
    if not form.is_valid():
        problem = " ".join(form.errors["year"])
        messages.warning(request, f"{problem}. Showing {default.label} instead.")
        return default
    return form.cleaned_data["year"] or default


@permission_required(DASHBOARD_PERMISSIONS, raise_exception=True)
def dashboard(request):
    """Headline figures for the chosen financial year, each linked to its records, and the charts."""
    year = chosen_year(request)
    # Members open it before a meeting, all at once: computed once per year until a record changes.
    data, charts = data_version.cached("dashboard", partial(_figures_and_charts, year), year.start)
    context = {
        "dashboard": data,
        "charts": charts,
        # Each RAG count with its rating, for a tag in the rating's colour that also says it in words.
        "rag_counts": list(zip(RAG_ORDER, data.actions_by_rag, strict=False)),
        "spent_percent": _spent_percent(data),
        "crumbs": [("Dashboard", None)],
    }
    return render(request, "reporting/dashboard.html", context)


def _figures_and_charts(year: FinancialYear) -> tuple[Dashboard, dict]:
    data = selectors.dashboard(year=year)
    return data, dashboard_charts(data) if data.has_data else {}


def _spent_percent(data: Dashboard) -> int | None:
    """How much of the year's budget is spent, as a whole percentage for the card's bar (0 to 100)."""
    if data.spend is None or data.spend.allocated <= 0:
        return None
    return max(0, min(100, round(data.spend.spent * 100 / data.spend.allocated)))
