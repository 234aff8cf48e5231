"""Risk assessment and insurance before any party travels (LGIB: "insurance cover for travelling ...
for all categories of personnel"), with the youth safeguarding checks on top."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from partnerships import services
from partnerships.models import Activity, Evidence
from partnerships.tests.factories import ActivityFactory
from partnerships.tests.pages import form_data

pytestmark = pytest.mark.django_db

RISK_AND_INSURANCE = "a risk assessment uploaded as evidence; insurance confirmed"


def risk_assessment(activity: Activity) -> None:
    Evidence.objects.create(
        activity=activity, kind="risk_assessment", title="Risk", file=ContentFile(b"%PDF-1.4\n", name="r.pdf")
    )


@pytest.mark.parametrize("kind", Activity.TRAVELLING_KINDS)
def test_every_party_that_travels_needs_a_risk_assessment_and_insurance(kind):
    activity = ActivityFactory(kind=kind, young_people=0)

    missing = activity.readiness_missing()

    assert missing[:2] == ["a risk assessment uploaded as evidence", "insurance confirmed"]


def test_an_outgoing_visit_of_adults_is_refused_ready_until_both_are_in_place():
    activity = ActivityFactory(kind=Activity.Kind.OUTGOING_VISIT, councillors=2)
    with pytest.raises(ValidationError, match=f"until it has {RISK_AND_INSURANCE}"):
        services.activity_mark_ready(activity=activity)

    activity.insurance_confirmed = True
    activity.save()
    with pytest.raises(ValidationError, match=r"until it has a risk assessment uploaded as evidence'\]$"):
        services.activity_mark_ready(activity=activity)

    risk_assessment(activity)
    assert services.activity_mark_ready(activity=activity).state == Activity.State.READY


def test_an_outgoing_visit_is_complete_only_once_ready_to_travel():
    activity = ActivityFactory(kind=Activity.Kind.OUTGOING_VISIT, insurance_confirmed=True)
    risk_assessment(activity)

    with pytest.raises(ValidationError, match="An activity that travels must be ready to travel"):
        services.activity_mark_complete(activity=activity)

    services.activity_mark_ready(activity=activity)
    assert services.activity_mark_complete(activity=activity).state == Activity.State.COMPLETE


def test_a_youth_exchange_needs_the_youth_checks_on_top_of_risk_and_insurance():
    activity = ActivityFactory(kind=Activity.Kind.YOUTH_EXCHANGE, young_people=10, insurance_confirmed=True)
    risk_assessment(activity)

    assert activity.readiness_missing() == [
        "parental consent for every young participant (0 of 10 received)",
        "the code of behaviour agreed",
        "named coordinators with contact details",
    ]


def test_a_delegation_hosted_here_without_young_people_has_no_gate():
    activity = ActivityFactory(kind=Activity.Kind.INCOMING_DELEGATION)

    assert (activity.has_travel_gate, activity.readiness_missing()) == (False, [])
    assert services.activity_mark_complete(activity=activity).state == Activity.State.COMPLETE


def test_a_ready_visit_whose_insurance_is_withdrawn_goes_back_to_planned(officer_client):
    activity = ActivityFactory(kind=Activity.Kind.OUTGOING_VISIT, insurance_confirmed=True)
    risk_assessment(activity)
    services.activity_mark_ready(activity=activity)
    url = f"/partnerships/activities/{activity.pk}/safeguarding/"
    data = form_data(officer_client.get(url))
    data.pop("insurance_confirmed")

    response = officer_client.post(url, data, follow=True)

    activity.refresh_from_db()
    assert activity.state == Activity.State.PLANNED
    assert "the checklist before travel now lacks insurance confirmed" in response.content.decode()


def test_the_checklist_of_adults_offers_insurance_without_the_youth_checks(officer_client):
    activity = ActivityFactory(kind=Activity.Kind.TRADE_MISSION)

    page = officer_client.get(activity.get_absolute_url()).content.decode()
    form = officer_client.get(f"/partnerships/activities/{activity.pk}/safeguarding/").context["form"]

    assert "Checklist before travel" in page
    assert "Insurance confirmed" in page
    assert "insurance_confirmed" in form.fields
    assert "parental_consents" not in form.fields
