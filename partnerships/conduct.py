"""The council's conduct rules, checked: pure functions from a cost or gift and a policy to flags.

Every limit is a ceiling that may be reached but not passed: a £30 meal under a £30 cap is fine, a
£30.01 one is a breach. Business class is allowed only for a journey *longer* than the policy's hours.
A breach is flagged with a plain-English message, never refused.
"""

from dataclasses import dataclass
from decimal import Decimal

from intlinks.money import PENNY, format_money
from partnerships.models import REGISTRATION_DAYS, ConductPolicy, Cost, Gift


@dataclass(frozen=True)
class Flag:
    code: str
    message: str
    breach: bool = True  # a breach needs justification and approval; a notice does not


def check_travel(cost: Cost, policy: ConductPolicy) -> list[Flag]:
    if cost.travel_class != Cost.TravelClass.BUSINESS or cost.journey_hours is None:
        return []
    if cost.journey_hours > policy.business_class_min_hours:
        return []
    return [
        Flag(
            "business_class",
            f"Business class for a {cost.journey_hours}-hour journey: the rules allow it only above "
            f"{policy.business_class_min_hours} hours",
        )
    ]


def check_accommodation(cost: Cost, policy: ConductPolicy) -> list[Flag]:
    if not cost.nights or not cost.region:
        return []
    cap = policy.hotel_cap_for(cost.region)
    if cap is None:
        return []
    per_night = (cost.amount_gbp / cost.nights).quantize(PENNY)
    if per_night <= cap:
        return []
    return [
        Flag(
            "hotel_cap",
            f"Hotel at {format_money(per_night)} a night: the cap for {cost.get_region_display()} "
            f"is {format_money(cap)}",
        )
    ]


def check_subsistence(cost: Cost, policy: ConductPolicy) -> list[Flag]:
    flags = []
    if cost.meals:
        per_meal = (cost.amount_gbp / cost.meals).quantize(PENNY)
        if per_meal > policy.subsistence_per_meal:
            flags.append(
                Flag(
                    "subsistence_meal",
                    f"Subsistence of {format_money(per_meal)} a meal: the cap is "
                    f"{format_money(policy.subsistence_per_meal)} a meal",
                )
            )
    if cost.days:
        per_day = (cost.amount_gbp / cost.days).quantize(PENNY)
        if per_day > policy.subsistence_per_day:
            flags.append(
                Flag(
                    "subsistence_day",
                    f"Subsistence of {format_money(per_day)} a day: the cap is "
                    f"{format_money(policy.subsistence_per_day)} a day",
                )
            )
    return flags


COST_CHECKS = {
    Cost.Category.TRAVEL: check_travel,
    Cost.Category.ACCOMMODATION: check_accommodation,
    Cost.Category.SUBSISTENCE: check_subsistence,
}


def check_cost(cost: Cost, policy: ConductPolicy | None) -> list[Flag]:
    """The rules a cost breaks under `policy` (the policy in force on the cost's date)."""
    check = COST_CHECKS.get(cost.category)
    if policy is None or check is None or cost.amount_gbp is None:
        return []
    return check(cost, policy)


def check_gift(gift: Gift, policy: ConductPolicy | None) -> list[Flag]:
    """Late registration (a notice); a received gift worth more than the hand-over value, kept (a breach)."""
    flags = []
    if gift.registered_late:
        days = (gift.registered_on - gift.given_on).days
        flags.append(
            Flag(
                "late", f"Registered {days} days after the date: the code asks for {REGISTRATION_DAYS}", False
            )
        )
    if policy is None:
        return flags
    received = gift.direction == Gift.Direction.RECEIVED
    if received and gift.value > policy.gift_handover_threshold and not gift.handed_to_council:
        flags.append(
            Flag(
                "not_handed_over",
                f"Worth {format_money(gift.value)}, more than "
                f"{format_money(policy.gift_handover_threshold)}: it should be handed to the council",
            )
        )
    if received and gift.value > policy.gift_registration_threshold and not gift.declared:
        flags.append(
            Flag(
                "not_declared",
                f"Worth {format_money(gift.value)}, more than "
                f"{format_money(policy.gift_registration_threshold)}: the recipient must declare it",
                False,
            )
        )
    return flags


def check_source_total(total: Decimal, policy: ConductPolicy | None) -> Flag | None:
    """Gifts from one source over 12 months count together: flag a total past the registration value."""
    if policy is None or total <= policy.gift_registration_threshold:
        return None
    return Flag(
        "source_total",
        f"Gifts from this source add up to {format_money(total)} in 12 months, more than "
        f"{format_money(policy.gift_registration_threshold)}",
        False,
    )


def breach_text(flags: list[Flag]) -> str:
    """The stored breach message: every breach flag's message, one a line (blank when none)."""
    return "\n".join(flag.message for flag in flags if flag.breach)
