"""The report page's versions: Generate PDF (once per click, never a 500 with the broker down), the
table that polls itself, downloads through a role check, finalising, superseding and the preview."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from kombu.exceptions import OperationalError as BrokerOperationalError

from intlinks.tests.queries import assert_fixed_queries, queries_for
from reporting.models import CabinetReport, ReportVersion
from reporting.services import versions
from reporting.tasks import render_report_version
from reporting.tests.factories import (
    PDF_BYTES,
    CabinetReportFactory,
    ExemptParagraphFactory,
    ReportVersionFactory,
)

pytestmark = pytest.mark.django_db

Status = ReportVersion.Status


@pytest.fixture(autouse=True)
def media(media):
    """Every test here writes its files to its own folder (reporting/tests/conftest.py)."""
    return media


@pytest.fixture
def sent(monkeypatch):
    ids = []

    class Result:
        id = "task-1"

    monkeypatch.setattr(render_report_version, "delay", lambda version_id: ids.append(version_id) or Result())
    return ids


@pytest.fixture
def clerk_client(client, clerk):
    client.force_login(clerk)
    return client


def report_url(report) -> str:
    return reverse("reporting:report", args=[report.pk])


def generate_url(report) -> str:
    return reverse("reporting:report_generate", args=[report.pk])


def token_on(page) -> str:
    html = page.content.decode()
    marker = 'name="form_token" value="'
    return html.split(marker, 1)[1].split('"', 1)[0]


def test_the_report_page_offers_generate_pdf_to_a_clerk_not_to_a_member(client, clerk, member):
    report = CabinetReportFactory()
    client.force_login(member)
    assert "Generate PDF" not in client.get(report_url(report)).content.decode()
    client.force_login(clerk)
    page = client.get(report_url(report)).content.decode()
    assert "Generate PDF" in page
    assert "No version generated yet" in page


def test_generate_keeps_a_request_and_queues_it(clerk_client, sent, django_capture_on_commit_callbacks):
    report = CabinetReportFactory()
    token = token_on(clerk_client.get(report_url(report)))
    with django_capture_on_commit_callbacks(execute=True):
        response = clerk_client.post(generate_url(report), {"form_token": token})
    assert response.status_code == 302
    assert response.url == report_url(report)
    version = report.versions.get()
    assert version.status == Status.QUEUED
    assert sent == [version.pk]


def test_a_double_click_keeps_one_version(clerk_client, sent, django_capture_on_commit_callbacks):
    report = CabinetReportFactory()
    token = token_on(clerk_client.get(report_url(report)))
    with django_capture_on_commit_callbacks(execute=True):
        first = clerk_client.post(generate_url(report), {"form_token": token})
        second = clerk_client.post(generate_url(report), {"form_token": token})
    assert first.status_code == second.status_code == 302
    assert second.url == first.url
    assert report.versions.count() == 1
    assert len(sent) == 1


@pytest.mark.django_db(transaction=True)
def test_with_the_broker_down_the_request_waits_and_the_page_says_so(client, clerk, monkeypatch):
    def refuse(*args, **kwargs):
        raise BrokerOperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(render_report_version, "delay", refuse)
    monkeypatch.setattr(render_report_version, "apply_async", refuse)
    client.force_login(clerk)
    report = CabinetReportFactory()
    response = client.post(generate_url(report), {"form_token": "one-click"}, follow=True)
    assert response.status_code == 200
    version = report.versions.get()
    assert version.status == Status.WAITING
    said = [str(message) for message in get_messages(response.wsgi_request)] + [response.content.decode()]
    assert any("generation will start by itself when the queue is back" in text for text in said)
    page = client.get(report_url(report)).content.decode()
    assert "Waiting for the queue" in page
    assert "generation will start by itself when the queue is back" in page


def test_a_final_report_refuses_generate_with_a_message_not_an_error(clerk_client):
    report = CabinetReportFactory(state=CabinetReport.State.FINAL)
    response = clerk_client.post(generate_url(report), {"form_token": "x"})
    assert response.status_code == 200
    assert "supersede it" in response.content.decode()
    assert not report.versions.exists()
    assert "Generate PDF" not in clerk_client.get(report_url(report)).content.decode()


def test_a_member_cannot_generate(client, member):
    client.force_login(member)
    report = CabinetReportFactory()
    assert client.post(generate_url(report), {"form_token": "x"}).status_code == 403
    assert not report.versions.exists()


def test_the_table_polls_itself_while_a_version_is_being_made(clerk_client):
    version = ReportVersionFactory(status=Status.RENDERING)
    url = reverse("reporting:report_versions", args=[version.report_id])
    fragment = clerk_client.get(url).content.decode()
    assert 'hx-trigger="every 2s"' in fragment
    assert "Being made" in fragment
    assert "<html" not in fragment
    assert 'hx-trigger="every 2s"' in clerk_client.get(report_url(version.report)).content.decode()
    assert "htmx/htmx.min.js" in clerk_client.get(report_url(version.report)).content.decode()

    version.status, version.pdf, version.checksum, version.size = Status.DONE, "reports/x.pdf", "a" * 64, 10
    version.save()
    done = clerk_client.get(url).content.decode()
    assert "hx-trigger" not in done
    assert "Ready" in done


def test_a_failed_version_shows_its_reason(clerk_client):
    version = ReportVersionFactory(
        status=Status.FAILED, failure_reason="The PDF could not be made: the font is missing"
    )
    page = clerk_client.get(report_url(version.report)).content.decode()
    assert "Failed" in page
    assert "The PDF could not be made: the font is missing" in page


def test_download_is_an_attachment_named_for_the_report(client, member):
    version = ReportVersionFactory(done=True, number=2)
    url = reverse("reporting:version_download", args=[version.report_id, 2])
    assert client.get(url).status_code == 302  # signed out: to the sign-in page
    client.force_login(member)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="Leicester-City-Council-annual-evaluation-2016-17-v2-DRAFT.pdf"'
    )
    assert b"".join(response.streaming_content) == PDF_BYTES


def test_a_version_not_done_has_nothing_to_download(clerk_client):
    version = ReportVersionFactory(status=Status.QUEUED)
    url = reverse("reporting:version_download", args=[version.report_id, version.number])
    assert clerk_client.get(url).status_code == 404
    other = CabinetReportFactory()
    done = ReportVersionFactory(done=True)
    assert (
        clerk_client.get(reverse("reporting:version_download", args=[other.pk, done.number])).status_code
        == 404
    )


def test_the_exempt_appendix_goes_only_to_those_who_prepare_the_report(client, member, clerk):
    report = CabinetReportFactory()
    ExemptParagraphFactory(report=report)
    version = versions.report_render_version(version_id=ReportVersionFactory(report=report).pk)
    url = reverse("reporting:version_download_exempt", args=[report.pk, version.number])
    client.force_login(member)
    assert client.get(url).status_code == 403
    assert "Exempt appendix" not in client.get(report_url(report)).content.decode()
    client.force_login(clerk)
    response = client.get(url)
    assert response.status_code == 200
    assert "EXEMPT-APPENDIX.pdf" in response["Content-Disposition"]


def test_a_clerk_finalises_after_confirming_and_the_officer_may_not(client, clerk, officer):
    version = ReportVersionFactory(done=True)
    url = reverse("reporting:version_finalise", args=[version.report_id, version.number])
    client.force_login(officer)
    assert client.post(url, {"form_token": "a"}).status_code == 403
    client.force_login(clerk)
    assert "can no longer be changed or deleted" in client.get(url).content.decode()
    response = client.post(url, {"form_token": "b"})
    assert response.status_code == 302
    version.refresh_from_db()
    assert version.is_current_final
    page = client.get(report_url(version.report)).content.decode()
    assert "Supersede the final version" in page
    assert "Generate PDF" not in page
    # While its final PDF is being made, the download is the draft; then the final, named without DRAFT.
    download_url = reverse("reporting:version_download", args=[version.report_id, version.number])
    assert "-DRAFT.pdf" in client.get(download_url)["Content-Disposition"]
    versions.report_render_final(version_id=version.pk)
    assert "DRAFT" not in client.get(download_url)["Content-Disposition"]


def test_finalising_a_failed_version_is_refused_on_the_page(clerk_client):
    version = ReportVersionFactory(status=Status.FAILED, failure_reason="The PDF could not be made: x")
    url = reverse("reporting:version_finalise", args=[version.report_id, version.number])
    response = clerk_client.post(url, {"form_token": "a"})
    assert response.status_code == 200
    assert "Only a version whose PDF is done can be finalised" in response.content.decode()


def test_superseding_reopens_the_report_with_a_reason(
    clerk_client, clerk, sent, django_capture_on_commit_callbacks
):
    final = versions.report_finalise(version=ReportVersionFactory(done=True), by=clerk)
    final = versions.report_render_final(version_id=final.pk)
    url = reverse("reporting:report_supersede", args=[final.report_id])
    assert clerk_client.post(url, {"form_token": "a", "reason": ""}).status_code == 200  # a reason is needed
    with django_capture_on_commit_callbacks(execute=True):
        response = clerk_client.post(url, {"form_token": "b", "reason": "The grants table was wrong"})
    assert response.status_code == 302
    final.refresh_from_db()
    assert final.supersede_reason == "The grants table was wrong"
    assert final.superseded_by.status == Status.QUEUED


@pytest.mark.parametrize("reason", ["a" * 10_001, "nul\x00byte", "   "])
def test_superseding_refuses_hostile_reasons_without_an_error_or_a_save(clerk_client, clerk, reason):
    final = versions.report_finalise(version=ReportVersionFactory(done=True), by=clerk)
    url = reverse("reporting:report_supersede", args=[final.report_id])
    response = clerk_client.post(url, {"form_token": "a", "reason": reason})
    assert response.status_code == 200
    final.refresh_from_db()
    assert final.is_current_final
    assert final.report.versions.count() == 1


def test_superseding_a_draft_goes_back_to_the_report(clerk_client):
    report = CabinetReportFactory()
    response = clerk_client.get(reverse("reporting:report_supersede", args=[report.pk]))
    assert response.status_code == 302
    assert response.url == report_url(report)


def test_the_preview_is_the_document_with_front_matter_escaped(clerk_client):
    report = CabinetReportFactory(title="International <script>alert(1)</script> activity")
    response = clerk_client.get(reverse("reporting:report_preview", args=[report.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def _versions(report, count, users):
    for number in range(1, count + 1):
        ReportVersionFactory(report=report, number=number, done=True, requested_by=users[number % len(users)])


def test_the_report_page_and_its_table_run_a_fixed_number_of_queries(clerk_client, django_user_model):
    users = [django_user_model.objects.create_user(username=f"person{n}") for n in range(5)]
    small, large = CabinetReportFactory(), CabinetReportFactory()
    _versions(small, 1, users)
    _versions(large, 12, users)
    ReportVersion.objects.filter(report=large, number=3).update(
        finalised_by=users[1], finalised_at=ReportVersion.objects.get(report=large, number=3).requested_at
    )
    assert_fixed_queries(
        queries_for(clerk_client, report_url(small)), queries_for(clerk_client, report_url(large)), at_most=30
    )
    table = "reporting:report_versions"
    assert_fixed_queries(
        queries_for(clerk_client, reverse(table, args=[small.pk])),
        queries_for(clerk_client, reverse(table, args=[large.pk])),
        at_most=10,
    )
