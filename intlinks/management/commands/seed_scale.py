"""`manage.py seed_scale --profile small|large [--seed N]`: a synthetic council in an empty database.

It lives beside `benchmark` and `load_demo` because it spans the apps (the plan and the register);
the records themselves are built by each app's `seeding` package.

It refuses a database that already holds plan or register records, whatever DEBUG says: `make bench`
runs it with DEBUG off on a throwaway database, and a council's real database is never empty, so
"empty" is the guard that protects real records.
"""

import time

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError

from partnerships.seeding import PROFILES, SEEDED_APPS, refusal, seed_council


class Command(BaseCommand):
    help = "Fill an empty database with a synthetic council (every record labelled as an example)."

    def add_arguments(self, parser):
        parser.add_argument("--profile", choices=sorted(PROFILES), required=True)
        parser.add_argument("--seed", type=int, default=1, help="The same seed gives the same records")

    def handle(self, *args, profile, seed, **options):
        if reason := refusal():
            raise CommandError(reason)
        started = time.perf_counter()
        seed_council(profile=PROFILES[profile], seed=seed)
        seconds = time.perf_counter() - started
        self.stdout.write(f"Seeded the {profile} profile (seed {seed}) in {seconds:.1f} s:")
        self.stdout.write(f"  {'model':<42} {'rows':>9} {'history':>9}")
        for label, rows, history in row_counts():
            self.stdout.write(f"  {label:<42} {rows:>9,} {history:>9}")


def row_counts() -> list[tuple[str, int, str]]:
    """(model, rows, rows of its history or "-") for every model of the seeded apps, with m2m tables."""
    counts = []
    for app in SEEDED_APPS:
        for model in apps.get_app_config(app).get_models(include_auto_created=True):
            if model.__name__.startswith("Historical"):
                continue
            history = getattr(model, "history", None)
            history_rows = f"{history.count():,}" if history is not None else "-"
            counts.append((model._meta.label, model.objects.count(), history_rows))
    return counts
