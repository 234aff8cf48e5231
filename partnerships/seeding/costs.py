"""What a synthetic activity costs: the bills of each kind of activity, in pounds, before currency.

Each bill is (category, amount in pounds, currency it is paid in, the details the conduct rules need).
Fares, hotels and meals sit around the policy's limits, so a few go over them and are flagged.
"""

import random
from decimal import Decimal

from partnerships.models import Activity, ConductPolicy, Cost, Region
from partnerships.seeding.places import PlaceSpec

K, C = Activity.Kind, Cost.Category
TRAVELLING = Activity.TRAVELLING_KINDS
# Hours of a journey from the UK, by the hotel region of the place.
HOURS = {
    Region.UK: (1, 4),
    Region.EUROPE: (1.5, 4),
    Region.MIDDLE_EAST: (4, 7),
    Region.AFRICA: (8, 11),
    Region.ASIA: (8, 13),
    Region.AMERICAS: (8, 12),
    Region.OCEANIA: (20, 26),
}


def pounds(rng: random.Random, low: float, high: float) -> Decimal:
    return Decimal(str(round(rng.uniform(low, high), 2)))


def spending(rng: random.Random, activity: Activity, place: PlaceSpec, policy: ConductPolicy | None) -> list:
    """The bills of `activity` (with `place` abroad), under the policy in force on its date."""
    nights = max(1, (activity.ends_on - activity.starts_on).days)
    if activity.kind in TRAVELLING:
        return _travel(rng, activity, place, policy, nights)
    return _at_home(rng, activity, policy, nights)


def _hotel(rng, policy, region: str, nights: int, currency: str) -> tuple:
    """A hotel bill of `nights` around the region's nightly cap (a few go over it)."""
    night = (policy.hotel_cap_for(region) if policy else None) or Decimal("120")
    amount = night * nights * Decimal(str(rng.uniform(0.6, 1.04)))
    return (C.ACCOMMODATION, amount, currency, {"region": region, "nights": nights})


def _travel(rng, activity: Activity, place: PlaceSpec, policy, nights: int) -> list:
    """Fares booked in pounds, the hotel and meals abroad in the place's currency."""
    hours = Decimal(str(round(rng.uniform(*HOURS[place.region]), 1)))
    business = rng.random() < 0.06
    fare = pounds(rng, 90, 350) if hours < 5 else pounds(rng, 500, 1200)
    travellers = max(1, activity.councillors + activity.officers + activity.young_people // 4)
    details = {"travel_class": "business" if business else "economy", "journey_hours": hours}
    bills = [
        (C.TRAVEL, fare * travellers * (3 if business else 1), "GBP", details),
        _hotel(rng, policy, place.region, nights, place.currency),
    ]
    if activity.kind != K.YOUTH_EXCHANGE:
        # Each meal around the cap a meal (a few go over it), as the receipt's lines.
        meals = [pounds(rng, 12, 33) for _ in range(2 * nights)]
        bills.append((C.SUBSISTENCE, sum(meals), place.currency, {"meals": len(meals), "meal_pounds": meals}))
    return bills


def _at_home(rng, activity: Activity, policy, nights: int) -> list:
    """Hosting, events, projects and meetings, paid in pounds."""
    kind, bills = activity.kind, []
    if kind == K.INCOMING_DELEGATION:
        bills.append((C.HOSPITALITY, pounds(rng, 50, 800), "GBP", {}))
        if rng.random() < 0.5:  # the council puts the delegation up
            bills.append(_hotel(rng, policy, Region.UK, nights, "GBP"))
        if rng.random() < 0.4:
            bills.append((C.VENUE, pounds(rng, 150, 1500), "GBP", {}))
        if rng.random() < 0.2:
            bills.append((C.INTERPRETATION, pounds(rng, 100, 900), "GBP", {}))
    elif kind == K.CULTURAL_EVENT:
        bills.append((C.VENUE, pounds(rng, 150, 2500), "GBP", {}))
        if rng.random() < 0.3:
            bills.append((C.OTHER, pounds(rng, 100, 1500), "GBP", {}))
    elif kind == K.FUNDED_PROJECT:
        bills.append((C.OTHER, pounds(rng, 1000, 20000), "GBP", {"paid_by": Cost.PaidBy.GRANT}))
    elif kind == K.VIRTUAL_MEETING and rng.random() < 0.3:
        bills.append((C.INTERPRETATION, pounds(rng, 100, 900), "GBP", {}))
    elif kind == K.OTHER:
        bills.append((C.OTHER, pounds(rng, 100, 900), "GBP", {}))
    return bills
