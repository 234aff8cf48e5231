"""An empty breach justification is a form error on the kit's page, not a banner on another page."""

import pytest

from partnerships.tests.factories import CostFactory, GiftFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", ["cost", "gift"])
def test_an_empty_justification_shows_the_error_summary_and_the_field_error(officer_client, kind):
    item = (CostFactory if kind == "cost" else GiftFactory)(breach="Business class")

    response = officer_client.post(
        f"/partnerships/breaches/{kind}/{item.pk}/justify/", {"justification": " "}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Justify the breach" in page
    assert page.count('class="govuk-error-summary"') == 1
    assert '<a href="#id_justification">Enter why the breach is necessary</a>' in page
    assert 'class="govuk-error-message"' in page
    assert "govuk-form-group--error" in page
    assert "Business class" in page  # the breach the justification is for
    assert "govuk-notification-banner" not in page
    item.refresh_from_db()
    assert not item.justification


def test_the_justification_page_saves_once_corrected(officer_client):
    cost = CostFactory(breach="Business class")

    response = officer_client.post(
        f"/partnerships/breaches/cost/{cost.pk}/justify/", {"justification": "Medical advice"}
    )

    assert response.status_code == 302
    cost.refresh_from_db()
    assert cost.justification == "Medical advice"


def test_a_member_still_may_not_justify(client, member):
    cost = CostFactory(breach="Business class")
    client.force_login(member)

    response = client.post(f"/partnerships/breaches/cost/{cost.pk}/justify/", {"justification": ""})

    assert response.status_code == 403
