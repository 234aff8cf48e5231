"""A real Celery worker process takes a task from Redis and its result lands in PostgreSQL."""

import time

import pytest
from django.conf import settings
from django.db import connection

from intlinks.models import WorkerHeartbeat
from intlinks.tasks import record_worker_heartbeat
from intlinks.tests.worker import celery_worker


@pytest.fixture
def celery_worker_process():
    with celery_worker(hostname="test-worker") as worker:
        yield worker


@pytest.mark.django_db(transaction=True)
def test_worker_takes_task_from_redis_and_writes_to_postgresql(celery_worker_process):
    assert settings.CELERY_BROKER_URL.startswith("redis://"), "make test runs Celery through Redis"
    assert connection.vendor == "postgresql"

    record_worker_heartbeat.delay()

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not WorkerHeartbeat.objects.exists():
        assert celery_worker_process.poll() is None, celery_worker_process.stdout.read()
        time.sleep(0.2)
    heartbeat = WorkerHeartbeat.objects.get()
    assert heartbeat.worker.startswith("test-worker@")


def test_every_task_is_stopped_before_redis_would_hand_it_to_another_worker():
    """acks_late keeps a task in Redis until it ends; the visibility timeout hands it on if its worker
    died. A task still running at that moment would run twice, so every time limit must be shorter."""
    from intlinks.celery import app

    app.loader.import_default_modules()
    ours = {name: task for name, task in app.tasks.items() if not name.startswith("celery.")}
    limits = {name: task.time_limit or app.conf.task_time_limit for name, task in ours.items()}

    assert "reporting.tasks.render_report_version" in limits
    assert app.conf.task_acks_late
    assert max(limits.values()) < settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
