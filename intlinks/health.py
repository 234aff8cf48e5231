"""Checks of the services intlinks depends on, each naming the setting that points at it.

Used by /healthz and by `manage.py check_services`, which `make run` calls before anything else.
"""

from pathlib import Path

from django.conf import settings
from django.db import connection


def database_problem() -> str | None:
    """None when the database answers, else a one-line reason naming DATABASE_URL."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:  # every driver has its own exception types
        return f"DATABASE_URL: the database does not answer ({_first_line(error)})"
    return None


def broker_problem() -> str | None:
    """None when the Celery broker answers, else a one-line reason naming REDIS_URL."""
    if not settings.REDIS_URL:
        return _filesystem_broker_problem()
    from intlinks.celery import app

    try:
        with app.connection_for_write(url=settings.CELERY_BROKER_URL) as broker:
            broker.ensure_connection(max_retries=1, interval_start=0, timeout=3)
    except Exception as error:  # kombu wraps transport errors in several types
        return f"REDIS_URL: the Celery broker does not answer ({_first_line(error)})"
    return None


def _filesystem_broker_problem() -> str | None:
    folder = Path(settings.CELERY_BROKER_FOLDER)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        Path(settings.CELERY_BROKER_PROCESSED_FOLDER).mkdir(parents=True, exist_ok=True)
        probe = folder / ".health-probe"
        probe.write_text("ok")
        probe.unlink()
    except OSError as error:
        return f"REDIS_URL is unset and the embedded broker folder {folder} is not writable ({error})"
    return None


def _first_line(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]
