"""Upgrading a council's database from an earlier release: a migration that makes a column required
must fill it in the history tables too, or `migrate` stops half-way on any database that has history.

Found by starting `make run` on the embedded database of an earlier session: migration 0012 filled the
new premium economy hours of the conduct policies but not of their history rows, so making the column
NOT NULL failed. Run in a process of its own on a SQLite file, as `make run` would be."""

import json
import os
import subprocess
import sys
from decimal import Decimal

from django.conf import settings

UPGRADE = """
import json
import django
django.setup()
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

before = ("partnerships", "0011_conduct_meals_repayment_premium_economy_gift_person")
call_command("migrate", *before, verbosity=0)
old = MigrationExecutor(connection).loader.project_state(before).apps
values = dict(
    in_force_from="2016-04-01", business_class_min_hours="8.0", subsistence_per_meal="30.00",
    subsistence_per_day="60.00", gift_registration_threshold="25.00", gift_handover_threshold="100.00",
)
policy = old.get_model("partnerships", "ConductPolicy").objects.create(**values)
old.get_model("partnerships", "HistoricalConductPolicy").objects.create(
    id=policy.pk, **values, history_date="2016-04-01T09:00:00Z", history_type="+"
)
call_command("migrate", verbosity=0)
from partnerships.models import ConductPolicy
print(json.dumps({
    "policy": str(ConductPolicy.objects.get().premium_economy_min_hours),
    "history": [str(row.premium_economy_min_hours) for row in ConductPolicy.history.all()],
}))
"""


def test_an_earlier_releases_database_with_conduct_policy_history_upgrades(tmp_path):
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'earlier.sqlite3'}",
        "INTLINKS_VAR_DIR": str(tmp_path),
        "REDIS_URL": "",
    }
    done = subprocess.run(
        [sys.executable, "-c", UPGRADE],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )

    assert done.returncode == 0, done.stderr[-3000:]
    upgraded = json.loads(done.stdout.strip().splitlines()[-1])
    assert Decimal(upgraded["policy"]) == Decimal("8.0")
    assert [Decimal(hours) for hours in upgraded["history"]] == [Decimal("8.0")]
