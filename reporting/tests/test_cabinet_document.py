"""The Cabinet report document: the body from data, the two layouts, and the tagged PDF read back.

The data set is the matrix's fixed one (`fixed_data.py`, financial year 2016/17) with, added here:
- a grants line on the 2016/17 budget and three applications decided at a meeting on 9 June 2016
  (£800 approved and £750 paid, £400 approved, one declined);
- £1,500 of external funding for Strasbourg awarded on 1 May 2016;
- an action plan for 2016/17 with two actions (one red, one not rated) and an indicator;
- a gift of £45 given on 1 July 2016.

Hand-computed figures for 2016/17:
- budget: two lines of £5,000 (`budget_line_for`) = £10,000.00 allocated;
- council actual costs dated in the year: £100 + €200 at 0.85 (£170) + £60 (cancelled activity, still
  spend) + £25 = £355.00; the grants line adds the £750 paid: spent £1,105.00;
- leverage: £1,500 external over the council's own £355.00 of actual costs = £4.23 a pound;
- matrix: Exchange (£270), Late visit (£40) and Fair (£25) = 3 activities, £335.00;
- grants: 3 decided, £1,200.00 approved, £750.00 paid.
"""

import io
import re
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from intlinks.tests.queries import assert_fixed_queries
from partnerships.models import AgendaItem, Meeting
from partnerships.services import grant_decide, grant_pay, grant_submit, meeting_save
from partnerships.tests.factories import (
    ActivityFactory,
    CostFactory,
    ExternalFundingFactory,
    GiftFactory,
    GrantApplicationFactory,
    PartnershipFactory,
    PlaceFactory,
    budget_line_for,
)
from reporting.cabinet import render_pdf, report_content, report_html
from reporting.tests import fixed_data
from strategy.tests.factories import (
    ActionFactory,
    ActionPlanFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    ProgressUpdateFactory,
)

pytestmark = pytest.mark.django_db


def fake_report(**changes):
    """An object with the contract's attributes (R1's CabinetReport provides the same)."""
    row = SimpleNamespace
    fields = {
        "kind": "annual",
        "financial_year": 2016,
        "strategy": None,
        "partnership": None,
        "layout": "leicester",
        "council": "Leicester City Council",
        "title": "Annual evaluation of international activity 2016/17",
        "wards_affected": "All wards",
        "report_of": "Service Director, Regeneration",
        "purpose": "This report evaluates the year.\n\nIt reports progress against the action plan.",
        "summary": "Activity continued with the twin cities.",
        "reasons": "The strategy asks for an annual evaluation.",
        "other_options": "Doing nothing is not an option.",
        "financial_implications": "The budget for 2016/17 was £10,000.",
        "legal_implications": "None arising directly from this report.",
        "background_papers": "Strategy for Twinning & Linking (1993)",
        "author_name": "Jeff Miller",
        "author_post": "Head of European & Regional Policy",
        "author_telephone": "2660",
        "key_decision": False,
        "key_decision_reason": "",
        "in_forward_plan": False,
        "decision_type": "executive",
        "meeting_date": date(2017, 9, 4),
        "decision_timetable": [row(body="Cabinet", meets_on=date(2017, 9, 4))],
        "recommendations": [row(text="Cabinet notes the evaluation."), row(text="Scrutiny comments on it.")],
        "implications": [
            row(subject="Equal opportunities", applies=True, paragraphs="4.2"),
            row(subject="Crime and disorder", applies=False, paragraphs=""),
        ],
        "consultations": [row(body="Overseas Links Working Party", consulted_on=date(2017, 6, 7))],
        "exempt_keys": set(),
    }
    return SimpleNamespace(**{**fields, **changes})


@pytest.fixture
def council(officer, member):
    data = fixed_data.build()
    grants_line = budget_line_for(2016, "Grants")
    applications = [
        GrantApplicationFactory(budget_line=grants_line, amount_requested=Decimal(amount))
        for amount in ("800.00", "400.00", "900.00")
    ]
    for application in applications:
        grant_submit(application=application, by=officer, submitted_on=date(2016, 5, 1))
    meeting = meeting_save(
        meeting=Meeting(held_on=date(2016, 6, 9)),
        members_present=[member],
        items=[
            AgendaItem(kind=AgendaItem.Kind.GRANT, grant_application=application, title=application.title)
            for application in applications
        ],
        by=officer,
    )
    paid, approved, declined = applications
    grant_decide(application=paid, meeting=meeting, by=member, approve=True, amount=Decimal("800.00"))
    grant_decide(application=approved, meeting=meeting, by=member, approve=True, amount=Decimal("400.00"))
    grant_decide(application=declined, meeting=meeting, by=member, approve=False, reasons="Not eligible")
    grant_pay(application=paid, by=officer, amount=Decimal("750.00"), paid_on=date(2016, 7, 1))
    ExternalFundingFactory(
        partnership=data.strasbourg, amount_awarded=Decimal("1500.00"), awarded_on=date(2016, 5, 1)
    )
    strategy = data.objective_1.strategy
    plan = ActionPlanFactory(strategy=strategy, financial_year=2016)
    red = ActionFactory(action_plan=plan, objective=data.objective_1, reference="1a", description="Visit")
    ActionFactory(action_plan=plan, objective=data.objective_2, reference="2a", description="Trade fair")
    ProgressUpdateFactory(
        action=red, recorded_by=officer, rag="red", status="at_risk", note="Flights cost more"
    )
    indicator = IndicatorFactory(strategy=strategy, name="Residents aware of the links", unit="%")
    IndicatorValueFactory(
        indicator=indicator, financial_year=2016, target=Decimal("60"), actual=Decimal("64")
    )
    GiftFactory(partnership=data.strasbourg, value=Decimal("45.00"), given_on=date(2016, 7, 1))
    return data


def pdf_text(pdf: bytes) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, [" ".join(page.extract_text().split()) for page in reader.pages]


def render(report, *, draft=True, public=True):
    content = report_content(report)
    html = report_html(report, content, draft=draft, public=public)
    return content, html, pdf_text(render_pdf(html))


def test_figures_in_the_pdf_are_the_hand_computed_ones(council):
    content, _, (_, pages) = render(fake_report())
    text = " ".join(pages)
    budget = content.paragraph("finance.budget").text
    assert "allocated £10,000.00 across 2 budget lines" in budget
    assert "£1,105.00 was spent" in budget
    assert "External funding of £1,500.00 was awarded in 2016/17 (1 award)" in text
    assert "£355.00" in text
    assert "drew £4.23 of external money" in text
    assert "3 activities and £335.00 in all" in text
    assert "decided 3 grant applications" in text
    assert "2 approved for £1,200.00 and 1 declined" in text
    assert "totalling £750.00 had been paid" in text
    assert "Flights cost more" in text  # the red action's latest update
    assert "64" in text
    assert "Met" in text
    assert "£45.00" in text  # the gift register's notable item


def test_paragraphs_are_numbered_with_stable_keys_in_each_layout(council):
    leicester = report_content(fake_report())
    derby = report_content(fake_report(layout="derby"))
    assert [s.title for s in leicester.sections][:2] == [
        "Scope of this evaluation",
        "Progress on the strategy's objectives",
    ]
    assert leicester.paragraph("scope.period").number == "1.1"
    assert derby.paragraph("scope.period").number == "4.1"
    assert leicester.paragraph("objectives.1").number == "2.2"
    assert leicester.paragraph(f"partnerships.{council.strasbourg.pk}") is not None


def test_leicester_front_matter_page_numbers_and_draft_mark(council):
    _, html, (reader, pages) = render(fake_report())
    first = pages[0]
    for heading in ("Leicester City Council", "Wards affected", "Decision timetable", "Purpose of report"):
        assert heading.lower() in first.lower()
    assert "ANNUAL EVALUATION OF INTERNATIONAL ACTIVITY 2016/17" in first
    assert "2.1 Cabinet notes the evaluation." in " ".join(pages)
    whole = " ".join(pages)
    for heading in (
        "Other implications",
        "Background papers",
        "Consultations",
        "Report author",
        "Decision status",
    ):
        assert heading in whole
    assert "CONTENTS" in whole
    assert "target-counter" in html
    total = len(reader.pages)
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {total}" in page
        assert "DRAFT" in page
        assert "Leicester City Council" in page
        assert "4 September 2017" in page


def test_derby_layout_has_summary_reasons_options_and_implications_appendix(council):
    _, _, (_, pages) = render(fake_report(layout="derby"))
    text = " ".join(pages)
    assert "1.1 Activity continued with the twin cities." in pages[0]
    assert "Reasons for recommendation" in pages[0]
    assert "3.1 The strategy asks for an annual evaluation." in text
    assert "4.1 This report evaluates" in text  # the supporting information follows as section 4
    assert "Other options considered" in text
    assert "Appendix 1: Implications" in text
    assert "None arising directly from this report." in text


def test_a_final_version_has_no_draft_mark(council):
    _, _, (_, pages) = render(fake_report(), draft=False)
    assert not any("DRAFT" in page for page in pages)


def test_the_pdf_is_tagged_with_title_and_language(council):
    _, _, (reader, _) = render(fake_report())
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "en-GB"
    assert reader.metadata.title == "Annual evaluation of international activity 2016/17"
    fonts = {
        font.get_object()["/BaseFont"]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert all("Liberation" in str(name) for name in fonts)


def test_exempt_paragraph_is_left_out_of_the_public_version_and_kept_in_the_appendix(council):
    report = fake_report(exempt_keys={"finance.leverage"})
    content, _, (_, public) = render(report)
    number = content.paragraph("finance.leverage").number
    public_text = " ".join(public)
    assert f"Paragraph {number} is exempt (Schedule 12A" in public_text
    assert "£4.23" not in public_text
    _, _, (_, appendix) = render(report, public=False)
    appendix_text = " ".join(appendix)
    assert "EXEMPT APPENDIX" in appendix_text
    assert f"{number} External funding of £1,500.00" in appendix_text
    assert "Scope of this evaluation" not in appendix_text  # only the exempt paragraphs


def test_html_typed_into_the_front_matter_renders_as_text(council):
    report = fake_report(summary="<script>alert('x')</script> <b>bold</b>", title="Links & <i>twins</i>")
    _, html, (reader, pages) = render(report)
    assert "<script>" not in html
    assert "<b>bold</b>" not in html
    assert "&lt;script&gt;" in html
    assert "<script>alert('x')</script> <b>bold</b>" in " ".join(pages)
    assert reader.metadata.title == "Links & <i>twins</i>"


def test_a_year_without_an_action_plan_says_what_is_missing(council):
    content, _, (_, pages) = render(fake_report(financial_year=2017))
    assert "No action plan is recorded for 2017/18" in " ".join(pages)
    assert any("No action plan" in gap for gap in content.missing)


def test_strategy_evaluation_and_partnership_review_render(council):
    strategy = council.objective_1.strategy
    content, _, (_, pages) = render(fake_report(kind="strategy", strategy=strategy))
    text = " ".join(pages)
    for year in ("2016/17", "2017/18", "2018/19", "2019/20"):
        assert year in text
    assert "No action plan is recorded for 2017/18" in content.missing
    content, _, (_, pages) = render(fake_report(kind="partnership", partnership=council.strasbourg))
    text = " ".join(pages)
    assert "2 activities took place with Strasbourg in 2016/17" in text
    assert "External funding awarded for the link in 2016/17: £1,500.00" in text


def _grow(officer):
    """More of everything the report reads: links, activities with costs, gifts, actions."""
    for n in range(6):
        link = PartnershipFactory(place=PlaceFactory(name=f"Town {n}"))
        for m in range(3):
            activity = ActivityFactory(
                partnership=link, starts_on=date(2016, 5, 1 + m), ends_on=date(2016, 5, 2 + m)
            )
            CostFactory(activity=activity, incurred_on=date(2016, 5, 1), budget_line=budget_line_for(2016))
        GiftFactory(partnership=link, given_on=date(2016, 8, 1), value=Decimal("20.00"))
    plan = ActionFactory._meta.model.objects.first().action_plan
    for n in range(5):
        action = ActionFactory(
            action_plan=plan, objective=plan.strategy.objectives.first(), reference=f"x{n}"
        )
        ProgressUpdateFactory(action=action, recorded_by=officer, rag="green")


@pytest.mark.parametrize("kind", ["annual", "strategy", "partnership"])
def test_gathering_makes_a_fixed_number_of_queries(council, officer, kind):
    report = fake_report(kind=kind, strategy=council.objective_1.strategy, partnership=council.strasbourg)

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            report_content(report)
        return len(context)

    small = queries()
    _grow(officer)
    assert_fixed_queries(small, queries(), at_most=60)


def test_page_numbers_count_every_page(council):
    _, _, (reader, pages) = render(fake_report())
    found = [re.search(r"Page (\d+) of (\d+)", page).groups() for page in pages]
    assert found == [(str(n), str(len(reader.pages))) for n in range(1, len(reader.pages) + 1)]
