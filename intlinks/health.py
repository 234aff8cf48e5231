"""Checks of the parts intlinks depends on, each proving the part does its job, not merely answers.

Used by /healthz and by `manage.py check_services`. Each check returns None when the part works, else a
one-line reason naming the setting that points at it: the reason may name a path or quote a driver's
error, so only the command and a signed-in Administrator see it (`intlinks.views.healthz`).
"""

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import Max
from django.utils import timezone

from intlinks.models import WorkerHeartbeat

# The name of the heartbeat row the database check writes and rolls back; no worker is called this.
WRITE_PROBE = "health-check-write-probe"
# The Redis key of the broker check's round trip, with a token of its own so that two checks never meet.
BROKER_PROBE_KEY = "intlinks:health-probe:{token}"
BROKER_TIMEOUT_SECONDS = 3


@dataclass(frozen=True)
class Check:
    part: str
    problem: str | None

    @property
    def ok(self) -> bool:
        return self.problem is None


def service_checks(*, start_up: bool = False) -> list[Check]:
    """Every part's check: the database takes a write, the broker a message, a worker beats.

    At start-up (before `migrate` and before the worker runs) the database need only answer, and the
    worker is not checked: there is no table to write to yet, and no worker to beat.
    """
    database = database_answer_problem() if start_up else database_problem()
    checks = [Check("database", database), Check("broker", broker_problem())]
    if not start_up:
        checks.append(Check("worker", worker_problem()))
    return checks


def database_answer_problem() -> str | None:
    """None when the database answers a query, else the reason naming DATABASE_URL."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:  # every driver has its own exception types
        return f"DATABASE_URL: the database does not answer ({_first_line(error)})"
    return None


def database_problem() -> str | None:
    """None when the database accepts a write (a heartbeat row, rolled back), else the reason.

    A query alone is not enough: a read-only or locked database answers it and still fails every save.
    """
    try:
        with transaction.atomic():
            WorkerHeartbeat.objects.create(worker=WRITE_PROBE, seen_at=timezone.now())
            transaction.set_rollback(True)
    except Exception as error:  # every driver has its own exception types
        return f"DATABASE_URL: the database does not accept a write ({_first_line(error)})"
    return None


def broker_problem() -> str | None:
    """None when the Celery broker takes a message and gives it back, else the reason."""
    if not settings.REDIS_URL:
        return _filesystem_broker_problem()
    import redis

    token = secrets.token_hex(8)
    key = BROKER_PROBE_KEY.format(token=token)
    client = redis.Redis.from_url(
        settings.CELERY_BROKER_URL,
        socket_timeout=BROKER_TIMEOUT_SECONDS,
        socket_connect_timeout=BROKER_TIMEOUT_SECONDS,
    )
    try:
        # One MULTI: push, expire (should the pop never run), pop; the token must come back.
        pushed, _, popped = client.pipeline().lpush(key, token).expire(key, 60).lpop(key).execute()
    except Exception as error:  # redis-py raises several types (connection, read-only replica, OOM)
        return f"REDIS_URL: the Celery broker does not take a message ({_first_line(error)})"
    finally:
        client.close()
    if popped != token.encode():
        return f"REDIS_URL: the Celery broker gave back {popped!r} instead of the message it took"
    return None


def _filesystem_broker_problem() -> str | None:
    folder = Path(settings.CELERY_BROKER_FOLDER)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        Path(settings.CELERY_BROKER_PROCESSED_FOLDER).mkdir(parents=True, exist_ok=True)
        probe = folder / f".health-probe-{secrets.token_hex(8)}"
        probe.write_text("ok")
        probe.unlink()
    except OSError as error:
        return f"REDIS_URL is unset and the embedded broker folder {folder} is not writable ({error})"
    return None


def worker_last_seen() -> datetime | None:
    """When a Celery worker last ran its heartbeat task (beat sends it every minute)."""
    return WorkerHeartbeat.objects.aggregate(last=Max("seen_at"))["last"]


def worker_problem(*, now: datetime | None = None) -> str | None:
    """None when a worker ran its heartbeat within WORKER_STALE_AFTER seconds, else the reason."""
    try:
        last = worker_last_seen()
    except DatabaseError as error:
        return f"the worker's heartbeat cannot be read from the database ({_first_line(error)})"
    start = "start `celery worker` and `celery beat`"
    if last is None:
        return f"no Celery worker has ever run its heartbeat: {start}"
    age = (now or timezone.now()) - last
    if age > timedelta(seconds=settings.WORKER_STALE_AFTER):
        return (
            f"no Celery worker has run its heartbeat for {int(age.total_seconds())} s "
            f"(WORKER_STALE_AFTER is {settings.WORKER_STALE_AFTER} s): {start}"
        )
    return None


def _first_line(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]
