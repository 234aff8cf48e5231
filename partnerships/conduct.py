"""The council's conduct rules, checked: pure functions from a cost or gift and a policy to flags.

Every limit is a ceiling that may be reached but not passed: a £30 meal under a £30 cap is fine, a
£30.01 one is a breach. Business class and premium economy are allowed only for a journey *longer* than
the policy's hours for each. A breach is flagged with a plain-English message, never refused, and with
its excess in pounds where the rules can say (the traveller may repay it; a fare's class has none).
"""

from dataclasses import dataclass
from decimal import Decimal

from intlinks.money import PENNY, ZERO, format_money
from partnerships.models import REGISTRATION_DAYS, ConductPolicy, Cost, Gift, in_pounds


@dataclass(frozen=True)
class Flag:
    code: str
    message: str
    breach: bool = True  # a breach needs justification and approval; a notice does not
    excess: Decimal | None = None  # the pounds above the cap, when the rule can put it in pounds


def _class_rule(cost: Cost, policy: ConductPolicy) -> tuple[str, str, Decimal] | None:
    """The code, name and minimum journey hours of the class a fare is in, if the policy limits it."""
    if cost.travel_class == Cost.TravelClass.BUSINESS:
        return "business_class", "Business class", policy.business_class_min_hours
    if cost.travel_class == Cost.TravelClass.PREMIUM_ECONOMY:
        return "premium_economy", "Premium economy", policy.premium_economy_min_hours
    return None


def check_travel(cost: Cost, policy: ConductPolicy) -> list[Flag]:
    rule = _class_rule(cost, policy)
    if rule is None or cost.journey_hours is None:
        return []
    code, name, min_hours = rule
    if cost.journey_hours > min_hours:
        return []
    return [
        Flag(
            code,
            f"{name} for a {cost.journey_hours}-hour journey: the rules allow it only above "
            f"{min_hours} hours",
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
            excess=cost.amount_gbp - cap * cost.nights,
        )
    ]


def check_each_meal(cost: Cost, policy: ConductPolicy) -> list[Flag]:
    """Each meal of the line against the cap a meal, in pounds at the cost's rate: £20, £25 and £45
    break the £30 cap once (the third), though they average £30."""
    cap, meals = policy.subsistence_per_meal, cost.meal_amount_list
    flags = []
    for number, amount in enumerate(meals, start=1):
        pounds = in_pounds(amount, cost.rate_to_gbp or 1)
        if pounds > cap:
            flags.append(
                Flag(
                    "subsistence_meal",
                    f"Meal {number} of {len(meals)}: {format_money(pounds)}, "
                    f"the cap is {format_money(cap)} a meal",
                    excess=pounds - cap,
                )
            )
    return flags


def check_meals_on_average(cost: Cost, policy: ConductPolicy) -> list[Flag]:
    """One meal, or meals recorded before each carried its amount: the line's amount a meal."""
    cap = policy.subsistence_per_meal
    per_meal = (cost.amount_gbp / cost.meals).quantize(PENNY)
    if per_meal <= cap:
        return []
    return [
        Flag(
            "subsistence_meal",
            f"Subsistence of {format_money(per_meal)} a meal: the cap is {format_money(cap)} a meal",
            excess=cost.amount_gbp - cap * cost.meals,
        )
    ]


def check_subsistence(cost: Cost, policy: ConductPolicy) -> list[Flag]:
    flags = []
    if cost.meal_amount_list:
        flags.extend(check_each_meal(cost, policy))
    elif cost.meals:
        flags.extend(check_meals_on_average(cost, policy))
    if cost.days:
        per_day = (cost.amount_gbp / cost.days).quantize(PENNY)
        if per_day > policy.subsistence_per_day:
            flags.append(
                Flag(
                    "subsistence_day",
                    f"Subsistence of {format_money(per_day)} a day: the cap is "
                    f"{format_money(policy.subsistence_per_day)} a day",
                    excess=cost.amount_gbp - policy.subsistence_per_day * cost.days,
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


def excess_of(flags: list[Flag]) -> Decimal | None:
    """The pounds a traveller would repay to settle the breaches: each rule's excess (the meals of one
    line added up), and the largest of those (the meal and the day caps of one line measure the same
    money twice); None when there is no breach or one has no excess in pounds (a fare's class), which
    only an approval settles."""
    breaches = [flag for flag in flags if flag.breach]
    if not breaches or any(flag.excess is None for flag in breaches):
        return None
    by_rule: dict[str, Decimal] = {}
    for flag in breaches:
        by_rule[flag.code] = by_rule.get(flag.code, ZERO) + flag.excess
    return max(max(by_rule.values()), ZERO)
