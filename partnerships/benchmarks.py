"""Benchmark scenarios for the register and the activity log (`manage.py benchmark` finds them).

Each seed grows what its page lists: links, one link's activities, all activities, gifts, or grant
applications. `bench_links`, `bench_activities` and `bench_grants` also seed reporting's scenarios.
"""

from datetime import date, timedelta
from decimal import Decimal

from intlinks.benchmarks import ProfilePage, Scenario
from intlinks.roles import OFFICER
from intlinks.seeding import seed_users


def bench_links(size: int) -> list:
    from partnerships.models import Partnership, Place

    places = Place.objects.bulk_create(Place(name=f"Bench place {n}", country="FR") for n in range(size))
    return Partnership.objects.bulk_create(
        Partnership(place=place, kind="twinning", status="active", began_year=1990) for place in places
    )


def bench_activities(size: int, link) -> list:
    """`size` activities on `link` in 2025/26, each with two costs (one breaks the travel rule) and a gift.

    The rows keep the services' rules: the budget's line adds up to its total, amounts in pounds come
    from the model's `in_pounds`, and the breach and gift flags from the real checks.
    """
    from partnerships.models import Activity, Cost, Gift, in_pounds
    from partnerships.seeding.conduct import flag_cost, flag_gift, seed_policies
    from strategy.financial_years import FinancialYear
    from strategy.seeding import LineSpec, seed_budget

    year = FinancialYear(2025)
    line = seed_budget(
        financial_year=year.start,
        total=Decimal("100000.00"),
        lines=[LineSpec("visits", "Visits", Decimal(1))],
    )["visits"]
    policies = seed_policies([year])
    start = date(2025, 5, 1)
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
        common = {"activity": activity, "incurred_on": activity.starts_on, "budget_line": line}
        venue = Cost(category="venue", amount=Decimal("100.00"), stage="actual", **common)
        travel = Cost(
            category="travel",
            amount=Decimal("900.00"),
            stage="planned",
            travel_class="business",
            journey_hours=Decimal("2"),  # business class for two hours: a breach
            **common,
        )
        for cost in (venue, travel):
            cost.currency, cost.rate_to_gbp = "GBP", Decimal("1")
            cost.amount_gbp = in_pounds(cost.amount, cost.rate_to_gbp)
            flag_cost(cost, policies)
            costs.append(cost)
    Cost.objects.bulk_create(costs)
    gifts = [
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
    ]
    for gift in gifts:
        flag_gift(gift, policies)
    Gift.objects.bulk_create(gifts)
    return activities


def bench_grants(size: int, *, on_agenda: bool = False) -> dict:
    """`size` grant applications from one twinning association, submitted and charged to the grants line
    of 2025/26; with `on_agenda`, all considered at one meeting (held on 20 June 2025).

    The rows keep the model's rules: a submitted application names its date and officer, and the
    agenda item its application.
    """
    from partnerships.models import AgendaItem, GrantApplication, Meeting, Organisation
    from strategy.seeding import LineSpec, seed_budget

    line = seed_budget(
        financial_year=2025,
        total=Decimal("100000.00"),
        lines=[LineSpec("grants", "Grants to twinning associations", Decimal(1), True)],
    )["grants"]
    officer = seed_users(1, role=OFFICER)[0]
    association = Organisation.objects.create(
        name="Bench Twinning Association", kind=Organisation.Kind.TWINNING_ASSOCIATION
    )
    meeting = Meeting.objects.create(held_on=date(2025, 6, 20))
    applications = GrantApplication.objects.bulk_create(
        GrantApplication(
            organisation=association,
            title=f"Bench exchange {n}",
            purpose="Benchmark",
            amount_requested=Decimal("500.00"),
            budget_line=line,
            state=GrantApplication.State.CONSIDERED if on_agenda else GrantApplication.State.SUBMITTED,
            submitted_on=date(2025, 6, 1),
            submitted_by=officer,
            recorded_by=officer,
        )
        for n in range(size)
    )
    if on_agenda:
        AgendaItem.objects.bulk_create(
            AgendaItem(meeting=meeting, position=n, kind=AgendaItem.Kind.GRANT, grant_application=application)
            for n, application in enumerate(applications)
        )
    return {"meeting": meeting.pk}


def _seed_links(size: int) -> dict:
    bench_links(size)
    return {}


def _seed_link_page(size: int) -> dict:
    link = bench_links(1)[0]
    bench_activities(size, link)
    return {"link": link.pk}


def _seed_activities(size: int) -> dict:
    bench_activities(size, bench_links(1)[0])
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
    Scenario("Grant applications (by applications)", bench_grants, lambda context: "/partnerships/grants/"),
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
    ProfilePage("Grant applications", lambda: "/partnerships/grants/"),
]


def _last_full_year() -> str:
    from django.utils import timezone

    from strategy.financial_years import financial_year_of

    last_full_year = financial_year_of(timezone.localdate()).start - 1
    return f"/partnerships/activities/export.csv?financial_year={last_full_year}"


# CSV exports timed on the synthetic council (`benchmark --profile`), streamed to the end, apart from the
# pages: one year's activities beside all twenty shows the memory does not grow with the rows.
PROFILE_EXPORTS = [
    ProfilePage("Activities CSV, all years", lambda: "/partnerships/activities/export.csv"),
    ProfilePage("Activities CSV, last full financial year", _last_full_year),
    ProfilePage("Gifts and hospitality CSV", lambda: "/partnerships/activities/gifts/export.csv"),
    ProfilePage("Partnerships CSV", lambda: "/partnerships/export.csv"),
]
