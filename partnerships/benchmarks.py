"""Benchmark scenarios for the register and the activity log (`manage.py benchmark` finds them).

Each seed grows what its page lists: links, one link's activities, all activities, or gifts.
"""

from datetime import date, timedelta
from decimal import Decimal

from intlinks.benchmarks import ProfilePage, Scenario


def _links(size: int) -> list:
    from partnerships.models import Partnership, Place

    places = Place.objects.bulk_create(Place(name=f"Bench place {n}", country="FR") for n in range(size))
    return Partnership.objects.bulk_create(
        Partnership(place=place, kind="twinning", status="active", began_year=1990) for place in places
    )


def _activities(size: int, link) -> list:
    """`size` activities on `link`, each with two costs (one breach) and a gift."""
    from partnerships.models import Activity, Cost, Gift
    from strategy.models import Budget, BudgetLine

    budget = Budget.objects.create(financial_year=2026, controllable_total=Decimal("100000.00"))
    line = BudgetLine.objects.create(budget=budget, name="Visits", allocation=Decimal("50000.00"))
    start = date(2026, 5, 1)
    activities = Activity.objects.bulk_create(
        Activity(
            partnership=link,
            kind="outgoing_visit",
            title=f"Bench visit {n}",
            starts_on=start + timedelta(days=n % 300),
            ends_on=start + timedelta(days=n % 300 + 2),
            purpose="Benchmark",
            expected_benefit="Benchmark",
        )
        for n in range(size)
    )
    costs = []
    for activity in activities:
        common = {
            "activity": activity,
            "incurred_on": activity.starts_on,
            "budget_line": line,
            "currency": "GBP",
        }
        costs.append(
            Cost(
                category="venue",
                amount=Decimal("100.00"),
                amount_gbp=Decimal("100.00"),
                rate_to_gbp=1,
                stage="actual",
                **common,
            )
        )
        costs.append(
            Cost(
                category="travel",
                amount=Decimal("900.00"),
                amount_gbp=Decimal("900.00"),
                rate_to_gbp=1,
                stage="planned",
                travel_class="business",
                journey_hours=Decimal("2"),
                breach="Business class",
                **common,
            )
        )
    Cost.objects.bulk_create(costs)
    Gift.objects.bulk_create(
        Gift(
            direction="received" if n % 2 else "given",
            counterparty=f"Source {n % 7}",
            counterparty_kind="public",
            partnership=link,
            activity=activity,
            description=f"Bench gift {n}",
            value=Decimal("40.00"),
            given_on=activity.starts_on,
            registered_on=activity.starts_on + timedelta(days=n % 40),
        )
        for n, activity in enumerate(activities)
    )
    return activities


def _seed_links(size: int) -> dict:
    _links(size)
    return {}


def _seed_link_page(size: int) -> dict:
    link = _links(1)[0]
    _activities(size, link)
    return {"link": link.pk}


def _seed_activities(size: int) -> dict:
    _activities(size, _links(1)[0])
    return {}


SCENARIOS = [
    Scenario("Partnerships list (by links)", _seed_links, lambda context: "/partnerships/"),
    Scenario(
        "Partnership page (by activities and gifts)",
        _seed_link_page,
        lambda context: f"/partnerships/{context['link']}/",
    ),
    Scenario("Activity list (by activities)", _seed_activities, lambda context: "/partnerships/activities/"),
    Scenario(
        "Gifts and hospitality register (by gifts)",
        _seed_activities,
        lambda context: "/partnerships/activities/gifts/",
    ),
]


def _busiest_link() -> str:
    from django.db.models import Count

    from partnerships.models import Partnership

    link = Partnership.objects.annotate(n=Count("activities")).order_by("-n", "pk").first()
    return f"/partnerships/{link.pk}/"


def _latest_activity() -> str:
    from partnerships.models import Activity

    return f"/partnerships/activities/{Activity.objects.order_by('-starts_on', '-pk').first().pk}/"


# Pages timed on a whole synthetic council (`benchmark --profile`); CSV exports are measured apart.
PROFILE_PAGES = [
    ProfilePage("Partnerships list", lambda: "/partnerships/"),
    ProfilePage("Map of partner places", lambda: "/partnerships/map/"),
    ProfilePage("Partnership page (the busiest link)", _busiest_link),
    ProfilePage("Activities list", lambda: "/partnerships/activities/"),
    ProfilePage("Activity page (the latest)", _latest_activity),
    ProfilePage("Needs attention", lambda: "/partnerships/activities/attention/"),
    ProfilePage("Gifts and hospitality register", lambda: "/partnerships/activities/gifts/"),
    ProfilePage("External funding", lambda: "/partnerships/activities/funding/"),
]
