"""Finding 4 of issue 9: two people edit the same record; the second save must not silently win."""

import re
from decimal import Decimal

import pytest

from intlinks.tests.posting import page_data
from partnerships.models import Cost, Place
from partnerships.tests.factories import (
    ActivityFactory,
    AppraisalFactory,
    CostFactory,
    PartnershipFactory,
    PlaceFactory,
)
from strategy.tests.factories import ObjectiveFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_officers(client, officer, colleague):
    """The officer's own browser and the colleague's."""
    from django.test import Client

    client.force_login(officer)
    other = Client()
    other.force_login(colleague)
    return client, other


def test_refuses_a_stale_edit_of_a_place_and_shows_the_colleagues_change(two_officers):
    mine, theirs = two_officers
    place = PlaceFactory(name="Krefeld", notes="Twinned since 1962.")
    url = f"/partnerships/places/{place.pk}/edit/"
    my_page = mine.get(url)
    their_page = theirs.get(url)
    theirs.post(url, page_data(their_page, notes="Twinned since 1962. Mayor visits in May."))

    response = mine.post(url, page_data(my_page, notes="Twinned since 1962; schools exchange."))

    place.refresh_from_db()
    assert place.notes == "Twinned since 1962. Mayor visits in May."  # theirs kept, mine not saved
    assert response.status_code == 200
    page = response.content.decode()
    assert "<title>Error:" in page
    assert "Someone else saved this after you opened it" in page
    assert "Colleague saved this" in page
    table = response.context["stale_edit"].changes
    assert [(c.label, c.theirs, c.yours) for c in table] == [
        ("Notes", "Twinned since 1962. Mayor visits in May.", "Twinned since 1962; schools exchange.")
    ]
    assert response.context["form"]["notes"].value() == "Twinned since 1962; schools exchange."  # kept


def test_saving_again_after_a_refusal_reapplies_the_persons_change(two_officers):
    mine, theirs = two_officers
    place = PlaceFactory(notes="Twinned since 1962.")
    url = f"/partnerships/places/{place.pk}/edit/"
    my_page = mine.get(url)
    theirs.post(url, page_data(theirs.get(url), notes="Theirs"))
    refused = mine.post(url, page_data(my_page, notes="Mine"))

    response = mine.post(url, page_data(refused))

    assert response.status_code == 302
    place.refresh_from_db()
    assert place.notes == "Mine"
    assert Place.history.filter(id=place.pk).count() == 3  # created, theirs, mine: nothing lost silently


def test_a_save_with_nobody_in_between_is_not_refused(officer_client):
    place = PlaceFactory(notes="Old")
    url = f"/partnerships/places/{place.pk}/edit/"

    response = officer_client.post(url, page_data(officer_client.get(url), notes="New"))

    assert response.status_code == 302
    place.refresh_from_db()
    assert place.notes == "New"


def test_refuses_a_forged_version(officer_client):
    place = PlaceFactory(notes="Old")
    url = f"/partnerships/places/{place.pk}/edit/"

    response = officer_client.post(
        url, page_data(officer_client.get(url), notes="New", form_version="forged")
    )

    assert response.status_code == 200
    place.refresh_from_db()
    assert place.notes == "Old"


def test_refuses_a_stale_edit_of_an_activity_whose_cost_a_colleague_changed(two_officers):
    mine, theirs = two_officers
    activity = ActivityFactory(title="Civic visit")
    cost = CostFactory(activity=activity, amount=Decimal("20.00"))
    url = f"/partnerships/activities/{activity.pk}/edit/"
    my_page = mine.get(url)
    theirs.post(url, page_data(theirs.get(url), **{"costs-0-amount": "25.00"}))

    response = mine.post(url, page_data(my_page, title="Civic visit to Krefeld"))

    assert response.status_code == 200, response.context["form"].errors
    activity.refresh_from_db()
    assert activity.title == "Civic visit"
    changes = [(c.label, c.theirs, c.yours) for c in response.context["stale_edit"].changes]
    assert changes == [("Cost 1: Amount in the currency", "25.00", "20.00")]
    assert Cost.objects.get(pk=cost.pk).amount == Decimal("25.00")


def test_refuses_a_status_change_chosen_from_a_status_that_has_since_changed(two_officers):
    mine, theirs = two_officers
    link = PartnershipFactory(status="active")
    url = f"/partnerships/{link.pk}/status/"
    my_page = mine.get(url)
    theirs.post(url, page_data(theirs.get(url), to="dormant", on="2026-06-01", reason="No contact"))

    response = mine.post(url, page_data(my_page, to="ended", on="2026-06-02", reason="Review decided"))

    link.refresh_from_db()
    assert link.status == "dormant"
    changes = [(c.label, c.theirs, c.yours) for c in response.context["stale_edit"].changes]
    assert changes == [("Status", "Dormant", "Formalised/active (when you opened the page)")]


def shown_version(page) -> str:
    return re.search(r'name="form_version" value="([^"]+)"', page.content.decode()).group(1)


def test_refuses_to_approve_a_breach_whose_amount_changed_after_the_page_was_shown(
    client, officer, colleague
):
    cost = CostFactory(
        amount=Decimal("20.00"),
        breach="Over the meal limit",
        justification="Civic dinner",
        justified_by=officer,
        recorded_by=officer,
    )
    client.force_login(colleague)
    version = shown_version(client.get(cost.activity.get_absolute_url()))
    cost.amount = Decimal("300.00")  # the officer raises the amount while the colleague reads
    cost.save()

    response = client.post(
        f"/partnerships/breaches/cost/{cost.pk}/approve/", {"form_version": version}, follow=True
    )

    cost.refresh_from_db()
    assert cost.approved_by is None
    assert "changed this after you opened the page, so nothing was done" in response.content.decode()
    client.post(f"/partnerships/breaches/cost/{cost.pk}/approve/", {"form_version": shown_version(response)})
    cost.refresh_from_db()
    assert cost.approved_by == colleague  # seen as it is now, it may be approved


def test_refuses_to_accept_an_appraisal_changed_after_the_page_was_shown(officer_client):
    appraisal = AppraisalFactory()
    version = shown_version(officer_client.get(appraisal.partnership.get_absolute_url()))
    appraisal.recommendation_reason = "Changed after it was read."
    appraisal.save()

    officer_client.post(f"/partnerships/appraisals/{appraisal.pk}/accept/", {"form_version": version})

    appraisal.partnership.refresh_from_db()
    assert appraisal.partnership.status == "exploring"
    fresh = shown_version(officer_client.get(appraisal.partnership.get_absolute_url()))
    officer_client.post(f"/partnerships/appraisals/{appraisal.pk}/accept/", {"form_version": fresh})
    appraisal.partnership.refresh_from_db()
    assert appraisal.partnership.status == "active"  # read as it is now, it may be accepted


def test_refuses_an_edit_after_a_change_the_history_does_not_record(officer_client):
    # Many-to-many choices leave no history row: the version compares values, so it still sees them.
    activity = ActivityFactory(title="Civic visit")
    url = f"/partnerships/activities/{activity.pk}/edit/"
    my_page = officer_client.get(url)
    activity.objectives.add(ObjectiveFactory(title="Economic links"))

    response = officer_client.post(url, page_data(my_page, title="Civic visit to Krefeld"))

    activity.refresh_from_db()
    assert activity.title == "Civic visit"
    stale = response.context["stale_edit"]
    assert stale.who is None
    assert "Someone else saved this" in response.content.decode()
    assert [change.label for change in stale.changes] == ["Objectives"]
