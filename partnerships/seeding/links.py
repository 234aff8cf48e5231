"""Synthetic links: places, themes, links of every kind and status with the status history the life cycle
allows, agreements and twinning associations (their reviews and appraisals: `reviews`)."""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from intlinks.seeding import EXAMPLE_SOURCE, day_between, moment_on, save_links, save_rows
from partnerships.demo import THEMES
from partnerships.models import (
    Agreement,
    Contact,
    Organisation,
    Partnership,
    PartnershipOrganisation,
    Place,
    Status,
    StatusChange,
    Theme,
)
from partnerships.seeding.places import PLACES, PlaceSpec
from partnerships.seeding.reviews import seed_appraisals, seed_logframes, seed_reviews
from strategy.financial_years import FinancialYear

KINDS = list(Partnership.Kind)
STATUSES = list(Status)
# How busy a link is in the activity log, by status (a dormant link was busy before it slept).
ACTIVITY_WEIGHT = {
    Status.ACTIVE: 3.0,
    Status.UNDER_REVIEW: 2.0,
    Status.DORMANT: 1.0,
    Status.ENDED: 1.0,
    Status.EXPLORING: 0.3,
    Status.APPROACH_RECEIVED: 0.0,
}
AGREEMENT_KIND = {
    Partnership.Kind.TWINNING: Agreement.Kind.CHARTER,
    Partnership.Kind.FRIENDSHIP: Agreement.Kind.FRIENDSHIP,
    Partnership.Kind.MOU: Agreement.Kind.MOU,
    Partnership.Kind.ECONOMIC_TWINNING: Agreement.Kind.MOU,
    Partnership.Kind.TECHNICAL: Agreement.Kind.MOU,
    Partnership.Kind.DEVELOPMENT: Agreement.Kind.MOU,
}


@dataclass
class SeededLink:
    """A link, its place, its dates, and the days between which it may have activities."""

    partnership: Partnership
    place: PlaceSpec
    changes: list[tuple[str, str, date, str]] = field(default_factory=list)  # from, to, on, reason
    explored: date | None = None
    formalised: date | None = None
    signed: date | None = None
    active_from: date | None = None  # None: no activities
    active_until: date | None = None

    def move(self, to: str, on: date, reason: str) -> date:
        """Record a move along the life cycle (each one allowed from the last: see ALLOWED_MOVES)."""
        from_status = self.changes[-1][1] if self.changes else ""
        self.changes.append((from_status, to, on, reason))
        return on

    def busy_in(self, year: FinancialYear) -> bool:
        return (
            bool(self.active_from)
            and self.active_from <= year.last_day
            and self.active_until >= year.first_day
        )


def seed_places(count: int) -> list[tuple[Place, PlaceSpec]]:
    """The first `count` places of PLACES (all of them at most)."""
    specs = PLACES[: max(1, min(count, len(PLACES)))]
    places = [
        Place(
            name=spec.name,
            country=spec.country,
            kind=spec.kind,
            latitude=spec.latitude,
            longitude=spec.longitude,
            source=f"{EXAMPLE_SOURCE}; coordinates are the place's approximate centre",
        )
        for spec in specs
    ]
    save_rows(Place, places)
    return list(zip(places, specs, strict=True))


def _later(rng: random.Random, after: date, at_least: int, at_most: int, today: date) -> date:
    return min(after + timedelta(days=rng.randint(at_least, at_most)), today)


def _history(
    rng: random.Random, seeded: SeededLink, index: int, first: date, last: date, today: date
) -> None:
    """The link's status history up to its status, and when it may have activities."""
    link, status = seeded.partnership, seeded.partnership.status
    recent = max(first, today - timedelta(days=300))
    if status in (Status.APPROACH_RECEIVED, Status.EXPLORING):
        approach = seeded.move(Status.APPROACH_RECEIVED, day_between(rng, recent, today), "Approach received")
        if status == Status.EXPLORING:
            seeded.explored = seeded.move(
                status, _later(rng, approach, 14, 60, today), "Exploratory visit agreed"
            )
            seeded.active_from, seeded.active_until = seeded.explored, last
        return
    if index % 4 != 3 or (today - first).days < 800:
        # Formalised before the register began: recorded as active on its first day.
        link.began_year = rng.randint(1960, first.year - 1)
        seeded.formalised = seeded.move(Status.ACTIVE, first, "Link recorded in the register")
        seeded.signed = date(link.began_year, rng.randint(1, 12), rng.randint(1, 28))
    else:  # approached, explored and formalised within the period
        approach = day_between(rng, first, today - timedelta(days=800))
        seeded.move(Status.APPROACH_RECEIVED, approach, "Approach received")
        seeded.explored = seeded.move(
            Status.EXPLORING, _later(rng, approach, 14, 90, today), "Exploratory visit"
        )
        seeded.formalised = seeded.move(
            Status.ACTIVE, _later(rng, seeded.explored, 60, 200, today), "Appraisal accepted: link formalised"
        )
        link.began_on, link.began_year, seeded.signed = (
            seeded.formalised,
            seeded.formalised.year,
            seeded.formalised,
        )
    seeded.active_from, seeded.active_until = seeded.formalised, last
    if status == Status.ACTIVE:
        return
    if status == Status.UNDER_REVIEW:
        moved = day_between(rng, max(seeded.formalised, today - timedelta(days=200)), today)
    else:
        moved = day_between(rng, min(seeded.formalised + timedelta(days=365), today), today)
    seeded.move(status, moved, f"Example: the working party found the link {Status(status).label.lower()}")
    if status in (Status.DORMANT, Status.ENDED):
        seeded.active_until = moved


def _depth(kind: str, status: str) -> str:
    if status in (Status.APPROACH_RECEIVED, Status.EXPLORING):
        return Partnership.Depth.EXPLORING
    if kind in (Partnership.Kind.TWINNING, Partnership.Kind.FRIENDSHIP, Partnership.Kind.ECONOMIC_TWINNING):
        return Partnership.Depth.STRATEGIC
    return Partnership.Depth.PROJECT


def seed_links(
    *, rng: random.Random, count: int, places: list, years: list[FinancialYear], users: list, today: date
) -> list[SeededLink]:
    """`count` links over `places`: kinds and statuses in turn (so every kind and every status appears
    once there are seven links), one live link of a kind per place, each with its status history."""
    if count > len(places) * len(KINDS):
        raise ValueError(f"At most {len(places) * len(KINDS)} live links over {len(places)} places")
    first, last = years[0].first_day, years[-1].last_day
    themes = save_rows(Theme, [Theme(name=name, description=text) for name, text in THEMES.items()])
    seeded_links = []
    for index in range(count):
        # Place i, i+n, i+2n... get kinds i, i+n, i+2n (mod 7): n is not a multiple of 7, so never twice.
        place, spec = places[index % len(places)]
        kind, status = KINDS[index % len(KINDS)], STATUSES[index % len(STATUSES)]
        link = Partnership(
            place=place,
            kind=kind,
            status=status,
            depth=_depth(kind, status),
            lead_officer=rng.choice(users),
            lead_councillor=f"Example Councillor {rng.randint(1, 40)}",
            source=EXAMPLE_SOURCE,
            summary=f"Example: a {Partnership.Kind(kind).label.lower()} with {spec.name}.",
        )
        seeded = SeededLink(link, spec)
        _history(rng, seeded, index, first, last, today)
        seeded_links.append(seeded)
    save_rows(Partnership, [seeded.partnership for seeded in seeded_links])
    through = Partnership.themes.through
    save_links(
        through,
        [
            through(partnership=seeded.partnership, theme=theme)
            for seeded in seeded_links
            for theme in rng.sample(themes, rng.randint(1, 3))
        ],
    )
    _status_changes(rng, seeded_links, users)
    _agreements(rng, seeded_links)
    _associations(seeded_links)
    _contacts(seeded_links)
    seed_reviews(rng=rng, links=seeded_links, years=years, users=users, today=today)
    seed_appraisals(rng=rng, links=seeded_links, users=users)
    seed_logframes(links=seeded_links)
    return seeded_links


def _status_changes(rng, seeded_links: list[SeededLink], users) -> None:
    rows = [
        StatusChange(
            partnership=seeded.partnership,
            from_status=from_status,
            to_status=to_status,
            changed_on=on,
            changed_by=rng.choice(users),
            reason=reason,
            recorded_at=moment_on(rng, on),
        )
        for seeded in seeded_links
        for from_status, to_status, on, reason in seeded.changes
    ]
    save_rows(StatusChange, rows, restore=["recorded_at"])


def _agreements(rng, seeded_links: list[SeededLink]) -> None:
    rows = []
    for seeded in seeded_links:
        kind = AGREEMENT_KIND.get(seeded.partnership.kind)
        if not seeded.signed or not kind:
            continue
        ends_on = None
        if kind == Agreement.Kind.MOU:
            ends_on = seeded.signed.replace(year=seeded.signed.year + rng.randint(3, 5))
        rows.append(
            Agreement(
                partnership=seeded.partnership,
                kind=kind,
                signed_on=seeded.signed,
                ends_on=ends_on,
                signatories=f"Example: the Lord Mayor\nExample: the Mayor of {seeded.place.name}",
                objectives="Example: exchanges between schools, civic and cultural links.",
                source=EXAMPLE_SOURCE,
            )
        )
    save_rows(Agreement, rows)


def _associations(seeded_links: list[SeededLink]) -> None:
    """A twinning association for each place with a twinning or friendship link, and its part in them."""
    organisations, roles = {}, []
    for seeded in seeded_links:
        if seeded.partnership.kind not in (Partnership.Kind.TWINNING, Partnership.Kind.FRIENDSHIP):
            continue
        name = seeded.place.name
        if name not in organisations:
            organisations[name] = Organisation(
                name=f"Example {name} Twinning Association",
                kind=Organisation.Kind.TWINNING_ASSOCIATION,
                source=EXAMPLE_SOURCE,
            )
        roles.append((seeded.partnership, organisations[name]))
    save_rows(Organisation, list(organisations.values()))
    save_rows(
        PartnershipOrganisation,
        [
            PartnershipOrganisation(
                partnership=link,
                organisation=organisation,
                source=EXAMPLE_SOURCE,
                role="Example: exchanges between schools, choirs and sports clubs",
            )
            for link, organisation in roles
        ],
    )


def _contacts(seeded_links: list[SeededLink]) -> None:
    """One contact at each partner place, kept for a stated purpose (personal data kept to a minimum)."""
    save_rows(
        Contact,
        [
            Contact(
                name=f"Example Contact {number}",
                role=f"International relations, {seeded.place.name}",
                email=f"contact{number}@example.org",
                partnership=seeded.partnership,
                purpose="Example: arranging visits and exchanges with the partner place",
            )
            for number, seeded in enumerate(seeded_links, start=1)
        ],
    )
