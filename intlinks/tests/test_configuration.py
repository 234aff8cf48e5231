"""The settings read from the environment, run as a newcomer or an operator would run them."""

import os
import subprocess
import sys

from django.conf import settings

PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "a-production-like-secret-key-of-fifty-or-more-characters-1234567890-abcdef",
    "ALLOWED_HOSTS": "intlinks.example.gov.uk",
    "DATABASE_URL": "postgres:///intlinks",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def manage(*args, **environment):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {*PRODUCTION, "SECURE_SSL_REDIRECT", "SECURE_COOKIES", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**clean, **environment},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_is_clean_with_production_values():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_refuses_to_start_without_secret_key_when_debug_is_off():
    result = manage("check", **{**PRODUCTION, "SECRET_KEY": ""})

    assert result.returncode != 0
    assert result.stderr.strip() == "Configuration error: SECRET_KEY must be set when DEBUG is off"


def test_a_malformed_database_url_gives_one_line_naming_the_setting():
    result = manage("check", **{**PRODUCTION, "DATABASE_URL": "nonsense://what"})

    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Configuration error: DATABASE_URL")


def test_an_unreachable_database_gives_one_line_naming_the_setting():
    result = manage(
        "check_services", "--start-up", **{**PRODUCTION, "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none"}
    )

    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("CommandError: DATABASE_URL: the database does not answer")
    assert "Traceback" not in result.stderr


def test_an_unreachable_redis_gives_one_line_naming_the_setting():
    result = manage("check_services", "--start-up", **{**PRODUCTION, "REDIS_URL": "redis://127.0.0.1:1/0"})

    assert result.returncode != 0
    assert result.stderr.strip().startswith(
        "CommandError: REDIS_URL: the Celery broker does not take a message"
    )
    assert "Traceback" not in result.stderr


def test_embedded_default_uses_sqlite_and_a_filesystem_broker(tmp_path):
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings as s; print(s.DATABASES['default']['ENGINE'], s.CELERY_BROKER_URL)",
        DEBUG="true",
        INTLINKS_VAR_DIR=str(tmp_path),
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["django.db.backends.sqlite3", "filesystem://"]
