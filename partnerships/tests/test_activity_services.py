"""The activity log's writes: costs in Decimal, bad input refused whole, breaches, the safeguarding gate."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from intlinks.editing import RowErrors
from partnerships import services
from partnerships.models import Activity, Cost, Evidence, Gift
from partnerships.tests.factories import (
    ActivityFactory,
    ConductPolicyFactory,
    CostFactory,
    PartnershipFactory,
    budget_line_for,
)
from strategy.selectors import budget_summary

pytestmark = pytest.mark.django_db


def new_activity(**fields) -> Activity:
    values = {
        "partnership": PartnershipFactory(),
        "kind": Activity.Kind.OUTGOING_VISIT,
        "title": "Visit to Krefeld",
        "starts_on": date(2026, 6, 1),
        "ends_on": date(2026, 6, 4),
        "purpose": "Agree the school exchange",
        "expected_benefit": "Twenty pupils abroad",
        **fields,
    }
    return Activity(**values)


def new_cost(**fields) -> Cost:
    values = {
        "category": Cost.Category.VENUE,
        "incurred_on": date(2026, 6, 1),
        "amount": Decimal("100.00"),
        "currency": "GBP",
        "paid_by": Cost.PaidBy.COUNCIL,
        "budget_line": budget_line_for(2026),
        "stage": Cost.Stage.ACTUAL,
        **fields,
    }
    return Cost(**values)


def cost_errors(error) -> dict:
    return {index: e.message_dict for index, e in error.value.by_row.items()}


def test_converts_a_foreign_cost_to_pounds_at_the_recorded_rate_to_the_penny(officer):
    cost = new_cost(amount=Decimal("1234.57"), currency="eur", rate_to_gbp=Decimal("0.852345"))

    services.activity_log(activity=new_activity(), costs=[cost], by=officer)

    cost.refresh_from_db()
    # 1234.57 × 0.852345 = 1052.2775… → £1,052.28, half up
    assert cost.amount_gbp == Decimal("1052.28")
    assert cost.currency == "EUR"
    assert cost.rate_to_gbp == Decimal("0.852345")


def test_rounds_half_a_penny_up(officer):
    cost = new_cost(amount=Decimal("0.01"), currency="INR", rate_to_gbp=Decimal("0.500000"))

    services.activity_log(activity=new_activity(), costs=[cost], by=officer)

    assert cost.amount_gbp == Decimal("0.01")


def test_validation_checks_the_amount_in_pounds_but_leaves_storing_it_to_the_service():
    cost = new_cost(amount=Decimal("1000000.00"), currency="INR", rate_to_gbp=Decimal("1.000001"))

    with pytest.raises(ValidationError) as error:
        cost.full_clean(exclude=["activity"])

    assert error.value.message_dict["amount"] == [
        "This is more than £1,000,000 for one cost: check the figure and the rate"
    ]
    assert cost.amount_gbp is None


def test_a_pound_cost_has_a_rate_of_one(officer):
    cost = new_cost(rate_to_gbp=Decimal("3"))

    services.activity_log(activity=new_activity(), costs=[cost], by=officer)

    assert cost.rate_to_gbp == 1
    assert cost.amount_gbp == Decimal("100.00")


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"currency": "EUR"}, "rate_to_gbp", "Enter the rate to pounds for EUR"),
        ({"amount": Decimal("-1.00")}, "amount", "The amount cannot be negative"),
        ({"amount": Decimal("1000000.01")}, "amount", "The amount must be 1,000,000 or less"),
        ({"currency": "E1R"}, "currency", "Select a currency from the list"),
        ({"currency": "XXX"}, "currency", "Select a currency from the list"),
        ({"currency": "ÄÖÜ"}, "currency", "Select a currency from the list"),
        ({"currency": "ｅｕｒ"}, "currency", "Select a currency from the list"),
        ({"budget_line": None}, "budget_line", "Select the budget line"),
        ({"category": Cost.Category.TRAVEL}, "journey_hours", "Enter the journey length in hours"),
    ],
)
def test_refuses_a_bad_cost_and_saves_nothing(officer, fields, field, message):
    good = new_cost()
    bad = new_cost(**fields)

    with pytest.raises(RowErrors) as error:
        services.activity_log(activity=new_activity(), costs=[good, bad], by=officer)

    assert list(cost_errors(error)) == [1]
    assert cost_errors(error)[1][field][0].startswith(message)
    assert not Activity.objects.exists()
    assert not Cost.objects.exists()


def test_refuses_a_cost_charged_to_a_budget_line_of_another_financial_year(officer):
    cost = new_cost(incurred_on=date(2027, 4, 1), budget_line=budget_line_for(2026))

    with pytest.raises(RowErrors) as error:
        services.activity_log(activity=new_activity(ends_on=date(2027, 4, 5)), costs=[cost], by=officer)

    assert cost_errors(error)[0]["budget_line"] == [
        "This line is in the 2026/27 budget; choose a line of the 2027/28 budget, the year of the cost's date"
    ]
    assert not Activity.objects.exists()


def test_refuses_a_return_before_departure(officer):
    with pytest.raises(ValidationError) as error:
        services.activity_log(activity=new_activity(ends_on=date(2026, 5, 31)), by=officer)

    assert error.value.message_dict["ends_on"] == [
        "The return date must be the same as or after the departure date"
    ]


def test_a_publicly_funded_visit_needs_its_purpose_and_benefit(officer):
    with pytest.raises(ValidationError) as error:
        services.activity_log(activity=new_activity(purpose="", expected_benefit=" "), by=officer)

    assert set(error.value.message_dict) == {"purpose", "expected_benefit"}


def test_flags_a_breach_against_the_rules_in_force_on_the_costs_date(officer):
    ConductPolicyFactory(in_force_from=date(2020, 4, 1), business_class_min_hours=Decimal("8"))
    ConductPolicyFactory(in_force_from=date(2026, 7, 1), business_class_min_hours=Decimal("4"))
    travel = {"category": Cost.Category.TRAVEL, "travel_class": "business", "journey_hours": Decimal("6")}
    june = new_cost(**travel)
    july = new_cost(**travel, incurred_on=date(2026, 7, 1))

    services.activity_log(activity=new_activity(ends_on=date(2026, 7, 2)), costs=[june, july], by=officer)

    assert "allow it only above 8.0 hours" in june.breach
    assert july.breach == ""


def breach_cost(officer) -> Cost:
    ConductPolicyFactory()
    cost = new_cost(category=Cost.Category.TRAVEL, travel_class="business", journey_hours=Decimal("2"))
    activity = new_activity(kind=Activity.Kind.INCOMING_DELEGATION)  # no checklist before travel
    services.activity_log(activity=activity, costs=[cost], by=officer)
    return cost


def test_a_justified_breach_approved_by_a_second_officer_lets_the_activity_complete(officer, colleague):
    cost = breach_cost(officer)
    with pytest.raises(ValidationError, match="1 breach of the conduct rules"):
        services.activity_mark_complete(activity=cost.activity)

    services.breach_justify(item=cost, justification="Medical advice: needs to lie flat", by=officer)
    services.breach_approve(item=cost, by=colleague, on=date(2026, 5, 20))
    activity = services.activity_mark_complete(activity=cost.activity)

    assert activity.state == Activity.State.COMPLETE
    cost.refresh_from_db()
    assert cost.approved_by == colleague
    assert cost.approved_on == date(2026, 5, 20)


def test_the_person_who_recorded_a_breach_cannot_approve_it(officer):
    cost = breach_cost(officer)
    services.breach_justify(item=cost, justification="Medical advice", by=officer)

    with pytest.raises(ValidationError, match="A second person must approve"):
        services.breach_approve(item=cost, by=officer)


def test_a_breach_cannot_be_approved_before_it_is_justified(officer, colleague):
    cost = breach_cost(officer)

    with pytest.raises(ValidationError, match="needs a written justification"):
        services.breach_approve(item=cost, by=colleague)


def test_a_member_cannot_approve_a_breach(officer, member):
    cost = breach_cost(officer)
    services.breach_justify(item=cost, justification="Medical advice", by=officer)

    with pytest.raises(ValidationError, match="may not approve"):
        services.breach_approve(item=cost, by=member)


def youth_exchange(**fields) -> Activity:
    return ActivityFactory(kind=Activity.Kind.YOUTH_EXCHANGE, young_people=12, **fields)


def test_a_youth_exchange_without_its_checklist_cannot_be_ready_to_travel():
    activity = youth_exchange(parental_consents=11)

    with pytest.raises(ValidationError) as error:
        services.activity_mark_ready(activity=activity)

    assert error.value.messages == [
        "It cannot be marked ready to travel until it has a risk assessment uploaded as evidence; "
        "insurance confirmed; parental consent for every young participant (11 of 12 received); "
        "the code of behaviour agreed; named coordinators with contact details"
    ]
    activity.refresh_from_db()
    assert activity.state == Activity.State.PLANNED


def test_a_youth_exchange_with_its_checklist_complete_is_ready_to_travel(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    activity = youth_exchange(
        parental_consents=12,
        insurance_confirmed=True,
        code_of_behaviour_agreed=True,
        coordinators="Ann Smith, 0116 000 0000, ann@example.org",
    )
    Evidence.objects.create(
        activity=activity, kind="risk_assessment", title="Risk", file=ContentFile(b"%PDF-1.4\n", name="r.pdf")
    )

    assert services.activity_mark_ready(activity=activity).state == Activity.State.READY


def test_spending_rolls_up_per_budget_line_to_the_penny():
    line = budget_line_for(2026)
    other_year = budget_line_for(2025)
    CostFactory(amount=Decimal("10.01"), stage="actual")
    CostFactory(amount=Decimal("0.02"), stage="actual")
    CostFactory(amount=Decimal("99.99"), stage="planned")
    CostFactory(amount=Decimal("5.00"), incurred_on=date(2025, 6, 1), budget_line=other_year)
    CostFactory(amount=Decimal("7.00"), paid_by="partner", budget_line=None)

    row = next(row for row in budget_summary(budget_id=line.budget_id).rows if row.line == line)

    assert (row.committed, row.spent) == (Decimal("99.99"), Decimal("10.03"))


def test_gift_flags_a_kept_gift_above_the_hand_over_value(officer):
    ConductPolicyFactory()
    gift = Gift(
        direction="received",
        counterparty="Rajkot Municipal Corporation",
        counterparty_kind="public",
        description="Silver salver",
        value=Decimal("150.00"),
        given_on=date(2026, 6, 2),
        registered_on=date(2026, 6, 3),
        declared=True,
    )

    services.gift_save(gift=gift, by=officer)

    assert gift.breach == "Worth £150.00, more than £100.00: it should be handed to the council"


def test_officers_cannot_edit_the_conduct_policy_but_the_administrator_can(officer, administrator, member):
    assert officer.has_perm("partnerships.view_conductpolicy")
    assert not officer.has_perm("partnerships.change_conductpolicy")
    assert not officer.has_perm("partnerships.add_hotelcap")
    assert officer.has_perm("partnerships.approve_breach")
    assert officer.has_perm("partnerships.change_cost")
    assert administrator.has_perm("partnerships.change_conductpolicy")
    assert not member.has_perm("partnerships.approve_breach")
