"""A synthetic council, written in bulk: `seed_council(profile=PROFILES["large"], seed=1)`.

The plan (strategies, action plans, budgets) comes from `strategy.seeding`, the rest from this
package: links (`links`), activities and costs (`activities`), gifts (`gifts`), funding (`funding`),
the conduct policies and breach flags (`conduct`), the working party's meetings and the twinning
associations' grant applications (`grants`). Everything is drawn from one `random.Random(seed)`
in a fixed order, so a seed and a day give the same records. The period ends with the financial
year of `today`, so pages that default to "this year and last" have data.

Seeding bypasses the services for speed, so each builder keeps the rules they check (and the tests
`full_clean` a sample of every model). It writes into an empty database only: `refusal()` says why not.
"""

import random
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from django.apps import apps
from django.db import connection, transaction
from django.utils import timezone

from intlinks.money import MAX_AMOUNT
from intlinks.roles import MEMBER, OFFICER
from intlinks.seeding import seed_users
from partnerships.seeding.activities import seed_activities
from partnerships.seeding.conduct import seed_policies
from partnerships.seeding.funding import seed_funding
from partnerships.seeding.gifts import seed_gifts
from partnerships.seeding.grants import seed_grants_and_meetings
from partnerships.seeding.links import seed_links, seed_places
from strategy.financial_years import FinancialYear, financial_year_of, years_between
from strategy.seeding import seed_action_plan, seed_budget, seed_indicators, seed_strategy, seed_themes

STRATEGY_YEARS = 4  # Kent's four-year strategic objectives


@dataclass(frozen=True)
class Profile:
    """The size of a synthetic council. The large one is issue 10's: 100 links, 20 years, 100,000
    activities (about 200,000 costs), 10,000 gifts."""

    name: str
    partnerships: int
    years: int
    activities_per_year: int
    gifts: int
    actions_per_plan: int = 12
    officers: int = 5
    bids_per_link: int = 2
    budget_per_activity: Decimal = Decimal("1500")  # the controllable total grows with the log
    grants_per_year: int = 12  # about three for each twinning association of the small profile
    meetings_per_year: int = 4  # of the working party
    members: int = 6  # of the working party

    def scaled(self, **sizes) -> "Profile":
        """The same shape with other sizes, e.g. a tiny large-shaped council for a test."""
        return replace(self, **sizes)


PROFILES = {
    "small": Profile(
        "small", partnerships=10, years=4, activities_per_year=50, gifts=60, actions_per_plan=12
    ),
    "large": Profile(
        "large",
        partnerships=100,
        years=20,
        activities_per_year=5000,
        gifts=10000,
        actions_per_plan=40,
        officers=25,
        grants_per_year=40,
        members=10,
    ),
}

# The apps whose records a synthetic council fills; seeding refuses when any of their tables has rows.
SEEDED_APPS = ("strategy", "partnerships")


def refusal() -> str:
    """Why the database cannot be seeded ("" when it can): it must hold no plan or register records."""
    held = [
        str(model._meta.verbose_name_plural)
        for app in SEEDED_APPS
        for model in apps.get_app_config(app).get_models()
        if not model.__name__.startswith("Historical") and model.objects.exists()
    ]
    if not held:
        return ""
    more = f" and {len(held) - 3} more kinds of record" if len(held) > 3 else ""
    return (
        f"The database already holds {', '.join(held[:3])}{more}: seed_scale fills an empty database "
        "only, so migrate a new one and seed that"
    )


@transaction.atomic
def seed_council(*, profile: Profile, seed: int = 1, today: date | None = None) -> None:
    """Fill an empty database with `profile`'s council, reproducibly from `seed`, in one transaction."""
    if reason := refusal():
        raise ValueError(reason)
    rng, today = random.Random(seed), today or timezone.localdate()
    last = financial_year_of(today)
    years = years_between(FinancialYear(last.start - profile.years + 1), last)
    users = seed_users(profile.officers, role=OFFICER)
    plans = _seed_plan(rng, profile, years, users, today)
    links = seed_links(
        rng=rng,
        count=profile.partnerships,
        places=seed_places(profile.partnerships),
        years=years,
        users=users,
        today=today,
    )
    policies = seed_policies(years)
    activities, grants_lines = [], {}
    for index, year in enumerate(years):
        # The busiest council's total would pass the one money ceiling a record may hold (issue 9).
        total = min(profile.budget_per_activity * profile.activities_per_year, MAX_AMOUNT)
        lines = seed_budget(financial_year=year.start, total=total)
        grants_lines[year.start] = lines["grants"]
        made = seed_activities(
            rng=rng,
            year=year,
            count=profile.activities_per_year,
            links=links,
            lines=lines,
            policies=policies,
            users=users,
            today=today,
            plan=plans.get(year.start),
        )
        seed_gifts(
            rng=rng,
            year=year,
            count=profile.gifts // len(years) + (index < profile.gifts % len(years)),
            links=links,
            activities=made,
            policies=policies,
            users=users,
            today=today,
        )
        activities.extend(made)
    seed_funding(rng=rng, per_link=profile.bids_per_link, links=links, activities=activities, today=today)
    seed_grants_and_meetings(
        rng=rng,
        years=years,
        per_year=profile.grants_per_year,
        meetings_per_year=profile.meetings_per_year,
        grants_lines=grants_lines,
        objectives={start: list(objectives) for start, (_, objectives) in plans.items()},
        links=links,
        officers=users,
        members=seed_users(profile.members, role=MEMBER),
        today=today,
    )
    transaction.on_commit(_analyze)


def _analyze() -> None:
    """Give the planner its statistics once the rows are committed. A live council's database has them
    (autovacuum keeps them); rows seeded a moment ago have none until autovacuum comes by, and without
    them a sum over 200,000 costs was planned as if the table were empty and took minutes."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _seed_plan(rng, profile: Profile, years, users, today) -> dict:
    """Four-year strategies over the period, each with its indicators and a plan for each of its years.

    Returns each year's (actions, objectives) for the activities to serve.
    """
    themes = seed_themes()
    plans = {}
    for first in range(0, len(years), STRATEGY_YEARS):
        period = years[first : first + STRATEGY_YEARS]
        seeded = seed_strategy(
            rng=rng,
            first_year=period[0].start,
            last_year=period[0].start + STRATEGY_YEARS - 1,
            themes=themes,
            today=today,
        )
        seed_indicators(rng=rng, seeded=seeded, today=today)
        for year in period:
            actions = seed_action_plan(
                rng=rng,
                seeded=seeded,
                financial_year=year.start,
                actions=profile.actions_per_plan,
                users=users,
                today=today,
            )
            plans[year.start] = (actions, seeded.objectives)
    return plans
