"""Benchmark scenarios for the project's own pages; each app may add a benchmarks.py like this one.

A scenario seeds `size` rows of whatever makes its page grow, and names the URL to time. A profile
page (`PROFILE_PAGES`) is timed on a whole synthetic council (`benchmark --profile large`): its url()
looks up, in the seeded database, the record worth timing (the busiest link, the latest plan).
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Scenario:
    name: str
    seed: Callable[[int], dict]  # creates the data for one size; returns what url() needs
    url: Callable[[dict], str]
    before: Callable[[], None] | None = None  # run before each timed request, outside the timing


@dataclass(frozen=True)
class ProfilePage:
    name: str
    url: Callable[[], str]  # called once the council is seeded
    before: Callable[[], None] | None = None  # e.g. `data_version.changed`: time a page computed afresh


def _seed_users(size: int) -> dict:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from intlinks.roles import OFFICER

    User = get_user_model()
    officers = Group.objects.get(name=OFFICER)
    users = User.objects.bulk_create(User(username=f"bench-user-{n}") for n in range(size))
    officers.user_set.add(*users)
    return {}


def _health_check_url(context: dict | None = None) -> str:
    """/healthz, after the heartbeat a running worker would have recorded (no worker runs here), so
    that the check answers 200: its database write and broker round trip are what is timed."""
    from intlinks.services import worker_heartbeat_record

    worker_heartbeat_record(worker="celery@benchmark")
    return "/healthz"


SCENARIOS = [
    Scenario("Start page (by number of users)", _seed_users, lambda context: "/"),
    Scenario("Health check", lambda size: {}, _health_check_url),
]


# Every profile run times /healthz too: the other pages are shown as multiples of it.
HEALTH_CHECK = ProfilePage("Health check", _health_check_url)
PROFILE_PAGES = [HEALTH_CHECK, ProfilePage("Start page", lambda: "/")]
