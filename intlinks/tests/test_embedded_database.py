"""The embedded default (`make run`): SQLite in WAL mode with a busy timeout. A short lock is waited
for; a lock longer than the timeout, or a database that refuses writes, gives a page that says the
service is busy or unavailable, and /healthz fails on the database; never a traceback."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

pytestmark = pytest.mark.faults

SCENARIO_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "tests-only-secret-key-not-for-any-real-deployment-0123456789",
    "ALLOWED_HOSTS": "testserver",
    "SECURE_SSL_REDIRECT": "false",
    "SECURE_COOKIES": "false",
    "REDIS_URL": "",
}


def play(scenario: str, tmp_path, *, busy_timeout: int) -> dict:
    """Run `intlinks.tests.embedded <scenario>` on a new SQLite file under tmp_path; its answers."""
    environment = {
        **os.environ,
        **SCENARIO_ENV,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'intlinks.sqlite3'}",
        "INTLINKS_VAR_DIR": str(tmp_path),
        "SQLITE_BUSY_TIMEOUT": str(busy_timeout),
    }
    done = subprocess.run(
        [sys.executable, "-m", "intlinks.tests.embedded", scenario],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_embedded_database_runs_in_wal_mode_with_a_busy_timeout(tmp_path):
    result = play("pragmas", tmp_path, busy_timeout=7)

    assert result == {"journal_mode": "wal", "busy_timeout_ms": 7000}


def test_a_lock_longer_than_the_busy_timeout_gives_the_busy_page_and_fails_the_health_check(tmp_path):
    result = play("locked", tmp_path, busy_timeout=1)

    assert result["read"]["status"] == 200  # WAL: reading goes on beside the writer
    assert result["sign_in"]["status"] == 503
    assert "Sorry, the service is busy" in result["sign_in"]["body"]
    assert "Traceback" not in result["sign_in"]["body"]
    assert "database is locked" not in result["sign_in"]["body"]
    assert result["health"]["status"] == 503
    assert json.loads(result["health"]["body"]) == {
        "database": "failing",
        "broker": "ok",
        "worker": "ok",
        "status": "failing: database",
    }
    assert result["after"]["status"] == 302  # signed in once the lock is gone


def test_a_lock_shorter_than_the_busy_timeout_is_waited_for(tmp_path):
    result = play("short_lock", tmp_path, busy_timeout=30)

    assert result["locked_before"] is True
    assert result["sign_in"]["status"] == 302


def test_a_database_that_refuses_writes_gives_the_unavailable_page_and_fails_the_health_check(tmp_path):
    result = play("read_only", tmp_path, busy_timeout=1)

    assert result["sign_in"]["status"] == 503
    assert "Sorry, the service is unavailable" in result["sign_in"]["body"]
    assert "readonly" not in result["sign_in"]["body"]
    assert json.loads(result["health"]["body"])["database"] == "failing"
