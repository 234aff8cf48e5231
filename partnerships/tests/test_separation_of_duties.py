"""Finding 1 of issue 9: the second person who approves a breach is truly a second person."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from conftest import make_user
from intlinks.roles import OFFICER
from intlinks.tests.queries import assert_fixed_queries, queries_for
from partnerships import services
from partnerships.models import Cost
from partnerships.tests.factories import ActivityFactory, ConductPolicyFactory, CostFactory, GiftFactory
from partnerships.tests.pages import form_data


@pytest.fixture
def third_officer(django_user_model):
    return make_user(django_user_model, "third", OFFICER)


def edit_cost_amount(client, activity, amount: str):
    response = client.get(f"/partnerships/activities/{activity.pk}/edit/")
    data = form_data(response)
    data["costs-0-amount"] = amount
    return client.post(f"/partnerships/activities/{activity.pk}/edit/", data)


def test_refuses_the_officer_who_raised_and_justified_a_meal_recorded_by_admin(
    client, administrator, officer
):
    """Finding 1 exactly: admin logs a £20 meal; officer edits it to £300, justifies and tries to approve."""
    ConductPolicyFactory()
    activity = ActivityFactory()
    services.cost_save(
        cost=Cost(
            activity=activity,
            category=Cost.Category.SUBSISTENCE,
            incurred_on=activity.starts_on,
            amount=Decimal("20.00"),
            meals=1,
            budget_line=CostFactory.build().budget_line,
        ),
        by=administrator,
    )
    cost = activity.costs.get()
    assert not cost.breach
    client.force_login(officer)

    assert edit_cost_amount(client, activity, "300.00").status_code == 302
    client.post(f"/partnerships/breaches/cost/{cost.pk}/justify/", {"justification": "Working dinner"})
    page = client.get(activity.get_absolute_url()).content.decode()
    response = client.post(f"/partnerships/breaches/cost/{cost.pk}/approve/", follow=True)

    cost.refresh_from_db()
    assert cost.breach
    assert cost.amount == Decimal("300.00")
    assert (cost.recorded_by, cost.amount_changed_by, cost.justified_by) == (administrator, officer, officer)
    assert cost.approved_by is None
    assert "Approve the breach" not in page
    assert "A second person must approve: you last changed its amount" in response.content.decode()
    assert "Breach approved" not in response.content.decode()
    assert not activity.can_mark_complete


def test_refuses_whoever_last_changed_the_amount_even_if_someone_else_recorded_it(officer, colleague):
    cost = CostFactory(breach="Over the limit", recorded_by=officer, amount_changed_by=colleague)
    services.breach_justify(item=cost, justification="Protocol", by=officer)

    cost.refresh_from_db()
    assert cost.approval_refusal(colleague) == (
        "A second person must approve: you last changed its amount or what it is checked against"
    )
    with pytest.raises(ValidationError, match="you last changed its amount"):
        services.breach_approve(item=cost, by=colleague)


def test_refuses_whoever_justified_it(officer, colleague, third_officer):
    cost = CostFactory(breach="Over the limit", recorded_by=officer, amount_changed_by=officer)
    services.breach_justify(item=cost, justification="Protocol", by=colleague)

    with pytest.raises(ValidationError, match="you wrote its justification"):
        services.breach_approve(item=cost, by=colleague)
    approved = services.breach_approve(item=cost, by=third_officer)
    assert approved.approved_by == third_officer


def test_refuses_anyone_who_shaped_a_cost_with_no_recorder(officer, colleague, third_officer):
    """A cost made in the admin before this rule, or by the demonstration data, has no recorder."""
    ConductPolicyFactory()
    cost = CostFactory(category=Cost.Category.SUBSISTENCE, meals=1, amount=Decimal("20.00"), recorded_by=None)
    cost.amount = Decimal("150.00")
    services.cost_save(cost=cost, by=officer)
    services.breach_justify(item=cost, justification="Protocol", by=colleague)

    cost.refresh_from_db()
    assert cost.breach
    assert not cost.can_be_approved_by(officer)
    assert not cost.can_be_approved_by(colleague)
    assert cost.can_be_approved_by(third_officer)


def test_refuses_a_justification_whose_author_is_not_known(officer, colleague):
    cost = CostFactory(breach="Over the limit", justification="Written before authors were kept")

    assert cost.approval_refusal(colleague) == (
        "Who justified this breach is not recorded: save the justification again first"
    )


def test_refuses_someone_without_the_approval_permission_even_a_stranger_to_the_cost(member, officer):
    cost = CostFactory(breach="Over the limit", recorded_by=officer, justified_by=officer, justification="x")

    with pytest.raises(ValidationError, match="You may not approve"):
        services.breach_approve(item=cost, by=member)


def test_a_changed_amount_clears_the_approval_and_records_who_changed_it(officer, colleague, third_officer):
    cost = CostFactory(breach="Over the limit", recorded_by=officer)
    services.breach_justify(item=cost, justification="Protocol", by=officer)
    services.breach_approve(item=cost, by=colleague)
    cost.refresh_from_db()

    cost.amount = Decimal("101.00")
    services.cost_save(cost=cost, by=third_officer)

    cost.refresh_from_db()
    assert cost.approved_by is None
    assert cost.amount_changed_by == third_officer
    assert not cost.can_be_approved_by(third_officer)


def test_a_save_that_keeps_the_amount_keeps_the_approval(officer, colleague):
    cost = CostFactory(breach="Over the limit", recorded_by=officer)
    services.breach_justify(item=cost, justification="Protocol", by=officer)
    services.breach_approve(item=cost, by=colleague)
    cost.refresh_from_db()
    cost.description = "Clearer words"
    Cost.objects.filter(pk=cost.pk).update(breach="")  # the stored flag, so the service sees no new breach

    assert services.cost_save(cost=cost, by=colleague).amount_changed_by is None


def test_a_gift_whose_value_was_changed_cannot_be_approved_by_who_changed_it(officer, colleague):
    ConductPolicyFactory()
    gift = services.gift_save(
        gift=GiftFactory.build(direction="received", value=Decimal("25.00")), by=officer
    )
    gift.value = Decimal("150.00")
    services.gift_save(gift=gift, by=colleague)
    services.breach_justify(item=gift, justification="Protocol", by=officer)

    gift.refresh_from_db()
    assert gift.breach
    assert gift.approval_refusal(colleague) == (
        "A second person must approve: you last changed its amount or what it is checked against"
    )
    assert gift.approval_refusal(officer) == "A second person must approve: you recorded this yourself"


@pytest.mark.parametrize("author", ["recorded_by", "amount_changed_by", "justified_by"])
def test_the_database_refuses_an_approver_who_is_an_author(officer, author):
    cost = CostFactory(breach="Over the limit", justification="Protocol")

    with pytest.raises(IntegrityError), transaction.atomic():
        Cost.objects.filter(pk=cost.pk).update(**{author: officer, "approved_by": officer})


def test_the_approve_button_is_shown_only_to_a_second_person(client, officer, colleague):
    cost = CostFactory(breach="Over the limit", recorded_by=officer)
    services.breach_justify(item=cost, justification="Protocol", by=officer)
    url = cost.activity.get_absolute_url()

    client.force_login(officer)
    assert "Approve the breach" not in client.get(url).content.decode()
    client.force_login(colleague)
    page = client.get(url).content.decode()
    assert "Approve the breach" in page
    assert "Justification by Officer on" in page


def test_the_gifts_register_names_who_justified_and_approved_in_a_fixed_number_of_queries(
    officer_client, officer, colleague, django_user_model
):
    def justified_and_approved_gifts(count):
        for index in range(count):
            justifier = make_user(django_user_model, f"justifier{count}-{index}", OFFICER)
            GiftFactory(
                breach="Worth £150.00",
                justification="Protocol",
                justified_by=justifier,
                recorded_by=officer,
                approved_by=colleague,
            )

    justified_and_approved_gifts(2)
    few = queries_for(officer_client, "/partnerships/activities/gifts/")
    justified_and_approved_gifts(8)
    many = queries_for(officer_client, "/partnerships/activities/gifts/")

    # two more since issue 10: the partnership filter; one more since issue 11: the total value; three
    # since issue 13: the years that have gifts (two) and the people the register names (one)
    assert_fixed_queries(few, many, at_most=13)


def test_refuses_whoever_turned_ten_meals_into_one_without_touching_the_amount(
    officer, colleague, third_officer
):
    ConductPolicyFactory()
    cost = services.cost_save(
        cost=CostFactory.build(
            activity=ActivityFactory(),
            category="subsistence",
            meals=10,
            meal_amounts=", ".join(["30.00"] * 10),
            amount=Decimal("300.00"),
        ),
        by=officer,
    )
    assert not cost.breach
    cost.meals, cost.meal_amounts = 1, ""
    services.cost_save(cost=cost, by=colleague)
    services.breach_justify(item=cost, justification="Banquet", by=third_officer)

    cost.refresh_from_db()
    assert cost.breach
    assert cost.amount_changed_by == colleague
    assert not cost.can_be_approved_by(colleague)
