"""Synthetic conduct policies, and the breach text and approval every seeded cost or gift carries.

A breach is never invented: it is `breach_text` of the real pure checks in `partnerships.conduct`
against the policy in force on the record's date, exactly as the services store it.
"""

import random
from datetime import date, timedelta
from decimal import Decimal

from intlinks.seeding import EXAMPLE_SOURCE, save_rows
from partnerships.conduct import breach_text, check_cost, check_gift, excess_of
from partnerships.models import ConductPolicy, Cost, Gift, HotelCap, Region, policy_in_force
from partnerships.models.approvals import BreachApproval
from strategy.financial_years import FinancialYear

# Nightly hotel caps of the first policy (the demonstration policy's, for the regions it names).
FIRST_CAPS = {
    Region.UK: Decimal("90.00"),
    Region.EUROPE: Decimal("120.00"),
    Region.ASIA: Decimal("100.00"),
    Region.AFRICA: Decimal("100.00"),
    Region.AMERICAS: Decimal("150.00"),
    Region.OCEANIA: Decimal("140.00"),
    Region.MIDDLE_EAST: Decimal("120.00"),
}
POLICY_EVERY_YEARS = 5


class Policies:
    """The seeded policies, newest first with their caps loaded, and the one in force on a day."""

    def __init__(self, policies: list[ConductPolicy]):
        self.newest_first = policies

    def on(self, day: date) -> ConductPolicy | None:
        return policy_in_force(self.newest_first, day)


def seed_policies(years: list[FinancialYear]) -> Policies:
    """A policy from the first year, revised every five years with caps 10% higher each time."""
    policies, caps = [], []
    for version, year in enumerate(years[::POLICY_EVERY_YEARS]):
        rise = Decimal("1.10") ** version
        policy = ConductPolicy(
            in_force_from=year.first_day,
            business_class_min_hours=Decimal("8.0"),
            premium_economy_min_hours=Decimal("5.0"),
            subsistence_per_meal=Decimal("30.00"),  # the LGIB handbook's example
            subsistence_per_day=(Decimal("60.00") * rise).quantize(Decimal("1")),
            gift_registration_threshold=Decimal("25.00") if version == 0 else Decimal("50.00"),
            gift_handover_threshold=Decimal("100.00"),
            source=f"{EXAMPLE_SOURCE}; the £30 meal is the LGIB handbook's example",
        )
        policies.append(policy)
        caps.extend(
            HotelCap(policy=policy, region=region, nightly_cap=(cap * rise).quantize(Decimal("1")))
            for region, cap in FIRST_CAPS.items()
        )
    save_rows(ConductPolicy, policies)
    save_rows(HotelCap, caps)
    loaded = ConductPolicy.objects.prefetch_related("hotel_caps").order_by("-in_force_from")
    return Policies(list(loaded))


def flag_cost(cost: Cost, policies: Policies) -> None:
    flags = check_cost(cost, policies.on(cost.incurred_on))
    cost.breach, cost.excess_gbp = breach_text(flags), excess_of(flags)


def flag_gift(gift: Gift, policies: Policies) -> None:
    gift.breach = breach_text(check_gift(gift, policies.on(gift.given_on)))


# Breaches and activities older than this are all but closed: what is open is mostly this year's.
SETTLED_DAYS = 365


def resolve(rng: random.Random, item: BreachApproval, *, on: date, users: list, today: date) -> bool:
    """Justify and approve past breaches (a second person approves): nearly all the old ones, most of
    the last year's; True when resolved."""
    if not item.breach:
        return True
    settled = (today - on).days > SETTLED_DAYS
    if on > today or rng.random() > (0.995 if settled else 0.9):
        return False
    item.justification = "Example: no cheaper option on the dates of the visit; agreed beforehand."
    item.justified_by, item.amount_changed_by = item.recorded_by, item.recorded_by
    if rng.random() > (0.995 if settled else 0.85):
        return False
    item.approved_by = rng.choice([user for user in users if user.pk != item.recorded_by_id])
    item.approved_on = min(on + timedelta(days=rng.randint(1, 30)), today)
    return True
