"""The demonstration offers a clerk two draft annual evaluations (issue 12): 2002/03 from Leicester's
figures with the front matter of its Cabinet report of 2 September 2002, and the example current year."""

import io
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from reporting import cabinet
from reporting.models import CabinetReport, Recommendation, ReportMeeting

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 15)  # in 2026/27


@pytest.fixture
def load_demo(settings, monkeypatch):
    """Run load_demo as if today were TODAY (every "not in the future" rule reads timezone.localdate)."""
    settings.DEMO_DATA_ALLOWED = True
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)

    def load() -> None:
        call_command("load_demo", stdout=io.StringIO())

    return load


def annual(year: int) -> CabinetReport:
    return CabinetReport.objects.get(kind=CabinetReport.Kind.ANNUAL, financial_year=year)


def test_a_clerk_finds_the_2002_and_the_current_years_drafts_and_their_pages_open(load_demo, client):
    load_demo()

    assert sorted(CabinetReport.objects.values_list("financial_year", "state")) == [
        (2002, "draft"),
        (2026, "draft"),
    ]
    leicester, current = annual(2002), annual(2026)
    assert leicester.created_by.username == current.created_by.username == "clerk"
    # 2002/03: the front matter of Leicester's report of 2 September 2002, and says it is an example.
    assert leicester.title == "Annual evaluation of international activity 2002/03"
    assert [(row.body, row.meets_on) for row in leicester.decision_timetable] == [
        ("Cabinet", date(2002, 9, 2)),
        ("Strategic Planning & Regeneration Scrutiny Committee", date(2002, 9, 5)),
    ]
    assert leicester.meeting_date == date(2002, 9, 2)
    assert (leicester.author_name, leicester.author_telephone) == ("Jeff Miller", "2660")
    assert [(row.subject, row.applies) for row in leicester.implications] == [
        ("equal_opportunities", True),
        ("policy", True),
        ("sustainable_environmental", True),
        ("crime_disorder", False),
        ("human_rights", False),
        ("elderly_low_income", True),
    ]
    consulted = [row.body for row in leicester.consultations]
    assert consulted == ["Directors' Board", "Overseas Links Working Party"]
    assert "Example: Leicester's documents hold no annual evaluation of 2002/03" in leicester.purpose
    assert "£73,400.00" in leicester.financial_implications  # the 2002 report's controllable budget
    assert len(leicester.recommendations) == 3
    # The current year: all example data, and its title says so.
    assert current.title == "Annual evaluation of international activity 2026/27 (Example)"
    assert current.recommendations[-1].text.startswith("Example: ")

    client.force_login(leicester.created_by)
    for report in (leicester, current):
        for name in ("report", "report_edit", "report_preview"):
            response = client.get(reverse(f"reporting:{name}", args=[report.pk]))
            assert response.status_code == 200, (report.title, name)


def test_the_2002_document_prints_the_implications_by_name_and_the_controllable_budget(load_demo):
    load_demo()
    report = annual(2002)

    html = cabinet.report_html(report, cabinet.report_content(report), draft=True)

    assert "Equal opportunities" in html
    assert "Elderly and people on low income" in html
    assert "equal_opportunities" not in html
    assert "£73,400.00" in html
    assert "Jeff Miller" in html


def test_loading_again_keeps_the_clerks_edits_and_adds_no_second_report(load_demo):
    load_demo()
    report = annual(2002)
    report.title = "Overseas links in 2002/03"
    report.save()
    rows = (ReportMeeting.objects.count(), Recommendation.objects.count())

    load_demo()

    assert CabinetReport.objects.count() == 2
    assert annual(2002).title == "Overseas links in 2002/03"
    assert (ReportMeeting.objects.count(), Recommendation.objects.count()) == rows


def test_a_year_later_the_new_current_year_gets_its_draft_and_the_old_ones_stay(load_demo, monkeypatch):
    load_demo()
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: date(2027, 5, 1))

    call_command("load_demo", stdout=io.StringIO())

    assert sorted(CabinetReport.objects.values_list("financial_year", flat=True)) == [2002, 2026, 2027]
