"""Synthetic gifts and hospitality, registered and flagged as `gift_save` would store them."""

import random
from datetime import date, timedelta
from decimal import Decimal

from intlinks.seeding import EXAMPLE_SOURCE, day_between, save_rows
from partnerships.models import Gift
from partnerships.seeding.activities import SeededActivity
from partnerships.seeding.conduct import Policies, flag_gift, resolve
from partnerships.seeding.links import SeededLink
from strategy.financial_years import FinancialYear

# counterparty (with the place's name), who they are, what was given
COUNTERPARTIES = [
    ("The Mayor of {place}", Gift.CounterpartyKind.PUBLIC, "Example: commemorative plate"),
    ("{place} city council", Gift.CounterpartyKind.PUBLIC, "Example: dinner for the delegation"),
    ("{place} chamber of commerce", Gift.CounterpartyKind.PRIVATE, "Example: reception and buffet"),
    ("A hotel in {place}", Gift.CounterpartyKind.PRIVATE, "Example: upgraded room"),
    ("A resident of {place}", Gift.CounterpartyKind.PERSON, "Example: book about the city's history"),
    ("{place} twinning association", Gift.CounterpartyKind.PUBLIC, "Example: framed photograph"),
]


def seed_gifts(
    *,
    rng: random.Random,
    year: FinancialYear,
    count: int,
    links: list[SeededLink],
    activities: list[SeededActivity],
    policies: Policies,
    users: list,
    today: date,
) -> int:
    """`count` gifts given, received or refused in `year` up to `today`, most on an activity's dates."""
    last = min(year.last_day, today)
    if last < year.first_day:
        return 0
    by_pk = {link.partnership.pk: link for link in links}
    busy = [link for link in links if link.busy_in(year)] or links
    past = [activity for activity in activities if activity.starts_on <= last]
    gifts = []
    for _ in range(count):
        activity = rng.choice(past) if past and rng.random() < 0.7 else None
        if activity:
            link = by_pk[activity.partnership_id]
            given_on = min(day_between(rng, activity.starts_on, activity.ends_on), last)
        else:
            link = rng.choice(busy)
            given_on = day_between(rng, year.first_day, last)
        gifts.append(_gift(rng, link, activity, given_on, policies, users, today))
    save_rows(Gift, gifts)
    return len(gifts)


def _gift(rng, link: SeededLink, activity, given_on: date, policies: Policies, users, today: date) -> Gift:
    who, kind_of_who, what = rng.choice(COUNTERPARTIES)
    direction = rng.choices(
        [Gift.Direction.GIVEN, Gift.Direction.RECEIVED, Gift.Direction.REFUSED], [45, 45, 10]
    )[0]
    value = Decimal(str(round(rng.paretovariate(1.6) * 12, 2))).min(Decimal("2000.00"))
    gift = Gift(
        direction=direction,
        kind=Gift.Kind.HOSPITALITY if "dinner" in what or "reception" in what else Gift.Kind.GIFT,
        counterparty=who.format(place=link.place.name),
        counterparty_kind=kind_of_who,
        partnership=link.partnership,
        activity_id=activity.pk if activity else None,
        description=what,
        value=value,
        given_on=given_on,
        registered_on=min(given_on + timedelta(days=int(rng.expovariate(1 / 10))), max(today, given_on)),
        declared=rng.random() < 0.85,
        handed_to_council=rng.random() < 0.7,
        recorded_by=rng.choice(users),
        source=EXAMPLE_SOURCE,
    )
    flag_gift(gift, policies)
    resolve(rng, gift, on=gift.registered_on, users=users, today=today)
    return gift
