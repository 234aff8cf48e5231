"""The Cabinet report's preview is the PDF's own HTML, stylesheet inline: the Content-Security-Policy
lets that stylesheet through by its hash and still no other inline style (issue 15)."""

import re

import pytest

from intlinks.content_security import sha256_base64
from intlinks.tests.test_security_headers import directives
from reporting.tests.factories import CabinetReportFactory

pytestmark = pytest.mark.django_db


def test_the_preview_lets_through_its_own_stylesheet_by_hash_and_no_other_inline_style(client, clerk):
    report = CabinetReportFactory()
    client.force_login(clerk)

    response = client.get(f"/reporting/reports/{report.pk}/preview/")
    css = re.search(r"<style>(.*?)</style>", response.content.decode(), re.DOTALL).group(1)
    policy = directives(response)

    # The directives come in no fixed order: compare each by name.
    assert policy["style-src"] == ["'self'", f"'sha256-{sha256_base64(css)}'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_other_pages_keep_a_style_policy_of_the_service_alone(client, clerk):
    client.force_login(clerk)

    assert directives(client.get("/reporting/reports/"))["style-src"] == ["'self'"]
