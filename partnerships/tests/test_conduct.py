"""Every conduct rule at, below and above its limit (pure functions: no database)."""

from datetime import date
from decimal import Decimal

import pytest

from partnerships.conduct import check_cost, check_gift, check_source_total
from partnerships.models import ConductPolicy, Cost, Gift


def policy() -> ConductPolicy:
    rules = ConductPolicy(
        in_force_from=date(2020, 4, 1),
        business_class_min_hours=Decimal("8.0"),
        subsistence_per_meal=Decimal("30.00"),
        subsistence_per_day=Decimal("60.00"),
        gift_registration_threshold=Decimal("50.00"),
        gift_handover_threshold=Decimal("100.00"),
    )
    rules.hotel_cap_for = {"europe": Decimal("150.00")}.get  # no database: the caps as a lookup
    return rules


def codes(flags) -> list[str]:
    return [flag.code for flag in flags]


@pytest.mark.parametrize(
    ("hours", "travel_class", "expected"),
    [
        ("7.9", "business", ["business_class"]),
        ("8.0", "business", ["business_class"]),  # at the limit: not *above* it
        ("8.1", "business", []),
        ("2.0", "economy", []),
    ],
)
def test_business_class_only_above_the_journey_hours(hours, travel_class, expected):
    cost = Cost(
        category="travel", travel_class=travel_class, journey_hours=Decimal(hours), amount_gbp=Decimal("900")
    )

    flags = check_cost(cost, policy())

    assert codes(flags) == expected
    if expected:
        assert flags[0].message == (
            f"Business class for a {hours}-hour journey: the rules allow it only above 8.0 hours"
        )


@pytest.mark.parametrize(("amount", "expected"), [("449.97", []), ("450.00", []), ("450.03", ["hotel_cap"])])
def test_hotel_cap_per_night_by_region(amount, expected):
    cost = Cost(category="accommodation", region="europe", nights=3, amount_gbp=Decimal(amount))

    assert codes(check_cost(cost, policy())) == expected


def test_hotel_in_a_region_without_a_cap_is_not_flagged():
    cost = Cost(category="accommodation", region="asia", nights=1, amount_gbp=Decimal("999"))

    assert check_cost(cost, policy()) == []


@pytest.mark.parametrize(
    ("amount", "expected"), [("59.98", []), ("60.00", []), ("60.02", ["subsistence_meal"])]
)
def test_subsistence_per_meal(amount, expected):
    cost = Cost(category="subsistence", meals=2, amount_gbp=Decimal(amount))

    flags = check_cost(cost, policy())

    assert codes(flags) == expected
    if expected:
        assert flags[0].message == "Subsistence of £30.01 a meal: the cap is £30.00 a meal"


@pytest.mark.parametrize(
    ("amount", "expected"), [("119.99", []), ("120.00", []), ("120.02", ["subsistence_day"])]
)
def test_subsistence_per_day(amount, expected):
    cost = Cost(category="subsistence", days=2, amount_gbp=Decimal(amount))

    assert codes(check_cost(cost, policy())) == expected


def test_no_policy_in_force_flags_nothing():
    cost = Cost(
        category="travel", travel_class="business", journey_hours=Decimal("1"), amount_gbp=Decimal("1")
    )

    assert check_cost(cost, None) == []


def gift(**fields) -> Gift:
    values = {
        "direction": "received",
        "value": Decimal("10.00"),
        "given_on": date(2026, 6, 1),
        "registered_on": date(2026, 6, 1),
        **fields,
    }
    return Gift(**values)


@pytest.mark.parametrize(
    ("value", "expected"), [("99.99", []), ("100.00", []), ("100.01", ["not_handed_over"])]
)
def test_a_received_gift_above_the_hand_over_value_must_be_handed_over(value, expected):
    flags = check_gift(gift(value=Decimal(value), declared=True), policy())

    assert [flag.code for flag in flags if flag.breach] == expected


def test_a_gift_handed_to_the_council_is_not_a_breach():
    assert check_gift(gift(value=Decimal("500"), declared=True, handed_to_council=True), policy()) == []


@pytest.mark.parametrize(("value", "expected"), [("49.99", []), ("50.00", []), ("50.01", ["not_declared"])])
def test_a_received_gift_above_the_registration_value_must_be_declared(value, expected):
    assert codes(check_gift(gift(value=Decimal(value)), policy())) == expected


@pytest.mark.parametrize(
    ("registered_on", "expected"),
    [(date(2026, 6, 28), []), (date(2026, 6, 29), []), (date(2026, 6, 30), ["late"])],
)
def test_registration_later_than_28_days_is_flagged(registered_on, expected):
    flags = check_gift(gift(registered_on=registered_on), policy())

    assert codes(flags) == expected
    assert not any(flag.breach for flag in flags)  # a notice, not a breach needing approval


@pytest.mark.parametrize(("total", "flagged"), [("49.99", False), ("50.00", False), ("50.01", True)])
def test_gifts_from_one_source_count_together_past_the_registration_value(total, flagged):
    flag = check_source_total(Decimal(total), policy())

    assert (flag is not None) is flagged
