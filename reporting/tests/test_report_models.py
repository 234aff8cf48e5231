"""The records of a Cabinet report: what the database refuses whatever skips the forms."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from partnerships.tests.factories import PartnershipFactory
from reporting.models import CabinetReport, ReportVersion
from reporting.tests.factories import (
    CabinetReportFactory,
    ConsultationFactory,
    ExemptParagraphFactory,
    RecommendationFactory,
    ReportImplicationFactory,
    ReportMeetingFactory,
    ReportVersionFactory,
)
from strategy.tests.factories import StrategyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def refused(**fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        CabinetReport.objects.create(title="A report", **fields)


def test_each_kind_names_what_it_is_about():
    strategy = StrategyFactory()
    partnership = PartnershipFactory()
    refused(kind="annual")
    refused(kind="annual", financial_year=2016, partnership=partnership)
    refused(kind="strategy")
    refused(kind="strategy", strategy=strategy, financial_year=2016)
    refused(kind="partnership", partnership=partnership)
    refused(kind="partnership", financial_year=2016)
    refused(kind="quarterly", financial_year=2016)
    assert CabinetReport.objects.create(title="Annual", kind="annual", financial_year=2016)
    assert CabinetReport.objects.create(title="Strategy", kind="strategy", strategy=strategy)
    assert CabinetReport.objects.create(
        title="Review", kind="partnership", partnership=partnership, financial_year=2016
    )


def test_full_clean_says_what_a_kind_lacks():
    report = CabinetReport(title="Annual", kind="annual")
    with pytest.raises(ValidationError, match="An annual evaluation is of one financial year"):
        report.full_clean()


def test_a_year_outside_the_bounds_is_refused():
    refused(kind="annual", financial_year=9999)


def test_the_layout_and_council_default_from_the_settings(settings):
    settings.CABINET_REPORT_LAYOUT = "derby"
    settings.COUNCIL_NAME = "Derby City Council"
    report = CabinetReportFactory()
    assert report.layout == "derby"
    assert report.council == "Derby City Council"
    assert report.state == "draft"
    refused(kind="annual", financial_year=2016, layout="kent")


def test_the_contract_lists_come_in_print_order():
    report = CabinetReportFactory()
    ReportMeetingFactory(report=report, body="Scrutiny Committee", meets_on=date(2017, 7, 20), position=2)
    ReportMeetingFactory(report=report, body="Cabinet", meets_on=date(2017, 7, 10), position=1)
    RecommendationFactory(report=report, text="Second", position=2)
    RecommendationFactory(report=report, text="First", position=1)
    ReportImplicationFactory(report=report, subject="policy", applies=True, paragraphs="4.1")
    ConsultationFactory(report=report)
    ExemptParagraphFactory(report=report, paragraph_key="finance.budget")

    assert [row.body for row in report.decision_timetable] == ["Cabinet", "Scrutiny Committee"]
    assert report.meeting_date == date(2017, 7, 10)
    assert [row.text for row in report.recommendations] == ["First", "Second"]
    assert [(row.subject, row.applies, row.paragraphs) for row in report.implications] == [
        ("policy", True, "4.1")
    ]
    assert report.consultations[0].body == "Overseas Links Working Party"
    assert report.exempt_keys == {"finance.budget"}


def test_a_meeting_without_a_date_leaves_the_footer_date_empty():
    report = CabinetReportFactory()
    ReportMeetingFactory(report=report, meets_on=None)
    assert report.meeting_date is None


def test_an_implication_is_listed_once_and_from_the_fixed_list():
    report = CabinetReportFactory()
    ReportImplicationFactory(report=report, subject="policy")
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportImplicationFactory(report=report, subject="policy")
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportImplicationFactory(report=report, subject="weather")


def test_an_exempt_paragraph_has_a_schedule_12a_category_from_1_to_7():
    with pytest.raises(IntegrityError), transaction.atomic():
        ExemptParagraphFactory(category=8)
    assert ExemptParagraphFactory(category=7).get_category_display().startswith("7. Information relating")


def test_a_version_number_is_unique_per_report():
    report = CabinetReportFactory()
    ReportVersionFactory(report=report, number=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportVersionFactory(report=report, number=1)


def test_a_done_version_has_its_file_and_checksum():
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportVersionFactory(status="done")
    version = ReportVersionFactory(done=True)
    assert version.pdf.name.startswith("reports/")
    assert len(version.checksum) == 64


def test_a_checksum_is_sha256_hex():
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportVersionFactory(checksum="not-a-checksum")


def test_a_failed_version_says_why():
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportVersionFactory(status="failed")
    assert ReportVersionFactory(status="failed", failure_reason="The renderer stopped").status == "failed"


def test_only_a_done_version_is_finalised(clerk):
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportVersionFactory(status="rendering", finalised_at=timezone.now(), finalised_by=clerk)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportVersionFactory(done=True, finalised_at=timezone.now())
    assert ReportVersionFactory(done=True, finalised_at=timezone.now(), finalised_by=clerk).is_current_final


def test_a_report_has_at_most_one_current_finalised_version(clerk):
    report = CabinetReportFactory()
    first = ReportVersionFactory(report=report, done=True, finalised_at=timezone.now(), finalised_by=clerk)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportVersionFactory(report=report, done=True, finalised_at=timezone.now(), finalised_by=clerk)

    second = ReportVersionFactory(report=report, done=True)
    first.superseded_by = second
    first.supersede_reason = "A cost was recorded against the wrong line"
    first.save()
    second.finalised_at, second.finalised_by = timezone.now(), clerk
    second.save()
    assert [v.number for v in ReportVersion.objects.filter(report=report) if v.is_current_final] == [
        second.number
    ]


def test_superseding_needs_a_reason_and_a_finalised_version(clerk):
    report = CabinetReportFactory()
    newer = ReportVersionFactory(report=report, done=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportVersionFactory(
            report=report, done=True, finalised_at=timezone.now(), finalised_by=clerk, superseded_by=newer
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportVersionFactory(report=report, done=True, superseded_by=newer, supersede_reason="Why")


def test_every_record_keeps_its_history():
    report = CabinetReportFactory()
    report.title = "Changed"
    report.save()
    assert report.history.count() == 2
    assert ReportVersionFactory(report=report).history.count() == 1
