"""A committee clerk, in a real browser, prepares the annual evaluation of 2016/17, edits its front
matter, previews it, generates the PDF (a real Celery worker takes the task from Redis while the page
polls its versions table), downloads it, and finds the edited title and recommendation on its first
page. Every page on the way passes axe-core; screenshots are kept in var/screenshots/cabinet-*.png.

The data is the matrix's fixed data set (`reporting/tests/fixed_data.py`: a strategy from 2016/17,
Strasbourg and Krefeld with costed activities in 2016/17) and the strategy's action plan for 2016/17.
"""

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from conftest import axe_violations
from reporting.models import ReportVersion
from reporting.tests import fixed_data
from strategy.tests.factories import ActionPlanFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Overseas links in 2016/17: the annual evaluation"
RECOMMENDATION = "Cabinet thanks the twinning associations of Strasbourg and Krefeld for their work."
GENERATED_WITHIN_MS = 90_000  # a worker on a shared 2-core machine; the render itself takes seconds


def accessible(page, name):
    """Screenshot the page under var/screenshots/cabinet-NAME.png and run axe-core on it."""
    page.screenshot(path=f"var/screenshots/cabinet-{name}.png", full_page=True)
    assert axe_violations(page) == [], name
    return page


def test_a_clerk_edits_the_front_matter_generates_and_downloads_the_pdf(
    page,
    live_server,
    clerk,
    sign_in,
    celery_worker_process,  # noqa: F811
    media,  # noqa: F811
):
    data = fixed_data.build()
    ActionPlanFactory(strategy=data.objective_1.strategy, financial_year=2016)
    url = live_server.url

    sign_in("clerk")
    page.goto(f"{url}/reporting/reports/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Cabinet reports")
    accessible(page, "list")

    # Prepare the draft: a kind and a year, the front matter drafted from the figures.
    page.get_by_role("link", name="Prepare a Cabinet report").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Prepare a Cabinet report")
    accessible(page, "create")
    page.get_by_label("Annual evaluation of a financial year").check()
    page.get_by_label("Financial year", exact=True).fill("2016/17")
    page.get_by_role("button", name="Prepare the draft").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Annual evaluation of international activity 2016/17"
    )
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Draft prepared")
    expect(page.locator("main")).not_to_contain_text("What the report will be missing")
    report_url = page.url

    # Edit the title and the first recommendation.
    page.get_by_role("link", name="Edit the front matter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Edit the front matter")
    accessible(page, "edit")
    page.get_by_label("Title", exact=True).fill(TITLE)
    page.get_by_role("group", name="Recommendation 1").get_by_role("textbox").fill(RECOMMENDATION)
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_url(report_url)
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Front matter saved")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.locator("main ol").first).to_contain_text(RECOMMENDATION)
    accessible(page, "report")

    # The preview is the document as HTML, from the same templates as the PDF.
    page.get_by_role("link", name="Preview as a web page").click()
    expect(page.locator("body")).to_contain_text(re.compile(re.escape(TITLE), re.IGNORECASE))
    expect(page.locator("body")).to_contain_text(RECOMMENDATION)
    accessible(page, "preview")

    # Generate: the page returns at once and its versions table follows the worker until the PDF is ready.
    page.goto(report_url)
    page.get_by_role("button", name="Generate PDF").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Version 1 is queued")
    versions = page.locator("#report-versions")
    expect(versions.locator("tbody tr").first).to_contain_text("Ready", timeout=GENERATED_WITHIN_MS)
    assert ReportVersion.objects.get().status == ReportVersion.Status.DONE
    accessible(page, "report-generated")

    with page.expect_download() as download_info:
        versions.get_by_role("link", name="Download version 1 draft (PDF)").click()
    download = download_info.value
    assert re.fullmatch(r".*annual-evaluation-2016-17-v1-DRAFT\.pdf", download.suggested_filename)
    pdf = PdfReader(io.BytesIO(download.path().read_bytes()))
    first_page = " ".join(pdf.pages[0].extract_text().split())
    assert TITLE.upper() in first_page.upper()
    assert RECOMMENDATION in first_page
    assert pdf.metadata.title == TITLE
