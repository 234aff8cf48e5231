from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from intlinks.demo import demo_accounts_ensure, demo_password
from intlinks.roles import DOMAIN_APPS


class Command(BaseCommand):
    help = "Load the demonstration accounts and data. Safe to run twice; refused under production settings."

    def handle(self, *args, **options):
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError(
                "Demonstration data is loaded only with DEBUG on, never under production settings."
            )
        accounts = demo_accounts_ensure()
        # Each domain app may have a demo module with load(stdout); the plan loads before what happens.
        for app in DOMAIN_APPS:
            if find_spec(f"{app}.demo"):
                import_module(f"{app}.demo").load(self.stdout)
        self.stdout.write("Demonstration accounts (sign in at /sign-in/):")
        for account in accounts:
            password = demo_password() if account.created else f"{demo_password()} (as when first created)"
            self.stdout.write(f"  {account.username:<8} {account.role:<22} password: {password}")
        self.stdout.write(two_factor_note())


def two_factor_note() -> str:
    """What the demonstration admin meets at sign-in (docs/adr/0020)."""
    if settings.TWO_FACTOR_REQUIRED:
        return (
            "admin also gives a code from an authenticator app: the first sign-in shows the QR code "
            "and key to set one up."
        )
    return (
        "Two-factor sign-in for Administrators is off in this embedded run (DEBUG on): admin signs in "
        "with the password alone. TWO_FACTOR_REQUIRED=true turns it on, as it is in production."
    )
