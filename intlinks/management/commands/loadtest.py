"""`manage.py loadtest` (`make load`): signed-in users against gunicorn on a seeded large council.

In a throwaway PostgreSQL database of its own (`<DATABASE NAME>_load`, as `benchmark` uses a test
database): migrate, seed the profile (`seed_council`, which ends with ANALYZE), create the accounts,
start gunicorn with two workers on 127.0.0.1, run `loadtest/locustfile.py` headless (every user signs
in, then the timed seconds of pages), stop both by their process ids, drop the database (unless
`--keep-database`) and print the errors and the median and 95th percentile per kind of request; gunicorn's
log and locust's figures, second by second, stay in var/load/. Exits non-zero when a
request failed or a 95th percentile of a page (not of signing in, whose password hash is slow on
purpose and happens once per user) passed the target.
"""

import csv
import os
import signal
import subprocess
import sys
import time
import urllib.request
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test.utils import setup_test_environment, teardown_test_environment

from intlinks.roles import MEMBER, OFFICER
from partnerships.models import Partnership, Status
from partnerships.seeding import PROFILES, seed_council

LOCUSTFILE = settings.BASE_DIR / "loadtest" / "locustfile.py"
TARGET_P95_MS = 500
PASSWORD = "load-test-password-not-for-any-real-account"


class Command(BaseCommand):
    help = "Load test: 25 signed-in users for 60 s against gunicorn on a seeded council; prints p50/p95."

    def add_arguments(self, parser):
        parser.add_argument("--profile", choices=sorted(PROFILES), default="large")
        parser.add_argument("--users", type=int, default=25)
        parser.add_argument("--seconds", type=int, default=60)
        parser.add_argument("--port", type=int, default=8765)
        parser.add_argument(
            "--keep-database",
            action="store_true",
            help="keep the seeded database after the run, and use it again in the next (saves seeding)",
        )

    def handle(self, *args, profile, users, seconds, port, keep_database, **options):
        if connection.vendor != "postgresql":
            raise CommandError("The load test runs on PostgreSQL: set DATABASE_URL")
        setup_test_environment()
        connection.settings_dict["TEST"]["NAME"] = f"{connection.settings_dict['NAME']}_load"
        old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=keep_database)
        try:
            if Partnership.objects.exists():
                self.stdout.write(
                    f"Using the council seeded by an earlier run ({connection.settings_dict['NAME']})"
                )
            else:
                started = time.perf_counter()
                seed_council(profile=PROFILES[profile], seed=1)
                self.stdout.write(f"Seeded the {profile} profile in {time.perf_counter() - started:.0f} s")
            environment = self.load_environment(users, seconds)
            connection.close()  # gunicorn and the seeded rows: nothing of ours holds a lock
            # Kept after the run for a closer look: gunicorn's log, and locust's figures second by second.
            folder = settings.VAR_DIR / "load"
            folder.mkdir(parents=True, exist_ok=True)
            rows = self.run(environment, users, seconds, port, folder)
        finally:
            stop_leftover_sessions()
            connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=keep_database)
            teardown_test_environment()
        self.report(rows, users, seconds, profile)

    def load_environment(self, users: int, seconds: int) -> dict:
        """The accounts and links the locustfile uses, and the settings gunicorn serves with."""
        members = [self.account(f"load-member-{n}", MEMBER) for n in range(users)]
        officers = [self.account(f"load-officer-{n}", OFFICER) for n in range(users)]
        links = Partnership.objects.filter(status=Status.ACTIVE, archived_at__isnull=True)
        database = connection.settings_dict
        credentials = f"{database['USER']}:{database['PASSWORD']}@" if database.get("USER") else ""
        host = (
            f"{database.get('HOST') or ''}:{database['PORT']}"
            if database.get("PORT")
            else database.get("HOST", "")
        )
        return {
            **os.environ,
            "DATABASE_URL": f"postgres://{credentials}{host}/{database['NAME']}",
            "DEBUG": "false",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_COOKIES": "false",
            "LOAD_PASSWORD": PASSWORD,
            "LOAD_USERS": str(users),
            "LOAD_SECONDS": str(seconds),
            "LOAD_MEMBERS": ",".join(members),
            "LOAD_OFFICERS": ",".join(officers),
            "LOAD_PARTNERSHIPS": ",".join(str(pk) for pk in links.values_list("pk", flat=True)[:50]),
        }

    def account(self, username: str, role: str) -> str:
        user, new = get_user_model().objects.get_or_create(username=username)
        if new:
            user.set_password(PASSWORD)
            user.save()
            user.groups.add(Group.objects.get(name=role))
        return username

    def run(self, environment: dict, users: int, seconds: int, port: int, folder: Path) -> list[dict]:
        venv = Path(sys.executable).parent
        gunicorn = subprocess.Popen(
            [venv / "gunicorn", "intlinks.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
            cwd=settings.BASE_DIR,
            env=environment,
            stdout=(folder / "gunicorn.log").open("w"),
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until_serving(f"http://127.0.0.1:{port}/sign-in/")
            command = [venv / "locust", "--locustfile", LOCUSTFILE, "--headless", "--only-summary"]
            command += [
                "--host",
                f"http://127.0.0.1:{port}",
                "--users",
                str(users),
                "--spawn-rate",
                str(users),
            ]
            # The locustfile ends the run `seconds` after the last sign-in; --run-time is a safety net.
            command += ["--run-time", f"{seconds + 60}s", "--csv", folder / "load", "--csv-full-history"]
            command += ["--stop-timeout", "5"]
            subprocess.run(
                command, cwd=settings.BASE_DIR, env=environment, check=False, timeout=seconds + 180
            )
        finally:
            gunicorn.send_signal(signal.SIGTERM)
            gunicorn.wait(timeout=30)
        errors = (folder / "gunicorn.log").read_text()
        if "Traceback" in errors:
            self.stderr.write(errors[-4000:])
        with (folder / "load_stats.csv").open() as stats:
            return list(csv.DictReader(stats))

    def report(self, rows: list[dict], users: int, seconds: int, profile: str) -> None:
        self.stdout.write(f"\n{users} users for {seconds} s on the {profile} profile; load average {load()}")
        self.stdout.write(
            "| kind | requests | errors | p50 ms | p95 ms |\n| --- | ---: | ---: | ---: | ---: |"
        )
        failed = []
        for row in rows:
            name = row["Name"] or "all"
            name = "all requests" if row["Name"] == "Aggregated" else name
            self.stdout.write(
                f"| {name} | {row['Request Count']} | {row['Failure Count']} | {row['50%']} | {row['95%']} |"
            )
            slow = row["95%"] not in ("", "N/A") and Decimal(row["95%"]) > TARGET_P95_MS
            # Signing in hashes a password (slow on purpose) once per user: timed, not held to the target.
            held_to_target = not name.startswith("sign in") and name != "all requests"
            if int(row["Failure Count"]) or (slow and held_to_target):
                failed.append(name)
        if failed:
            raise CommandError(
                f"Missed the target (no errors, p95 under {TARGET_P95_MS} ms): {', '.join(failed)}"
            )


def wait_until_serving(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 (our own server on 127.0.0.1)
            return
        except OSError:
            time.sleep(0.3)
    raise CommandError(f"gunicorn did not answer {url} within {seconds:.0f} s")


def load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def stop_leftover_sessions() -> None:
    """End the load database's other sessions (a query a stopped gunicorn worker left running), so that
    the database can be dropped."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
