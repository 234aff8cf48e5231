"""A traveller's repayment of a breach's excess: the service's bounds, the settled breach, the page."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from partnerships import services
from partnerships.models import Activity, Cost
from partnerships.tests.factories import ActivityFactory, ConductPolicyFactory, CostFactory
from partnerships.tests.pages import form_data

pytestmark = pytest.mark.django_db


def meals_over_the_cap(officer, **activity) -> Cost:
    """Three meals of £20, £25 and £45: the third is £15 over the £30 cap a meal."""
    ConductPolicyFactory()
    cost = CostFactory.build(
        activity=ActivityFactory(**activity),
        category=Cost.Category.SUBSISTENCE,
        meals=3,
        meal_amounts="20, 25, 45",
        amount=Decimal("90.00"),
    )
    return services.cost_save(cost=cost, by=officer)


def repay(cost, amount, on=None, by=None):
    return services.cost_record_repayment(
        cost=cost, amount=Decimal(amount), repaid_on=on or cost.incurred_on, by=by or cost.recorded_by
    )


def test_a_breach_is_stored_with_its_excess_and_each_meal_flagged(officer):
    cost = meals_over_the_cap(officer)

    assert cost.meal_amounts == "20.00, 25.00, 45.00"
    assert cost.breach == "Meal 3 of 3: £45.00, the cap is £30.00 a meal"
    assert cost.excess_gbp == Decimal("15.00")


@pytest.mark.parametrize(
    ("meal_amounts", "message"),
    [
        ("", "Enter the amount of each of the 3 meals, separated by commas"),
        ("45, 45", "Enter 3 amounts, one for each meal: 2 were entered"),
        ("20, 25, 44", "The meals add up to 89.00 GBP, not the amount of 90.00"),
        ("20, 25, lots", "Meal 3: enter an amount like 25.00"),
        ("20, 25, 45.001", "Meal 3: enter an amount like 25.00"),
    ],
)
def test_refuses_meals_that_do_not_match_the_line_beside_the_field(officer, meal_amounts, message):
    cost = CostFactory.build(
        activity=ActivityFactory(),
        category="subsistence",
        meals=3,
        meal_amounts=meal_amounts,
        amount=Decimal("90"),
    )

    with pytest.raises(ValidationError) as refused:
        services.cost_save(cost=cost, by=officer)

    assert message in refused.value.message_dict["meal_amounts"][0]


@pytest.mark.parametrize(("amount", "settled"), [("14.99", False), ("15.00", True), ("90.00", True)])
def test_a_repayment_of_the_whole_excess_settles_the_breach_without_an_approval(officer, amount, settled):
    cost = meals_over_the_cap(officer)

    cost = repay(cost, amount)

    assert cost.excess_repaid is settled
    assert Cost.objects.unresolved().filter(pk=cost.pk).exists() is not settled
    assert Activity.objects.get(pk=cost.activity_id).can_mark_complete is settled
    assert (cost.repaid_amount, cost.repayment_recorded_by) == (Decimal(amount), officer)


@pytest.mark.parametrize(
    ("amount", "refused"), [("0.00", True), ("0.01", False), ("90.00", False), ("90.01", True)]
)
def test_the_amount_repaid_is_more_than_nothing_and_at_most_the_cost(officer, amount, refused):
    cost = meals_over_the_cap(officer)

    if refused:
        with pytest.raises(ValidationError) as error:
            repay(cost, amount)
        assert "repaid_amount" in error.value.message_dict
    else:
        assert repay(cost, amount).repaid_amount == Decimal(amount)


@pytest.mark.parametrize(("days", "refused"), [(-1, True), (0, False), (1, False)])
def test_the_date_repaid_is_not_before_the_cost(officer, days, refused):
    cost = meals_over_the_cap(officer)
    on = cost.incurred_on + timedelta(days=days)

    if refused:
        with pytest.raises(ValidationError, match="cannot be before the cost's date"):
            repay(cost, "15.00", on)
    else:
        assert repay(cost, "15.00", on).repaid_on == on


@pytest.mark.parametrize(("days", "refused"), [(-1, False), (0, False), (1, True)])
def test_the_date_repaid_is_not_in_the_future(officer, days, refused):
    cost = meals_over_the_cap(officer)
    on = timezone.localdate() + timedelta(days=days)

    if refused:
        with pytest.raises(ValidationError, match="cannot be in the future"):
            repay(cost, "15.00", on)
    else:
        assert repay(cost, "15.00", on).repaid_on == on


def test_refuses_a_repayment_of_a_cost_within_the_rules(officer):
    cost = CostFactory(recorded_by=officer)

    with pytest.raises(ValidationError, match="no excess to repay"):
        repay(cost, "1.00")


def test_refuses_a_repayment_once_the_activity_is_complete(officer):
    cost = meals_over_the_cap(officer)
    Activity.objects.filter(pk=cost.activity_id).update(state=Activity.State.COMPLETE)

    with pytest.raises(ValidationError, match="reopen it"):
        repay(cost, "15.00")


def test_a_class_breach_is_repaid_but_still_needs_an_approval(officer):
    ConductPolicyFactory()
    cost = services.cost_save(
        cost=CostFactory.build(
            activity=ActivityFactory(),
            category="travel",
            travel_class="premium_economy",
            journey_hours=Decimal("3"),
            amount=Decimal("400"),
        ),
        by=officer,
    )

    cost = repay(cost, "100.00")

    assert cost.excess_gbp is None
    assert not cost.excess_repaid
    assert Cost.objects.unresolved().filter(pk=cost.pk).exists()


def test_a_changed_amount_can_reopen_a_settled_breach(officer):
    cost = repay(meals_over_the_cap(officer), "15.00")
    cost.meal_amounts, cost.amount = "20, 25, 55", Decimal("100.00")

    cost = services.cost_save(cost=cost, by=officer)

    assert cost.excess_gbp == Decimal("25.00")
    assert not cost.excess_repaid


# ---- the page ------------------------------------------------------------------------------------


def url(cost) -> str:
    return f"/partnerships/costs/{cost.pk}/repayment/"


def test_records_a_repayment_and_shows_it_beside_the_breach(officer_client, officer):
    cost = meals_over_the_cap(officer)
    page = officer_client.get(cost.activity.get_absolute_url()).content.decode()
    assert "Record a repayment of the excess" in page
    assert "Excess over the rules: £15.00" in page

    response = officer_client.post(url(cost), form_data(officer_client.get(url(cost))), follow=True)

    page = response.content.decode()
    assert "Repayment recorded" in page
    assert "Excess repaid" in page
    assert "Repaid by the traveller: £15.00" in page
    assert "Approve the breach" not in page
    assert Cost.objects.get(pk=cost.pk).repaid_amount == Decimal("15.00")


def test_a_partial_repayment_is_shown_on_needs_attention(officer_client, officer):
    repay(meals_over_the_cap(officer), "5.00", on=timezone.localdate())

    page = officer_client.get("/partnerships/activities/attention/").content.decode()

    assert "£5.00 repaid by the traveller" in page
    assert "of an excess of £15.00" in page


def test_a_member_may_not_record_a_repayment(client, member, officer):
    cost = meals_over_the_cap(officer)
    client.force_login(member)

    assert client.get(url(cost)).status_code == 403
    assert client.post(url(cost), {}).status_code == 403


def test_the_page_of_a_complete_activity_sends_the_person_back_with_the_reason(officer_client, officer):
    cost = meals_over_the_cap(officer)
    data = form_data(officer_client.get(url(cost)))
    Activity.objects.filter(pk=cost.activity_id).update(state=Activity.State.COMPLETE)

    response = officer_client.post(url(cost), data, follow=True)

    assert "reopen it, with a reason" in response.content.decode()
    assert Cost.objects.get(pk=cost.pk).repaid_amount is None


def test_a_double_submission_records_once(officer_client, officer):
    cost = meals_over_the_cap(officer)
    data = form_data(officer_client.get(url(cost)))

    officer_client.post(url(cost), data)
    Cost.objects.filter(pk=cost.pk).update(repaid_amount=Decimal("1.00"))
    again = officer_client.post(url(cost), data, follow=True)

    assert "already saved" in again.content.decode()
    assert Cost.objects.get(pk=cost.pk).repaid_amount == Decimal("1.00")


def test_a_stale_page_is_refused_when_a_colleague_recorded_a_repayment_meanwhile(
    officer_client, officer, colleague
):
    cost = meals_over_the_cap(officer)
    data = form_data(officer_client.get(url(cost)))
    repay(cost, "5.00", by=colleague)

    response = officer_client.post(url(cost), data)

    assert response.status_code == 200
    assert Cost.objects.get(pk=cost.pk).repaid_amount == Decimal("5.00")


def test_the_page_of_a_cost_within_the_rules_is_not_offered(officer_client):
    cost = CostFactory()

    response = officer_client.get(url(cost), follow=True)

    assert "no excess to repay" in response.content.decode()
