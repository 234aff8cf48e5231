"""Archived records leave the officers' lists, pickers and totals, stay readable, and stay read-only."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from intlinks import services as shell
from intlinks.tests.queries import assert_fixed_queries, queries_for
from partnerships import selectors, services
from partnerships.forms.gifts import GiftForm
from partnerships.forms.links import PartnershipForm
from partnerships.models import Activity, Cost, Gift
from partnerships.tests.factories import (
    ActivityFactory,
    ConductPolicyFactory,
    CostFactory,
    ExternalFundingFactory,
    GiftFactory,
    OrganisationFactory,
    PartnershipFactory,
    PlaceFactory,
    budget_line_for,
)
from strategy.spending import spending_by_line

pytestmark = pytest.mark.django_db


def archive(record, by, reason="Recorded by mistake"):
    return shell.record_archive(record=record, by=by, reason=reason)


def named(factory, field, **extra):
    """A kept and a gone record, told apart on a page by "Kept" and "Gone" in `field`."""
    return lambda: tuple(factory(**{field: f"{word} {field}"}, **extra) for word in ("Kept", "Gone"))


@pytest.mark.parametrize(
    ("url", "make_pair"),
    [
        ("/partnerships/", named(PartnershipFactory, "place__name")),
        ("/partnerships/export.csv", named(PartnershipFactory, "place__name")),
        ("/partnerships/activities/", named(ActivityFactory, "title")),
        ("/partnerships/activities/export.csv", named(ActivityFactory, "title")),
        ("/partnerships/activities/gifts/", named(GiftFactory, "description")),
        ("/partnerships/activities/gifts/export.csv", named(GiftFactory, "description")),
        ("/partnerships/activities/funding/", named(ExternalFundingFactory, "programme")),
        ("/partnerships/places/", named(PlaceFactory, "name")),
        ("/partnerships/organisations/", named(OrganisationFactory, "name")),
    ],
    ids=[
        "links",
        "links-csv",
        "activities",
        "activities-csv",
        "gifts",
        "gifts-csv",
        "funding",
        "places",
        "orgs",
    ],
)
def test_hides_archived_records_from_the_officers_lists(officer_client, officer, url, make_pair):
    _, gone = make_pair()
    archive(gone, officer)

    page = officer_client.get(url).getvalue().decode("utf-8-sig")  # a page, or a streamed CSV

    assert "Kept" in page
    assert "Gone" not in page


def test_the_lists_make_the_same_number_of_queries_with_archived_records(officer_client, officer):
    PartnershipFactory()
    few = queries_for(officer_client, "/partnerships/")
    for _ in range(5):
        archive(PartnershipFactory(), officer)
        PartnershipFactory()
    many = queries_for(officer_client, "/partnerships/")

    assert_fixed_queries(few, many, at_most=10)


def test_an_archived_cost_does_not_count_in_spend_the_activity_total_or_leverage(officer):
    activity = ActivityFactory()
    kept = CostFactory(activity=activity, amount=Decimal("100.00"))
    mistaken = CostFactory(activity=activity, amount=Decimal("900.00"))
    line = budget_line_for(2026)

    archive(mistaken, officer, reason="Entered twice")

    assert spending_by_line(budget_lines=[line])[line.pk].spent == kept.amount_gbp
    assert selectors.activity_detail(activity.pk).total_gbp == Decimal("100.00")
    assert [year.council for year in selectors.leverage_by_year()] == [Decimal("100.00")]
    assert [cost.pk for cost in selectors.activity_detail(activity.pk).costs.all()] == [kept.pk]


def test_an_archived_breach_no_longer_needs_attention_or_blocks_completion(officer):
    ConductPolicyFactory()
    activity = ActivityFactory()
    cost = CostFactory(
        activity=activity, category=Cost.Category.SUBSISTENCE, amount=Decimal("300.00"), meals=1
    )
    services.cost_save(cost=cost, by=officer)
    assert Cost.objects.unresolved().count() == 1

    archive(cost, officer, reason="Not a real cost: typed in the wrong activity")

    assert Cost.objects.unresolved().count() == 0
    assert selectors.needs_attention().costs == []
    assert Activity.objects.get(pk=activity.pk).can_mark_complete


def test_an_archived_gift_does_not_count_toward_its_sources_total(officer):
    kept = GiftFactory(direction=Gift.Direction.RECEIVED, counterparty="Mayor of Krefeld")
    mistaken = GiftFactory(direction=Gift.Direction.RECEIVED, counterparty="Mayor of Krefeld")

    archive(mistaken, officer)

    assert [gift.source_total for gift in selectors.gift_register()] == [kept.value]


def test_pickers_offer_current_records_and_keep_the_one_already_chosen(officer):
    archived_place = PlaceFactory(name="Goneville")
    archive(archived_place, officer)
    activity = ActivityFactory()
    gift = GiftFactory(partnership=activity.partnership, activity=activity)

    assert archived_place not in PartnershipForm().fields["place"].queryset
    # The gift's activity is archived later: the gift's edit form still offers (and keeps) it.
    archive(activity, officer)
    assert activity in GiftForm(instance=gift).fields["activity"].queryset
    assert activity not in GiftForm().fields["activity"].queryset


def test_an_archived_records_page_still_opens_saying_who_archived_it_when_and_why(officer_client, officer):
    link = PartnershipFactory()
    archive(link, officer, reason="Duplicate of the Krefeld charter")

    page = officer_client.get(f"/partnerships/{link.pk}/").content.decode()

    assert "Archived on" in page
    assert "Duplicate of the Krefeld charter" in page
    assert officer.get_full_name() in page


def test_refuses_to_change_an_archived_record_until_it_is_restored(officer, administrator):
    place = PlaceFactory(notes="Before")
    archive(place, administrator)
    place.notes = "After"

    with pytest.raises(ValidationError, match="must restore it"):
        services.place_save(place=place)

    shell.record_restore(record=place, by=administrator)
    place.refresh_from_db()
    place.notes = "After"
    services.place_save(place=place)
    assert place.notes == "After"


def test_refuses_an_edit_of_an_archived_link_on_its_page_with_a_message(officer_client, officer):
    link = PartnershipFactory(summary="Before")
    archive(link, officer)

    response = officer_client.post(
        f"/partnerships/{link.pk}/edit/", {"place": link.place_id, "kind": link.kind, "summary": "After"}
    )

    assert "must restore it before it can be changed" in response.content.decode()
    link.refresh_from_db()
    assert link.summary == "Before"


def test_refuses_to_archive_a_link_with_current_activities_gifts_or_funding(officer):
    activity = ActivityFactory()
    link = activity.partnership
    GiftFactory(partnership=link)

    with pytest.raises(ValidationError, match="1 current activity; 1 current gift or hospitality"):
        archive(link, officer)


def test_refuses_to_archive_a_place_with_a_current_link(officer):
    link = PartnershipFactory()

    with pytest.raises(ValidationError, match="1 current link"):
        archive(link.place, officer)


def test_refuses_to_archive_without_a_reason_twice_or_to_restore_a_current_record(officer):
    place = PlaceFactory()

    with pytest.raises(ValidationError, match="Enter why"):
        archive(place, officer, reason="   ")
    archive(place, officer)
    with pytest.raises(ValidationError, match="already archived"):
        archive(place, officer)
    shell.record_restore(record=place, by=officer)
    with pytest.raises(ValidationError, match="is not archived"):
        shell.record_restore(record=place, by=officer)


def test_an_archived_activity_no_longer_keeps_its_link_from_drifting(officer):
    link = PartnershipFactory(status="active")
    activity = ActivityFactory(partnership=link, starts_on=date.today(), ends_on=date.today())

    archive(activity, officer)

    assert selectors.partnership_detail(link.pk).last_activity_on is None


def test_refuses_to_log_an_activity_under_an_archived_link(officer_client, officer):
    link = PartnershipFactory()
    archive(link, officer)

    with pytest.raises(ValidationError, match="is archived"):
        services.activity_log(activity=ActivityFactory.build(partnership=link), by=officer)
    assert not Activity.objects.filter(partnership=link).exists()


def test_refuses_to_remove_an_unapproved_breach_from_the_activity_to_get_it_completed(officer):
    ConductPolicyFactory()
    activity = ActivityFactory()
    meal = CostFactory(
        activity=activity, category=Cost.Category.SUBSISTENCE, amount=Decimal("300.00"), meals=1
    )
    services.cost_save(cost=meal, by=officer)

    with pytest.raises(ValidationError, match="breaks the conduct rules and is not approved"):
        services.activity_log(activity=activity, removed_costs=[meal], by=officer)

    meal.refresh_from_db()
    assert not meal.is_archived
    assert not Activity.objects.get(pk=activity.pk).can_mark_complete


def test_refuses_to_restore_a_cost_while_its_activity_is_archived(administrator):
    cost = CostFactory()
    archive(cost, administrator)
    archive(cost.activity, administrator)

    with pytest.raises(ValidationError, match="first"):
        shell.record_restore(record=Cost.objects.get(pk=cost.pk), by=administrator)


def test_refuses_to_archive_a_budget_with_current_costs_charged_to_its_lines(administrator):
    cost = CostFactory()
    budget = cost.budget_line.budget

    with pytest.raises(ValidationError, match="1 current cost"):
        archive(budget, administrator)
    archive(cost, administrator)
    archive(budget, administrator)


def test_the_activity_form_offers_objectives_of_current_strategies_and_keeps_those_chosen(administrator):
    from partnerships.forms.activities import ActivityForm
    from strategy.tests.factories import ObjectiveFactory

    kept, gone = ObjectiveFactory(), ObjectiveFactory()
    activity = ActivityFactory()
    activity.objectives.add(gone)
    archive(gone.strategy, administrator)

    assert list(ActivityForm().fields["objectives"].queryset) == [kept]
    assert set(ActivityForm(instance=activity).fields["objectives"].queryset) == {kept, gone}
