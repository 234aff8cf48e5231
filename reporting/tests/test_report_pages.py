"""The Cabinet report pages: prepare a draft with front matter drafted from the data, edit it, and the
rules around it (final reports locked, stale edits, double submits, escaping, roles, fixed queries)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from intlinks.tests.posting import page_data, shown_data
from intlinks.tests.queries import assert_fixed_queries, queries_for
from reporting.models import CabinetReport, ReportImplication
from reporting.tests.factories import CabinetReportFactory, RecommendationFactory, ReportMeetingFactory
from strategy.tests.factories import ActionPlanFactory, BudgetFactory, BudgetLineFactory, StrategyFactory

pytestmark = pytest.mark.django_db

CREATE = "/reporting/reports/new/"


@pytest.fixture
def clerk_client(client, clerk):
    client.force_login(clerk)
    return client


@pytest.fixture
def year_2016():
    """A strategy over 2016/17 to 2019/20 with the 2016/17 action plan, and budgets for 2015/16 (£800)
    and 2016/17 (two lines, £600 + £400), nothing spent; the £800 and £600 lines count toward the 1993
    Act's limit."""
    strategy = StrategyFactory(title="International strategy", first_year=2016, last_year=2019)
    ActionPlanFactory(strategy=strategy, financial_year=2016)
    limited = {"counts_toward_overseas_assistance_limit": True}
    BudgetLineFactory(budget=BudgetFactory(financial_year=2015), allocation=Decimal("800.00"), **limited)
    budget = BudgetFactory(financial_year=2016)
    BudgetLineFactory(budget=budget, allocation=Decimal("600.00"), **limited)
    BudgetLineFactory(budget=budget, allocation=Decimal("400.00"))
    return strategy


def edit_data(response, **changes) -> dict:
    data = shown_data(response.context["form"])
    for _heading, formset in response.context["row_formsets"]:
        data.update(shown_data(formset.management_form))
        for row in formset.forms:
            data.update(shown_data(row))
    data.update(changes)
    return data


def test_a_new_annual_evaluation_is_drafted_from_the_years_figures(clerk_client, clerk, year_2016, settings):
    settings.COUNCIL_NAME = "Leicester City Council"
    data = page_data(clerk_client.get(CREATE), kind="annual", financial_year="2016/17")
    response = clerk_client.post(CREATE, data)

    report = CabinetReport.objects.get()
    assert response.url == report.get_absolute_url()
    assert report.title == "Annual evaluation of international activity 2016/17"
    assert report.council == "Leicester City Council"
    assert report.wards_affected == "All wards"
    assert report.strategy == year_2016
    assert report.created_by == clerk
    # By hand: allocated £600 + £400 = £1,000, nothing spent; the 1993 Act's limit is twice 2015/16's £800.
    assert report.financial_implications.startswith(
        "The overseas links budget for 2016/17 allocated £1,000.00, of which £0.00 has been spent and £0.00 "
        "committed, leaving £1,000.00."
    )
    assert "£1,600.00 (2015/16)" in report.financial_implications
    assert "Local Government (Overseas Assistance) Act 1993" in report.legal_implications
    assert [row.subject for row in report.implications] == [
        "equal_opportunities",
        "policy",
        "sustainable_environmental",
        "crime_disorder",
        "human_rights",
        "elderly_low_income",
    ]
    assert [row.body for row in report.decision_timetable] == ["Cabinet"]
    assert report.recommendations[0].text.startswith("Cabinet notes the evaluation")
    page = clerk_client.get(report.get_absolute_url()).content.decode()
    assert "No version generated yet" in page
    assert "What the report will be missing" not in page


def test_a_year_with_no_action_plan_says_what_is_missing(clerk_client):
    data = page_data(clerk_client.get(CREATE), kind="annual", financial_year="2030/31")
    response = clerk_client.post(CREATE, data, follow=True)
    page = response.content.decode()
    assert "There is no action plan for 2030/31" in page
    assert "There is no budget for 2030/31" in page
    assert (
        "no overseas links budget recorded for 2030/31" in CabinetReport.objects.get().financial_implications
    )


def test_each_kind_asks_for_what_it_covers(clerk_client):
    for kind, field in (
        ("annual", "financial_year"),
        ("strategy", "strategy"),
        ("partnership", "partnership"),
    ):
        response = clerk_client.post(CREATE, page_data(clerk_client.get(CREATE), kind=kind))
        assert response.status_code == 200
        assert response.context["form"].errors[field]
    assert not CabinetReport.objects.exists()


def test_a_double_submit_prepares_one_report(clerk_client):
    data = page_data(clerk_client.get(CREATE), kind="annual", financial_year="2016/17")
    first = clerk_client.post(CREATE, data)
    second = clerk_client.post(CREATE, data, follow=True)
    assert CabinetReport.objects.count() == 1
    assert second.redirect_chain == [(first.url, 302)]


def test_the_front_matter_and_rows_are_saved_in_order(clerk_client):
    report = CabinetReportFactory()
    RecommendationFactory(report=report, text="First", position=1)
    url = reverse("reporting:report_edit", args=[report.pk])
    data = edit_data(
        clerk_client.get(url),
        title="Annual evaluation 2016/17 (revised)",
        **{
            "recommendations-1-text": "Second",
            "meetings-0-body": "Scrutiny Committee",
            "meetings-0-meets_on": "2017-07-20",
        },
    )
    response = clerk_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    report.refresh_from_db()
    assert report.title == "Annual evaluation 2016/17 (revised)"
    assert [row.text for row in report.recommendations] == ["First", "Second"]
    assert [(row.body, str(row.meets_on)) for row in report.decision_timetable] == [
        ("Scrutiny Committee", "2017-07-20")
    ]


def test_html_typed_into_the_front_matter_renders_as_text(clerk_client):
    report = CabinetReportFactory(title="<script>alert(1)</script>", summary="<b>bold</b>")
    RecommendationFactory(report=report, text="<img src=x onerror=alert(1)>")
    page = clerk_client.get(report.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;bold&lt;/b&gt;" in page
    assert "<img src=x" not in page
    assert "<script>alert(1)</script>" not in clerk_client.get("/reporting/reports/").content.decode()


def test_a_final_report_refuses_edits(clerk_client):
    report = CabinetReportFactory(title="As Cabinet received it")
    url = reverse("reporting:report_edit", args=[report.pk])
    data = edit_data(clerk_client.get(url), title="Changed afterwards")
    CabinetReport.objects.filter(pk=report.pk).update(state="final")

    response = clerk_client.post(url, data, follow=True)
    assert response.redirect_chain[-1][0] == report.get_absolute_url()
    assert "This report is final" in response.content.decode()
    assert clerk_client.get(url).status_code == 302
    report.refresh_from_db()
    assert report.title == "As Cabinet received it"


def test_the_service_refuses_a_final_report_whatever_the_page():
    from django.core.exceptions import ValidationError

    from reporting.services.reports import report_save

    report = CabinetReportFactory(state="final")
    report.title = "Changed"
    with pytest.raises(ValidationError, match="This report is final"):
        report_save(report=report)


def test_an_edit_over_a_colleagues_save_is_refused(clerk_client):
    report = CabinetReportFactory(title="Original")
    url = reverse("reporting:report_edit", args=[report.pk])
    data = edit_data(clerk_client.get(url), title="Mine")
    CabinetReport.objects.filter(pk=report.pk).update(title="Theirs")

    response = clerk_client.post(url, data)
    assert response.status_code == 200
    assert "Someone else saved this" in response.content.decode()
    report.refresh_from_db()
    assert report.title == "Theirs"


def test_an_officer_prepares_reports_and_a_member_only_reads(client, officer, member):
    report = CabinetReportFactory()
    client.force_login(officer)
    assert client.get(CREATE).status_code == 200
    assert client.get(reverse("reporting:report_edit", args=[report.pk])).status_code == 200
    client.force_login(member)
    assert client.get(CREATE).status_code == 403
    assert client.get(reverse("reporting:report_edit", args=[report.pk])).status_code == 403
    page = client.get(report.get_absolute_url()).content.decode()
    assert "Edit the front matter" not in page


def _report_with_rows(size: int) -> CabinetReport:
    report = CabinetReportFactory()
    for position in range(size):
        ReportMeetingFactory(report=report, body=f"Committee {position}", position=position)
        RecommendationFactory(report=report, position=position)
    for subject in ("policy", "human_rights")[: min(size, 2)]:
        ReportImplication.objects.create(report=report, subject=subject)
    return report


def test_the_pages_make_a_fixed_number_of_queries(clerk_client):
    small, large = _report_with_rows(1), _report_with_rows(6)
    CabinetReportFactory.create_batch(5)
    # The edit page also builds the report's body (a fixed number of queries, ~45 for a full annual
    # evaluation) to offer its paragraphs to mark exempt.
    for name, budget in (("reporting:report", 30), ("reporting:report_edit", 80)):
        assert_fixed_queries(
            queries_for(clerk_client, reverse(name, args=[small.pk])),
            queries_for(clerk_client, reverse(name, args=[large.pk])),
            at_most=budget,
        )
    few = queries_for(clerk_client, "/reporting/reports/")
    CabinetReportFactory.create_batch(10)
    assert_fixed_queries(few, queries_for(clerk_client, "/reporting/reports/"), at_most=15)
