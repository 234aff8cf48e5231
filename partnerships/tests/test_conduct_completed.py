"""The conduct rules completed (issue 13): each meal against the cap, premium economy, the excess a
traveller repays, and the pure rules at, below and above each limit."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from partnerships.conduct import check_cost, excess_of
from partnerships.models import ConductPolicy, Cost


def policy() -> ConductPolicy:
    return ConductPolicy(
        in_force_from=date(2020, 4, 1),
        business_class_min_hours=Decimal("8.0"),
        premium_economy_min_hours=Decimal("5.0"),
        subsistence_per_meal=Decimal("30.00"),
        subsistence_per_day=Decimal("60.00"),
        gift_registration_threshold=Decimal("50.00"),
        gift_handover_threshold=Decimal("100.00"),
    )


def meals_cost(amounts: str, *, rate: str = "1", currency: str = "GBP") -> Cost:
    meals = [Decimal(a) for a in amounts.split(",")]
    total = sum(meals)
    return Cost(
        category="subsistence",
        meals=len(meals),
        meal_amounts=amounts,
        amount=total,
        currency=currency,
        rate_to_gbp=Decimal(rate),
        amount_gbp=(total * Decimal(rate)).quantize(Decimal("0.01")),
    )


# ---- each meal against the cap -------------------------------------------------------------------


@pytest.mark.parametrize(("meal", "flagged"), [("29.99", False), ("30.00", False), ("30.01", True)])
@pytest.mark.parametrize("position", [0, 1, 2])
def test_each_meal_is_checked_against_the_cap_at_below_and_above_it(meal, flagged, position):
    amounts = ["10.00", "10.00", "10.00"]
    amounts[position] = meal

    flags = check_cost(meals_cost(", ".join(amounts)), policy())

    expected = [f"Meal {position + 1} of 3: £{meal}, the cap is £30.00 a meal"] if flagged else []
    assert [flag.message for flag in flags] == expected


def test_three_meals_averaging_the_cap_are_flagged_for_the_one_over_it():
    cost = meals_cost("20.00, 25.00, 45.00")

    flags = check_cost(cost, policy())

    assert [flag.message for flag in flags] == ["Meal 3 of 3: £45.00, the cap is £30.00 a meal"]
    assert excess_of(flags) == Decimal("15.00")


def test_each_meal_is_converted_to_pounds_at_the_costs_rate_rounded_to_the_penny():
    # 35.30 EUR at 0.85 is £30.005, rounded half up to £30.01: over; 35.29 EUR is £29.9965, £30.00.
    flags = check_cost(meals_cost("35.29, 35.30", rate="0.850000", currency="EUR"), policy())

    assert [flag.message for flag in flags] == ["Meal 2 of 2: £30.01, the cap is £30.00 a meal"]


def test_the_excess_of_several_meals_is_their_excesses_added_up():
    flags = check_cost(meals_cost("35.00, 30.00, 40.00"), policy())

    assert excess_of(flags) == Decimal("15.00")


def test_one_meal_a_line_keeps_working():
    cost = Cost(category="subsistence", meals=1, amount_gbp=Decimal("30.01"))

    flags = check_cost(cost, policy())

    assert [flag.message for flag in flags] == ["Subsistence of £30.01 a meal: the cap is £30.00 a meal"]
    assert excess_of(flags) == Decimal("0.01")


# ---- premium economy -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hours", "expected"),
    [("4.9", ["premium_economy"]), ("5.0", ["premium_economy"]), ("5.1", [])],
)
def test_premium_economy_only_above_the_policys_hours(hours, expected):
    cost = Cost(
        category="travel",
        travel_class=Cost.TravelClass.PREMIUM_ECONOMY,
        journey_hours=Decimal(hours),
        amount_gbp=Decimal("600"),
    )

    flags = check_cost(cost, policy())

    assert [flag.code for flag in flags] == expected
    if expected:
        assert flags[0].message == (
            f"Premium economy for a {hours}-hour journey: the rules allow it only above 5.0 hours"
        )
        assert excess_of(flags) is None  # a fare's class has no excess in pounds: it needs an approval


def test_economy_is_allowed_on_any_journey():
    cost = Cost(
        category="travel", travel_class="economy", journey_hours=Decimal("0.5"), amount_gbp=Decimal("1")
    )

    assert check_cost(cost, policy()) == []


@pytest.mark.parametrize(("hours", "refused"), [("7.9", False), ("8.0", False), ("8.1", True)])
def test_premium_economy_hours_may_not_pass_the_business_class_hours(hours, refused):
    rules = policy()
    rules.premium_economy_min_hours = Decimal(hours)

    if refused:
        with pytest.raises(ValidationError, match="at least as short as business class"):
            rules.clean()
    else:
        rules.clean()
