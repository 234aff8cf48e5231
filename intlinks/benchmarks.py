"""Benchmark scenarios for the project's own pages; each app may add a benchmarks.py like this one.

A scenario seeds `size` rows of whatever makes its page grow, and names the URL to time.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Scenario:
    name: str
    seed: Callable[[int], dict]  # creates the data for one size; returns what url() needs
    url: Callable[[dict], str]


def _seed_users(size: int) -> dict:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from intlinks.roles import OFFICER

    User = get_user_model()
    officers = Group.objects.get(name=OFFICER)
    users = User.objects.bulk_create(User(username=f"bench-user-{n}") for n in range(size))
    officers.user_set.add(*users)
    return {}


SCENARIOS = [
    Scenario("Start page (by number of users)", _seed_users, lambda context: "/"),
    Scenario("Health check", lambda size: {}, lambda context: "/healthz"),
]
