"""The meeting papers as the reporting pages show them: partnerships' live figures for each agenda item
(`partnerships.selectors.meeting_papers`), with each dashboard item's link to the members' dashboard."""

from django.urls import NoReverseMatch, reverse

from partnerships import selectors
from partnerships.selectors import MeetingPapers


def dashboard_path() -> str:
    """The members' dashboard (built beside these pages, in reporting); its index until it is named."""
    try:
        return reverse("reporting:dashboard")
    except NoReverseMatch:
        return reverse("reporting:meetings").removesuffix("meetings/")


def meeting_papers(pk: int) -> MeetingPapers:
    """The papers of meeting `pk`, each dashboard item with its `dashboard_url` for its year."""
    papers = selectors.meeting_papers(pk)
    for item in papers.meeting.items.all():
        if item.financial_year:
            item.dashboard_url = f"{dashboard_path()}?year={item.financial_year}"
    return papers
