"""Demonstration data: two draft annual evaluations a clerk finds prepared, so that their first click
on "Generate PDF" produces a real report (issue 12).

- **2002/03**, from Leicester's figures: the Overseas Links Controllable Budget of £73,400 and the five
  twin cities. Its front matter follows Leicester's Cabinet report of 2 September 2002 (domain document
  000): decision timetable, report of, implications, background papers, consultations, author and
  decision status. Leicester never took an annual evaluation of 2002/03 to Cabinet, so the report
  itself says it is an Example in its purpose.
- **The current financial year** (of the day it runs), from the example plan, budget and activities of
  `strategy.demo.recent_years` and `partnerships.demo.recent_years`; its title says "Example".

Both are made by `report_create`, the service behind "Prepare a Cabinet report", and edited through
`report_save`, as the clerk's edit page does. Safe to run twice: an annual evaluation of the year, the
clerk's own or an earlier run's, is left as it is.
"""

from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from reporting.models import CabinetReport, Consultation, Recommendation, ReportImplication, ReportMeeting
from reporting.services.reports import report_create, report_save
from strategy.financial_years import FinancialYear, financial_year_of

CABINET_2002 = (
    "Leicester City Council, Cabinet report 'A new strategy for international development', 2 September 2002"
)
LEICESTER_YEAR = FinancialYear(2002)

# The 2002 report's front matter, as far as it fits an annual evaluation of the same year.
LEICESTER_FRONT_MATTER = {
    "layout": CabinetReport.Layout.LEICESTER,
    "council": "Leicester City Council",
    "wards_affected": "All wards",
    "report_of": "Service Director, Regeneration; Environment, Regeneration & Development",
    "purpose": (
        "To report to Cabinet on the council's overseas links in 2002/03: the five twin cities, the "
        "activity recorded and the spending of the Overseas Links Controllable Budget.\n\n"
        f"Example: Leicester's documents hold no annual evaluation of 2002/03. This draft is prepared "
        f"from their figures; its front matter follows the {CABINET_2002}."
    ),
    "summary": (
        "Overseas Links work comprises the Council's formal twinning links and other less formal links "
        "with local authorities and organisations from other countries. Leicester is twinned with five "
        "cities: Krefeld (Germany), Strasbourg (France), Masaya (Nicaragua), Chongqing (China) and Rajkot "
        "(India). The Council's Overseas Links Controllable Budget for 2002/03 is £73,400."
    ),
    "background_papers": "\n".join(
        [
            "White Paper on International Development, “Eliminating World Poverty: Making Globalisation "
            "Work for the Poor”, Department for International Development",
            "“Community Plan”, Leicester City Council",
            "“Strategy for Twinning & Linking”, Leicester City Council",
            "“European Strategy”, Leicester City Council",
            "“Policy Position on International Development”, Local Government Association",
            CABINET_2002,
        ]
    ),
    "author_name": "Jeff Miller",
    "author_post": "Head of European & Regional Policy",
    # The report gives "Tel: 2660" on its first page and "Tel: 2664" at its end; the first is kept.
    "author_telephone": "2660",
    "key_decision": False,
    "key_decision_reason": "N/A",
    "in_forward_plan": False,
    "decision_type": CabinetReport.DecisionType.EXECUTIVE,
}
LEICESTER_TIMETABLE = [
    ("Cabinet", date(2002, 9, 2)),
    ("Strategic Planning & Regeneration Scrutiny Committee", date(2002, 9, 5)),
]
LEICESTER_CONSULTATIONS = [
    ("Directors' Board", date(2002, 5, 10)),
    ("Overseas Links Working Party", date(2002, 6, 7)),
]
# Yes or no as the 2002 report's table gives them; its paragraph references point into that report,
# not into this one, so they are left for the clerk.
LEICESTER_IMPLICATIONS = {
    "equal_opportunities": True,
    "policy": True,
    "sustainable_environmental": True,
    "crime_disorder": False,
    "human_rights": False,
    "elderly_low_income": True,
}


def load(stdout, *, today: date | None = None) -> None:
    """Prepare whatever of the two draft annual evaluations is missing (see the module's docstring)."""
    clerk = get_user_model().objects.filter(username="clerk").first()
    current = financial_year_of(today or timezone.localdate())
    prepared = []
    with transaction.atomic():
        if _leicester_2002(clerk):
            prepared.append(LEICESTER_YEAR.label)
    with transaction.atomic():
        if _current_year(clerk, current):
            prepared.append(current.label)
    stdout.write(
        "Cabinet reports: draft annual evaluations of "
        f"{LEICESTER_YEAR.label} (Leicester's figures) and {current.label} (Example)"
        + (f"; prepared now: {', '.join(prepared)}." if prepared else ", both already there.")
    )


def _annual_exists(year: FinancialYear) -> bool:
    return CabinetReport.objects.filter(kind=CabinetReport.Kind.ANNUAL, financial_year=year.start).exists()


def _leicester_2002(clerk) -> CabinetReport | None:
    if _annual_exists(LEICESTER_YEAR):
        return None
    report = report_create(kind=CabinetReport.Kind.ANNUAL, financial_year=LEICESTER_YEAR.start, by=clerk)
    for name, value in LEICESTER_FRONT_MATTER.items():
        setattr(report, name, value)
    rows = [
        *(ReportMeeting(body=body, meets_on=on) for body, on in LEICESTER_TIMETABLE),
        *report.recommendations,
        *(
            ReportImplication(subject=subject, applies=LEICESTER_IMPLICATIONS[subject])
            for subject in LEICESTER_IMPLICATIONS
        ),
        *(Consultation(body=body, consulted_on=on) for body, on in LEICESTER_CONSULTATIONS),
    ]
    removed = [*report.decision_timetable, *report.implications, *report.consultations]
    return report_save(report=report, rows=rows, removed=removed)


def _current_year(clerk, year: FinancialYear) -> CabinetReport | None:
    if _annual_exists(year):
        return None
    report = report_create(kind=CabinetReport.Kind.ANNUAL, financial_year=year.start, by=clerk)
    report.title = f"{report.title} (Example)"
    report.purpose += (
        "\n\nExample: the figures are the demonstration's example plan, budget and activities of the year."
    )
    rows = [*report.decision_timetable, *report.recommendations, *report.implications, *report.consultations]
    rows.append(
        Recommendation(text="Example: Cabinet asks for the school exchange with Strasbourg to be rearranged.")
    )
    return report_save(report=report, rows=rows)
