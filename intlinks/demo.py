"""The demonstration accounts, one per role, for the embedded run only."""

import os
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from intlinks.roles import ROLES

DEFAULT_DEMO_PASSWORD = "intlinks-demo"

# Plainly labelled as examples, so nobody mistakes a demonstration account for a real person.
DEMO_NAMES = {
    "officer": ("Example", "Officer"),
    "member": ("Example", "Councillor"),
    "clerk": ("Example", "Clerk"),
    "admin": ("Example", "Administrator"),
}


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    created: bool


def demo_password() -> str:
    return os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD


@transaction.atomic
def demo_accounts_ensure() -> list[DemoAccount]:
    """Create the missing demonstration accounts; existing ones, and their passwords, are kept."""
    User = get_user_model()
    accounts = []
    for role in ROLES:
        first_name, last_name = DEMO_NAMES[role.username]
        user, created = User.objects.get_or_create(
            username=role.username,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{role.username}@example.gov.uk",
                "is_staff": role.staff,
            },
        )
        if created:
            user.set_password(demo_password())
            user.save()
        user.groups.add(Group.objects.get(name=role.name))
        accounts.append(DemoAccount(role.username, role.name, created))
    return accounts
