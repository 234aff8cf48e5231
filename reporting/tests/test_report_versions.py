"""A Cabinet report's versions: requested, queued after commit, rendered to storage, failed in plain
words, finalised, superseded; and what each refuses."""

import hashlib
import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.admin.sites import AdminSite
from django.core.exceptions import ValidationError
from django.db import OperationalError
from django.test import RequestFactory
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerOperationalError

from reporting import cabinet
from reporting.admin import ReportVersionAdmin
from reporting.models import CabinetReport, ReportVersion
from reporting.services import versions
from reporting.tasks import render_report_version, report_files_sweep, report_requeue_waiting
from reporting.tests.factories import CabinetReportFactory, ExemptParagraphFactory, ReportVersionFactory

pytestmark = pytest.mark.django_db

Status = ReportVersion.Status


@pytest.fixture(autouse=True)
def media(media):
    """Every test here writes its files to its own folder (reporting/tests/conftest.py)."""
    return media


@pytest.fixture
def sent(monkeypatch):
    """The versions handed to the queue, instead of a broker."""
    ids = []

    class Result:
        id = "task-1"

    def delay(version_id, final=False):
        ids.append((version_id, "final") if final else version_id)
        return Result()

    monkeypatch.setattr(render_report_version, "delay", delay)
    return ids


@pytest.fixture
def broker_down(monkeypatch):
    def refuse(*args, **kwargs):
        raise BrokerOperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(render_report_version, "delay", refuse)
    monkeypatch.setattr(render_report_version, "apply_async", refuse)


def files_in(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()]


def test_a_request_keeps_the_next_version_and_queues_it_after_commit(
    clerk, sent, django_capture_on_commit_callbacks
):
    report = CabinetReportFactory()
    with django_capture_on_commit_callbacks(execute=True):
        first = versions.report_request_generation(report=report, by=clerk)
        assert sent == []  # nothing is sent before the request's transaction commits
    with django_capture_on_commit_callbacks(execute=True):
        second = versions.report_request_generation(report=report, by=clerk)
    first.refresh_from_db()
    assert (first.number, second.number) == (1, 2)
    assert first.status == Status.QUEUED
    assert first.task_id == "task-1"
    assert first.requested_by == clerk
    assert first.as_of is not None
    assert sent == [first.pk, second.pk]


def test_with_the_broker_down_the_request_waits_and_is_queued_when_it_is_back(
    clerk, broker_down, django_capture_on_commit_callbacks, monkeypatch
):
    report = CabinetReportFactory()
    with django_capture_on_commit_callbacks(execute=True):
        version = versions.report_request_generation(report=report, by=clerk)
    version.refresh_from_db()
    assert version.status == Status.WAITING
    assert report_requeue_waiting() == 0  # still down: it keeps waiting
    version.refresh_from_db()
    assert version.status == Status.WAITING

    taken = []
    result = type("Result", (), {"id": "task-2"})
    monkeypatch.setattr(render_report_version, "delay", lambda pk: taken.append(pk) or result)
    assert report_requeue_waiting() == 1
    version.refresh_from_db()
    assert version.status == Status.QUEUED
    assert taken == [version.pk]
    assert report_requeue_waiting() == 0  # never sent twice


def test_a_version_sent_long_ago_and_never_started_is_sent_again_once(
    clerk, sent, django_capture_on_commit_callbacks
):
    """Its message was lost: a Redis restarted without its append-only file forgets what it held."""
    now = timezone.now()
    lost = ReportVersionFactory(
        status=Status.QUEUED, sent_at=now - versions.LOST_AFTER - timedelta(minutes=1)
    )
    recent = ReportVersionFactory(
        status=Status.QUEUED, sent_at=now - versions.LOST_AFTER + timedelta(minutes=1)
    )
    rendering = ReportVersionFactory(status=Status.RENDERING, sent_at=now - timedelta(hours=2))
    with django_capture_on_commit_callbacks(execute=True):
        finalising = versions.report_finalise(version=ReportVersionFactory(done=True), by=clerk)
    ReportVersion.objects.filter(pk=finalising.pk).update(sent_at=now - timedelta(hours=2))
    sent.clear()

    assert report_requeue_waiting() == 2
    assert sent == [(finalising.pk, "final"), lost.pk]  # the longest lost first
    assert report_requeue_waiting() == 0  # sent just now: not again
    lost.refresh_from_db()
    assert lost.sent_at > now
    for untouched in (recent, rendering):
        untouched.refresh_from_db()
        assert untouched.sent_at < now


def test_a_version_resent_whose_first_message_arrives_too_is_made_once(clerk, sent, media):
    version = ReportVersionFactory(status=Status.QUEUED, sent_at=timezone.now() - timedelta(hours=1))
    report_requeue_waiting()
    first = versions.report_render_version(version_id=version.pk)
    second = versions.report_render_version(version_id=version.pk)  # the message thought lost
    assert (first.status, second.status, second.pdf.name) == (Status.DONE, Status.DONE, first.pdf.name)
    assert len(files_in(media)) == 1


def test_finalising_waits_for_its_own_send_not_the_drafts(clerk, sent, django_capture_on_commit_callbacks):
    """The draft was sent days ago; beat must not take that for the final document's lost message."""
    version = ReportVersionFactory(done=True, sent_at=timezone.now() - timedelta(days=3))
    with django_capture_on_commit_callbacks(execute=True):
        finalising = versions.report_finalise(version=version, by=clerk)
        assert finalising.sent_at is None  # until its own send, after the commit
    assert sent == [(version.pk, "final")]
    assert report_requeue_waiting() == 0
    assert sent == [(version.pk, "final")]


def test_a_final_report_is_not_generated_again(clerk):
    report = CabinetReportFactory()
    report.state = CabinetReport.State.FINAL
    report.save()
    with pytest.raises(ValidationError, match="supersede"):
        versions.report_request_generation(report=report, by=clerk)
    assert not report.versions.exists()


def test_rendering_saves_the_pdf_with_its_checksum_and_size(clerk, media):
    version = ReportVersionFactory(report=CabinetReportFactory(title="Annual <b>evaluation</b>"), number=2)
    rendered = versions.report_render_version(version_id=version.pk)
    assert rendered.status == Status.DONE
    assert rendered.finished_at is not None
    stored = Path(rendered.pdf.path)
    data = stored.read_bytes()
    assert data.startswith(b"%PDF")
    assert rendered.checksum == hashlib.sha256(data).hexdigest()
    assert rendered.size == len(data)
    assert stored.name == "Leicester-City-Council-annual-evaluation-2016-17-v2-DRAFT.pdf"
    assert not rendered.exempt_pdf
    assert files_in(media) == [stored]


def _left_behind(media: Path, name: str, *, hours_ago: float) -> Path:
    """A PDF stored by a worker killed before it could record it."""
    path = media / "reports" / "2026" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"%PDF-1.7 half a report")
    moment = (timezone.now() - timedelta(hours=hours_ago)).timestamp()
    os.utime(path, (moment, moment))
    return path


def test_the_sweep_removes_an_old_pdf_no_version_names_and_keeps_every_other(clerk, media):
    kept = versions.report_render_version(version_id=ReportVersionFactory().pk)
    orphan = _left_behind(media, "annual-evaluation-v1-DRAFT_a1b2c3.pdf", hours_ago=2)
    young = _left_behind(media, "annual-evaluation-v2-DRAFT.pdf", hours_ago=0.5)  # may be rendering now
    in_history = _left_behind(media, "annual-evaluation-v3-DRAFT.pdf", hours_ago=2)
    named_once = ReportVersionFactory(number=3)
    named_once.pdf = f"reports/2026/{in_history.name}"
    named_once.save()
    named_once.pdf = ""  # no longer named by the row, still by its history
    named_once.save()

    assert versions.report_files_sweep() == [f"reports/2026/{orphan.name}"]
    assert sorted(files_in(media)) == sorted([Path(kept.pdf.path), young, in_history])
    assert report_files_sweep() == 0  # the task beat runs: nothing more to remove


def test_the_sweep_without_any_report_folder_removes_nothing(media):
    assert versions.report_files_sweep() == []


def test_a_report_with_exempt_paragraphs_gets_a_separate_exempt_appendix(monkeypatch):
    report = CabinetReportFactory()
    ExemptParagraphFactory(report=report, paragraph_key="finance.budget")
    public_flags = []
    real_html = cabinet.report_html

    def html(report, content, *, draft, public=True):
        public_flags.append(public)
        return real_html(report, content, draft=draft, public=public)

    monkeypatch.setattr(cabinet, "report_html", html)
    version = versions.report_render_version(version_id=ReportVersionFactory(report=report).pk)
    assert version.status == Status.DONE
    assert public_flags == [True, False]
    assert version.exempt_pdf.name.endswith("-EXEMPT-APPENDIX.pdf")
    assert Path(version.exempt_pdf.path).read_bytes().startswith(b"%PDF")


def test_rendering_a_done_version_again_leaves_it_alone(monkeypatch):
    version = ReportVersionFactory(done=True)
    monkeypatch.setattr(cabinet, "render_pdf", lambda html: pytest.fail("rendered twice"))
    again = versions.report_render_version(version_id=version.pk)
    assert again.status == Status.DONE
    assert again.checksum == version.checksum


def test_the_renderer_raising_fails_the_version_with_the_reason_and_no_file(monkeypatch, media):
    def broken(html):
        raise ValueError("The font DejaVu Sans is not installed")

    monkeypatch.setattr(cabinet, "render_pdf", broken)
    version = versions.report_render_version(version_id=ReportVersionFactory().pk)
    assert version.status == Status.FAILED
    assert version.failure_reason == "The PDF could not be made: The font DejaVu Sans is not installed"
    assert not version.pdf
    assert not version.checksum
    assert version.size is None
    assert files_in(media) == []


def test_a_failing_exempt_appendix_leaves_no_public_file_behind(monkeypatch, media):
    report = CabinetReportFactory()
    ExemptParagraphFactory(report=report)
    real = cabinet.render_pdf
    calls = []

    def second_fails(html):
        calls.append(html)
        if len(calls) == 2:
            raise RuntimeError("out of memory")
        return real(html)

    monkeypatch.setattr(cabinet, "render_pdf", second_fails)
    version = versions.report_render_version(version_id=ReportVersionFactory(report=report).pk)
    assert version.status == Status.FAILED
    assert "out of memory" in version.failure_reason
    assert files_in(media) == []


def test_a_database_that_cannot_be_reached_is_raised_for_the_task_to_retry(monkeypatch, media):
    version = ReportVersionFactory()

    def finish(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(versions, "_finish", finish)
    with pytest.raises(OperationalError):
        versions.report_render_version(version_id=version.pk)
    assert files_in(media) == []
    version.refresh_from_db()
    assert version.status == Status.RENDERING  # the retry renders it again


def test_the_task_gives_up_after_its_last_retry_in_plain_words(monkeypatch):
    version = ReportVersionFactory()

    def unreachable(**kwargs):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(versions, "report_render_version", unreachable)
    render_report_version.push_request(retries=render_report_version.max_retries)
    try:
        with pytest.raises(OperationalError):
            render_report_version.run(version.pk)
    finally:
        render_report_version.pop_request()
    version.refresh_from_db()
    assert version.status == Status.FAILED
    assert "database could not be reached" in version.failure_reason


def test_a_time_limit_reads_as_plain_words():
    class SoftTimeLimitExceeded(Exception):
        pass

    assert "took longer than the time allowed" in versions.failure_reason(SoftTimeLimitExceeded())


def test_finalising_locks_the_report(clerk):
    version = ReportVersionFactory(done=True)
    finalised = versions.report_finalise(version=version, by=clerk)
    assert finalised.finalised_by == clerk
    assert finalised.is_current_final
    version.report.refresh_from_db()
    assert version.report.state == CabinetReport.State.FINAL
    assert versions.version_file_name(finalised).endswith(f"-v{finalised.number}.pdf")


@pytest.mark.parametrize("status", [Status.QUEUED, Status.RENDERING, Status.WAITING])
def test_only_a_done_version_is_finalised(clerk, status):
    version = ReportVersionFactory(status=status)
    with pytest.raises(ValidationError, match="Only a version whose PDF is done"):
        versions.report_finalise(version=version, by=clerk)


def test_a_failed_version_is_not_finalised(clerk):
    version = ReportVersionFactory(status=Status.FAILED, failure_reason="The PDF could not be made: x")
    with pytest.raises(ValidationError, match="failed"):
        versions.report_finalise(version=version, by=clerk)
    version.report.refresh_from_db()
    assert version.report.state == CabinetReport.State.DRAFT


def test_a_final_report_is_not_finalised_twice(clerk):
    first = ReportVersionFactory(done=True)
    other = ReportVersionFactory(done=True, report=first.report)
    versions.report_finalise(version=first, by=clerk)
    with pytest.raises(ValidationError, match="already final"):
        versions.report_finalise(version=other, by=clerk)


def test_superseding_starts_a_new_version_and_keeps_the_final_file(
    clerk, sent, django_capture_on_commit_callbacks
):
    final = versions.report_finalise(version=ReportVersionFactory(done=True), by=clerk)
    final = versions.report_render_final(version_id=final.pk)
    path = Path(final.pdf.path)
    before = path.read_bytes()
    with django_capture_on_commit_callbacks(execute=True):
        new = versions.report_supersede(report=final.report, by=clerk, reason="The gifts register was wrong")
    final.refresh_from_db()
    assert final.superseded_by == new
    assert final.supersede_reason == "The gifts register was wrong"
    assert final.is_finalised
    assert not final.is_current_final
    assert new.number == final.number + 1
    assert sent == [new.pk]
    final.report.refresh_from_db()
    assert final.report.state == CabinetReport.State.DRAFT
    assert path.read_bytes() == before
    assert Path(final.final_pdf.path).exists()


def test_superseding_needs_a_reason_and_a_final_report(clerk):
    final = versions.report_finalise(version=ReportVersionFactory(done=True), by=clerk)
    with pytest.raises(ValidationError, match="Enter why"):
        versions.report_supersede(report=final.report, by=clerk, reason="  ")
    with pytest.raises(ValidationError, match="Only a final report"):
        versions.report_supersede(report=CabinetReportFactory(), by=clerk, reason="Because")


def test_the_admin_never_deletes_a_finalised_version(clerk, administrator):
    final = versions.report_finalise(version=ReportVersionFactory(done=True), by=clerk)
    request = RequestFactory().get("/")
    request.user = administrator
    admin = ReportVersionAdmin(ReportVersion, AdminSite())
    assert not admin.has_delete_permission(request, final)
    assert not admin.has_change_permission(request, final)


def test_file_names_say_what_the_report_is():
    version = ReportVersionFactory(number=3, report=CabinetReportFactory(council="Derby City Council"))
    assert versions.version_file_name(version) == "Derby-City-Council-annual-evaluation-2016-17-v3-DRAFT.pdf"
    assert versions.version_file_name(version, exempt=True).endswith("-v3-DRAFT-EXEMPT-APPENDIX.pdf")


def test_when_a_year_closes_its_draft_annual_evaluation_is_prepared_and_the_clerks_told(
    clerk, officer, mailoutbox
):
    from datetime import date

    from reporting.services.reports import report_prepare_annual_evaluation
    from reporting.tasks import report_prepare_annual_evaluation as task

    clerk.email = "clerk@example.gov.uk"
    clerk.save()
    officer.email = "officer@example.gov.uk"
    officer.save()
    report = report_prepare_annual_evaluation(today=date(2017, 4, 1))
    assert report.kind == CabinetReport.Kind.ANNUAL
    assert report.financial_year == 2016
    assert report.state == CabinetReport.State.DRAFT
    assert [mail.to for mail in mailoutbox] == [["clerk@example.gov.uk"]]
    assert "2016/17" in mailoutbox[0].subject
    assert f"/reporting/reports/{report.pk}/" in mailoutbox[0].body
    assert mailoutbox[0].alternatives  # the HTML part
    assert report_prepare_annual_evaluation(today=date(2017, 4, 1)) is None  # once a year
    # Beat's task: the year that closed before today.
    assert CabinetReport.objects.get(pk=task.run()).kind == CabinetReport.Kind.ANNUAL
