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
