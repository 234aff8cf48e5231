"""The embedded default's SQLite file under a fault, in a process of its own (the suite's database is
PostgreSQL): `python -m intlinks.tests.embedded <scenario>` builds the schema from the models, plays the
scenario with Django's test client and prints what each request answered, as JSON, on its last line.

Run with DATABASE_URL=sqlite:///<file>, INTLINKS_VAR_DIR and SQLITE_BUSY_TIMEOUT set by the test.
"""

import json
import os
import sqlite3
import sys
import threading
from collections.abc import Callable

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intlinks.settings")
django.setup()

from django.conf import settings  # noqa: E402  (after django.setup(), as a script must)
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from intlinks.services import worker_heartbeat_record  # noqa: E402

USERNAME, PASSWORD = "officer", "correct-horse-battery-staple"


class WithoutMigrations(dict):
    """Every app's tables straight from its models (as the test runner's MIGRATE: False does): the
    migrations take minutes on SQLite and are not what is tested here."""

    def __contains__(self, app):
        return True

    def __getitem__(self, app):
        return None


def build_database() -> None:
    settings.MIGRATION_MODULES = WithoutMigrations()
    # Static files by plain name, as the suite's conftest does: no collectstatic manifest here.
    static = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    settings.STORAGES = {**settings.STORAGES, "staticfiles": static}
    call_command("migrate", run_syncdb=True, verbosity=0)
    get_user_model().objects.create_user(username=USERNAME, password=PASSWORD)
    worker_heartbeat_record(worker="celery@embedded")
    connection.close()


def answer(response) -> dict:
    return {
        "status": response.status_code,
        "body": response.content.decode(),
        "headers": dict(response.items()),
    }


def sign_in(client: Client) -> dict:
    return answer(client.post("/sign-in/", {"username": USERNAME, "password": PASSWORD}))


def write_lock_is_held() -> bool:
    probe = sqlite3.connect(settings.DATABASES["default"]["NAME"], isolation_level=None, timeout=0)
    try:
        probe.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError:
        return True
    probe.execute("ROLLBACK")
    return False


def hold_write_lock(*, seconds: float = 0) -> sqlite3.Connection:
    """Another connection takes SQLite's write lock (BEGIN IMMEDIATE), as a long save would."""
    name = settings.DATABASES["default"]["NAME"]
    other = sqlite3.connect(name, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    if seconds:
        threading.Timer(seconds, other.execute, ["COMMIT"]).start()
    return other


def locked() -> dict:
    """The lock outlasts the busy timeout: pages still read (WAL), writes get the busy page."""
    client = Client(raise_request_exception=False)
    other = hold_write_lock()
    result = {
        "read": answer(client.get("/sign-in/")),
        "sign_in": sign_in(client),
        "health": answer(client.get("/healthz")),
    }
    other.execute("ROLLBACK")
    result["after"] = sign_in(client)
    return result


def short_lock() -> dict:
    """The lock is released well within the busy timeout: the sign-in waits for it and succeeds."""
    client = Client(raise_request_exception=False)
    hold_write_lock(seconds=1)
    return {"locked_before": write_lock_is_held(), "sign_in": sign_in(client)}


def read_only() -> dict:
    """SQLite refuses every write (query_only, as a read-only file would; root ignores file modes)."""
    connection.settings_dict["OPTIONS"]["init_command"] += "PRAGMA query_only=ON;"
    connection.close()
    client = Client(raise_request_exception=False)
    return {"sign_in": sign_in(client), "health": answer(client.get("/healthz"))}


def pragmas() -> dict:
    """What the connection Django opens is set to."""
    with connection.cursor() as cursor:
        journal_mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
        busy_timeout_ms = cursor.execute("PRAGMA busy_timeout").fetchone()[0]
    return {"journal_mode": journal_mode, "busy_timeout_ms": busy_timeout_ms}


SCENARIOS: dict[str, Callable[[], dict]] = {
    "pragmas": pragmas,
    "locked": locked,
    "short_lock": short_lock,
    "read_only": read_only,
}

if __name__ == "__main__":
    build_database()
    print(json.dumps(SCENARIOS[sys.argv[1]]()))
