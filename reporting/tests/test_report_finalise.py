"""Finalising a Cabinet report's version: the final document is rendered without the DRAFT mark from the
same data as the reviewed draft (refused when the records changed since), kept beside the draft, and
downloaded under a name without DRAFT."""

import hashlib
import io
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from kombu.exceptions import OperationalError as BrokerOperationalError
from pypdf import PdfReader

from partnerships.tests.factories import CostFactory
from reporting import cabinet
from reporting.models import CabinetReport, Recommendation, ReportVersion
from reporting.selectors import versions as version_selectors
from reporting.services import versions
from reporting.tasks import render_report_version, report_requeue_waiting
from reporting.tests.factories import CabinetReportFactory, ExemptParagraphFactory, ReportVersionFactory

pytestmark = pytest.mark.django_db

Status = ReportVersion.Status


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def sent(monkeypatch):
    """The (version, final) pairs handed to the queue, instead of a broker."""
    calls = []

    class Result:
        id = "task-final"

    def delay(version_id, final=False):
        calls.append((version_id, final))
        return Result()

    monkeypatch.setattr(render_report_version, "delay", delay)
    return calls


def first_page_text(data: bytes) -> str:
    return PdfReader(io.BytesIO(data)).pages[0].extract_text()


def done_version(**kwargs) -> ReportVersion:
    """A version rendered for real (its draft PDF), as a worker would."""
    version = ReportVersionFactory(**{"number": 1, **kwargs})
    return versions.report_render_version(version_id=version.pk)


def finalised(version, clerk) -> ReportVersion:
    versions.report_finalise(version=version, by=clerk)
    return versions.report_render_final(version_id=version.pk)


def test_finalising_locks_the_report_and_queues_the_final_document_after_commit(
    clerk, sent, django_capture_on_commit_callbacks
):
    version = ReportVersionFactory(done=True)
    with django_capture_on_commit_callbacks(execute=True):
        finalising = versions.report_finalise(version=version, by=clerk)
        assert sent == []
    assert sent == [(version.pk, True)]
    finalising.refresh_from_db()
    assert finalising.status == Status.FINALISING
    assert finalising.task_id == "task-final"
    assert finalising.finalised_by == clerk
    assert not finalising.has_final_file
    finalising.report.refresh_from_db()
    assert finalising.report.state == CabinetReport.State.FINAL


def test_the_final_pdf_has_no_draft_mark_and_the_draft_is_kept_with_both_checksums(clerk, media):
    version = done_version(report=CabinetReportFactory())
    draft_bytes = Path(version.pdf.path).read_bytes()
    final = finalised(version, clerk)
    assert final.status == Status.DONE
    assert final.has_final_file
    final_bytes = Path(final.final_pdf.path).read_bytes()
    assert "DRAFT" not in first_page_text(final_bytes)
    assert "DRAFT" in first_page_text(Path(final.pdf.path).read_bytes())
    assert Path(final.pdf.path).read_bytes() == draft_bytes  # the reviewed draft, untouched
    assert final.checksum == version.checksum
    assert final.final_checksum == hashlib.sha256(final_bytes).hexdigest()
    assert final.final_size == len(final_bytes)
    assert Path(final.final_pdf.path).name == "Leicester-City-Council-annual-evaluation-2016-17-v1.pdf"
    assert Path(final.pdf.path).name.endswith("-v1-DRAFT.pdf")


def test_the_final_exempt_appendix_is_made_too(clerk):
    report = CabinetReportFactory()
    ExemptParagraphFactory(report=report, paragraph_key="finance.budget")
    final = finalised(done_version(report=report), clerk)
    assert final.final_exempt_pdf.name.endswith("-v1-EXEMPT-APPENDIX.pdf")
    assert "DRAFT" not in first_page_text(Path(final.final_exempt_pdf.path).read_bytes())
    assert final.exempt_pdf  # the draft appendix is kept


def test_a_record_changed_after_the_version_refuses_finalising(clerk):
    version = ReportVersionFactory(done=True)
    CostFactory()
    with pytest.raises(ValidationError, match=r"The records changed after this version was made \(e\.g\. a"):
        versions.report_finalise(version=version, by=clerk)
    version.refresh_from_db()
    version.report.refresh_from_db()
    assert (version.status, version.finalised_at) == (Status.DONE, None)
    assert version.report.state == CabinetReport.State.DRAFT


def test_the_front_matter_changed_after_the_version_refuses_finalising(clerk):
    version = ReportVersionFactory(done=True)
    Recommendation.objects.create(report=version.report, text="Note the report", position=9)
    with pytest.raises(ValidationError, match="the report's front matter on"):
        versions.report_finalise(version=version, by=clerk)


def test_a_newer_version_after_the_change_can_be_finalised(clerk):
    ReportVersionFactory(done=True)
    CostFactory()
    newer = ReportVersionFactory(done=True)
    assert versions.report_finalise(version=newer, by=clerk).status == Status.FINALISING


def test_a_record_changed_while_finalising_leaves_the_version_a_draft_with_the_reason(clerk, media):
    version = done_version(report=CabinetReportFactory())
    versions.report_finalise(version=version, by=clerk)
    CostFactory()  # between the clerk's click and the worker
    after = versions.report_render_final(version_id=version.pk)
    assert after.status == Status.DONE
    assert not after.is_finalised
    assert after.failure_reason.startswith("Not finalised. The records changed after this version was made")
    assert not after.final_pdf
    after.report.refresh_from_db()
    assert after.report.state == CabinetReport.State.DRAFT
    assert [path.name for path in media.rglob("*.pdf")] == [Path(version.pdf.path).name]


def test_the_renderer_failing_while_finalising_keeps_the_draft_and_says_why(clerk, monkeypatch, media):
    version = done_version(report=CabinetReportFactory())
    versions.report_finalise(version=version, by=clerk)

    def broken(html):
        raise RuntimeError("out of memory")

    monkeypatch.setattr(cabinet, "render_pdf", broken)
    after = versions.report_render_final(version_id=version.pk)
    assert (after.status, after.is_finalised) == (Status.DONE, False)
    assert "out of memory" in after.failure_reason
    assert Path(after.pdf.path).exists()
    assert len(list(media.rglob("*.pdf"))) == 1


def test_finalising_again_leaves_a_final_version_alone(clerk, monkeypatch):
    final = finalised(done_version(), clerk)
    monkeypatch.setattr(cabinet, "render_pdf", lambda html: pytest.fail("rendered twice"))
    again = versions.report_render_final(version_id=final.pk)
    assert again.final_checksum == final.final_checksum


def test_the_task_with_the_final_flag_renders_the_final_document(clerk):
    version = done_version()
    versions.report_finalise(version=version, by=clerk)
    assert render_report_version.run(version.pk, final=True) == Status.DONE
    version.refresh_from_db()
    assert version.has_final_file


def test_a_version_being_finalised_is_not_superseded(clerk):
    version = ReportVersionFactory(done=True)
    versions.report_finalise(version=version, by=clerk)
    with pytest.raises(ValidationError, match="being finalised"):
        versions.report_supersede(report=version.report, by=clerk, reason="Wrong year")


def test_with_the_broker_down_finalising_waits_and_beat_queues_it(
    clerk, monkeypatch, django_capture_on_commit_callbacks
):
    def refuse(*args, **kwargs):
        raise BrokerOperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(render_report_version, "delay", refuse)
    version = ReportVersionFactory(done=True)
    with django_capture_on_commit_callbacks(execute=True):
        versions.report_finalise(version=version, by=clerk)
    version.refresh_from_db()
    assert (version.status, version.task_id) == (Status.FINALISING, "")
    calls = []

    class Result:
        id = "task-later"

    monkeypatch.setattr(
        render_report_version, "delay", lambda pk, final=False: calls.append((pk, final)) or Result()
    )
    assert report_requeue_waiting.run() == 1
    assert calls == [(version.pk, True)]
    assert report_requeue_waiting.run() == 0  # sent once


def test_the_guard_reads_each_history_table_once_whatever_the_data(clerk):
    version = ReportVersionFactory(done=True)
    tables = len(version_selectors.record_histories()) + 1 + len(version_selectors.FRONT_MATTER_MODELS)
    with CaptureQueriesContext(connection) as few:
        version_selectors.first_change_since(version.report, version.as_of)
    CostFactory.create_batch(5)
    with CaptureQueriesContext(connection) as many:
        assert version_selectors.first_change_since(version.report, version.as_of) is not None
    assert len(few) == len(many) == tables


def test_downloading_a_final_version_gives_the_final_file_named_without_draft(client, clerk):
    final = finalised(done_version(), clerk)
    client.force_login(clerk)
    download = client.get(reverse("reporting:version_download", args=[final.report_id, final.number]))
    assert download.status_code == 200
    assert (
        'filename="Leicester-City-Council-annual-evaluation-2016-17-v1.pdf"'
        in download["Content-Disposition"]
    )
    assert "DRAFT" not in first_page_text(b"".join(download.streaming_content))
    draft = client.get(reverse("reporting:version_download_draft", args=[final.report_id, final.number]))
    assert "-v1-DRAFT.pdf" in draft["Content-Disposition"]
    assert "DRAFT" in first_page_text(b"".join(draft.streaming_content))


def test_while_finalising_the_download_is_still_the_draft(client, clerk):
    version = done_version()
    versions.report_finalise(version=version, by=clerk)
    client.force_login(clerk)
    download = client.get(reverse("reporting:version_download", args=[version.report_id, version.number]))
    assert "-v1-DRAFT.pdf" in download["Content-Disposition"]
    page = client.get(reverse("reporting:report_versions", args=[version.report_id]))
    assert "Finalising" in page.content.decode()
    assert 'hx-trigger="every 2s"' in page.content.decode()
