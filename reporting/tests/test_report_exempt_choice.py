"""Marking a paragraph exempt (Schedule 12A): the clerk chooses it by its number and heading from the
report's body ("4.2 Finance: …"), never by typing its key; a key the report does not hold is refused."""

import pytest
from django.urls import reverse

from reporting import cabinet
from reporting.models import ExemptParagraph
from reporting.selectors.reports import exempt_paragraph_choices
from reporting.tests.factories import CabinetReportFactory, ExemptParagraphFactory
from reporting.tests.test_report_pages import edit_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk_client(client, clerk):
    client.force_login(clerk)
    return client


def test_the_choices_are_the_bodys_paragraphs_with_their_numbers_and_sections():
    report = CabinetReportFactory()
    content = cabinet.report_content(report)
    choices = dict(exempt_paragraph_choices(report))
    assert list(choices) == [paragraph.key for paragraph in content.paragraphs()]
    section = content.sections[0]
    first = section.paragraphs[0]
    assert choices[first.key].startswith(f"{first.number} {section.title}: ")


def test_a_marked_key_the_body_no_longer_holds_stays_choosable_to_be_removed():
    report = CabinetReportFactory()
    choices = dict(exempt_paragraph_choices(report, kept={"partnerships.999"}))
    assert choices["partnerships.999"] == "partnerships.999 (no longer in the report)"


def test_the_edit_page_offers_the_paragraphs_and_saves_the_chosen_one(clerk_client):
    report = CabinetReportFactory()
    key, label = exempt_paragraph_choices(report)[-1]
    url = reverse("reporting:report_edit", args=[report.pk])
    page = clerk_client.get(url)
    html = page.content.decode()
    assert f'<option value="{key}">' in html
    assert label.split(":")[0] in html
    data = edit_data(page, **{"exempt-0-paragraph_key": key, "exempt-0-category": "3"})
    data["exempt-0-reason"] = "Commercial terms of a contract under negotiation"
    response = clerk_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    assert report.exempt_paragraphs.get().paragraph_key == key


@pytest.mark.parametrize("typed", ["finance.made-up", "<script>alert(1)</script>", "x" * 101])
def test_a_key_the_report_does_not_hold_is_refused(clerk_client, typed):
    report = CabinetReportFactory()
    url = reverse("reporting:report_edit", args=[report.pk])
    data = edit_data(clerk_client.get(url), **{"exempt-0-paragraph_key": typed, "exempt-0-category": "3"})
    data["exempt-0-reason"] = "Because"
    response = clerk_client.post(url, data)
    assert response.status_code == 200
    assert "Choose a paragraph of this report" in response.content.decode()
    assert not ExemptParagraph.objects.exists()


def test_an_existing_mark_is_shown_chosen(clerk_client):
    report = CabinetReportFactory()
    key = exempt_paragraph_choices(report)[0][0]
    ExemptParagraphFactory(report=report, paragraph_key=key)
    html = clerk_client.get(reverse("reporting:report_edit", args=[report.pk])).content.decode()
    assert f'<option value="{key}" selected>' in html
