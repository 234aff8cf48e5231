"""Synthetic bids to and grants from external funders, the activities they pay for, and report deadlines."""

import random
from datetime import date, timedelta
from decimal import Decimal

from intlinks.seeding import EXAMPLE_SOURCE, day_between, save_links, save_rows
from partnerships.models import Activity, ExternalFunding, ReportingDeadline
from partnerships.seeding.activities import SeededActivity
from partnerships.seeding.links import SeededLink

# Funders and programmes the domain documents name (the 2008 strategy, the LGIB handbook, Derby 2015).
PROGRAMMES = [
    ("European Commission", "EU Asia-Urbs"),
    ("European Commission", "Europe for Citizens: town twinning"),
    ("Commonwealth Local Government Forum", "CLGF Good Practice Scheme"),
    ("Foreign and Commonwealth Office", "Prosperity Fund"),
    ("Department for International Development", "Global School Partnerships"),
    ("British Council", "Connecting Classrooms"),
]
S = ExternalFunding.Status


def seed_funding(
    *,
    rng: random.Random,
    per_link: int,
    links: list[SeededLink],
    activities: list[SeededActivity],
    today: date,
) -> int:
    """About `per_link` bids for each formalised link, awarded ones with their reporting deadlines."""
    projects: dict[int, list[SeededActivity]] = {}
    for activity in activities:
        if activity.kind == Activity.Kind.FUNDED_PROJECT:
            projects.setdefault(activity.partnership_id, []).append(activity)
    bids, deadlines, paid_for = [], [], []
    for link in links:
        if not link.formalised:
            continue
        for _ in range(rng.randint(max(0, per_link - 1), per_link + 1)):
            bid = _bid(rng, link, today)
            bids.append(bid)
            if bid.status in (S.AWARDED, S.CLOSED):
                deadlines.extend(_deadlines(bid, today))
                own = [a for a in projects.get(link.partnership.pk, []) if a.starts_on >= bid.awarded_on]
                paid_for.extend((bid, a) for a in own[: rng.randint(0, 3)])
    save_rows(ExternalFunding, bids)
    save_rows(ReportingDeadline, deadlines)
    through = ExternalFunding.activities.through
    save_links(through, [through(externalfunding=bid, activity_id=a.pk) for bid, a in paid_for])
    return len(bids)


def _bid(rng: random.Random, link: SeededLink, today: date) -> ExternalFunding:
    funder, programme = rng.choice(PROGRAMMES)
    bid_on = day_between(rng, max(link.formalised, today - timedelta(days=365 * 20)), today)
    status = rng.choices([S.PLANNED, S.SUBMITTED, S.AWARDED, S.REFUSED, S.CLOSED], [10, 15, 30, 20, 25])[0]
    awarded_on = bid_on + timedelta(days=rng.randint(60, 180))
    if status in (S.AWARDED, S.CLOSED) and awarded_on > today:
        status, awarded_on = S.SUBMITTED, None
    if status not in (S.AWARDED, S.CLOSED):
        awarded_on = None
    amount_bid = Decimal(rng.randrange(5000, 250000, 500))
    return ExternalFunding(
        funder=funder,
        programme=programme,
        title=f"Example: {programme} project with {link.place.name}",
        bid_on=bid_on,
        amount_bid=amount_bid,
        amount_awarded=(amount_bid * Decimal(rng.choice(["1", "0.8", "0.6"]))).quantize(Decimal("1"))
        if awarded_on
        else None,
        awarded_on=awarded_on,
        status=status,
        partnership=link.partnership,
        source=EXAMPLE_SOURCE,
    )


def _deadlines(bid: ExternalFunding, today: date) -> list[ReportingDeadline]:
    rows = []
    for months, what in ((6, "Interim report to the funder"), (12, "Final report and accounts")):
        due_on = bid.awarded_on + timedelta(days=30 * months)
        done = bid.status == S.CLOSED or due_on < today
        rows.append(ReportingDeadline(funding=bid, due_on=due_on, description=f"Example: {what}", done=done))
    return rows
