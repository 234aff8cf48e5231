"""The admin shows versions and never deletes a finalised one; a final report is read-only there."""

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory
from django.utils import timezone

from reporting.models import CabinetReport, ReportVersion
from reporting.tests.factories import CabinetReportFactory, ReportVersionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def request_by(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_versions_are_read_only_and_a_finalised_one_is_never_deleted(administrator, clerk):
    version_admin = site._registry[ReportVersion]
    draft = ReportVersionFactory()
    final = ReportVersionFactory(done=True, finalised_at=timezone.now(), finalised_by=clerk)
    request = request_by(administrator)
    assert not version_admin.has_add_permission(request)
    assert not version_admin.has_change_permission(request, draft)
    assert version_admin.has_delete_permission(request, draft)
    assert not version_admin.has_delete_permission(request, final)


def test_a_final_report_is_read_only_in_the_admin(administrator):
    report_admin = site._registry[CabinetReport]
    report = CabinetReportFactory()
    request = request_by(administrator)
    assert report_admin.has_change_permission(request, report)
    report.state = CabinetReport.State.FINAL
    assert not report_admin.has_change_permission(request, report)
    assert not report_admin.has_delete_permission(request, report)


def test_the_admin_pages_open(client, administrator):
    client.force_login(administrator)
    version = ReportVersionFactory(done=True)
    assert client.get("/admin/reporting/cabinetreport/").status_code == 200
    assert client.get(f"/admin/reporting/cabinetreport/{version.report.pk}/change/").status_code == 200
    assert client.get(f"/admin/reporting/reportversion/{version.pk}/change/").status_code == 200
