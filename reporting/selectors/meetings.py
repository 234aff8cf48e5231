"""The meeting papers as the reporting pages show them: partnerships' live figures for each agenda item
(`partnerships.selectors.meeting_papers`), and for each "dashboard for a financial year" item that
year's headline figures from the members' dashboard (`headline_figures`: the same figures, no charts)."""

from django.urls import reverse

from partnerships import selectors
from partnerships.selectors import MeetingPapers
from reporting.selectors.dashboard import headline_figures
from strategy.financial_years import FinancialYear


def meeting_papers(pk: int) -> MeetingPapers:
    """The papers of meeting `pk`; each dashboard item carries `dashboard` (the year's figures, worked
    out once per year on the agenda) and `dashboard_url`."""
    papers = selectors.meeting_papers(pk)
    dashboards = {}
    for item in papers.meeting.items.all():
        if item.financial_year:
            if item.financial_year not in dashboards:
                dashboards[item.financial_year] = headline_figures(year=FinancialYear(item.financial_year))
            item.dashboard = dashboards[item.financial_year]
            item.dashboard_url = f"{reverse('reporting:dashboard')}?year={item.financial_year}"
    return papers
