"""End to end: "Generate PDF" queues the task in Redis, a real Celery worker process takes it, renders
the report and the PDF appears in storage with its checksum."""

import hashlib
import time
from pathlib import Path

import pytest
from django.conf import settings

from reporting.models import ReportVersion
from reporting.services import versions
from reporting.tests.factories import CabinetReportFactory


@pytest.mark.django_db(transaction=True)
def test_a_worker_takes_the_report_from_redis_and_the_pdf_appears(celery_worker_process, clerk, media):
    assert settings.CELERY_BROKER_URL.startswith("redis://"), "make test runs Celery through Redis"
    report = CabinetReportFactory()

    version = versions.report_request_generation(report=report, by=clerk)  # queued once it commits

    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        version.refresh_from_db()
        if version.status in (ReportVersion.Status.DONE, ReportVersion.Status.FAILED):
            break
        assert celery_worker_process.poll() is None, celery_worker_process.stdout.read()
        time.sleep(0.2)
    assert version.status == ReportVersion.Status.DONE, version.failure_reason or version.status
    assert version.task_id
    stored = Path(media) / version.pdf.name
    data = stored.read_bytes()
    assert data.startswith(b"%PDF")
    assert version.checksum == hashlib.sha256(data).hexdigest()
    assert version.size == len(data)
