"""A real Celery worker process takes a task from Redis and its result lands in PostgreSQL."""

import os
import signal
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.db import connection

from intlinks.models import WorkerHeartbeat
from intlinks.tasks import record_worker_heartbeat


@pytest.fixture
def celery_worker_process():
    # The worker must write to the test database that this test reads.
    database = connection.settings_dict
    url = f"postgres://{database['USER'] or ''}@{database['HOST'] or ''}/{database['NAME']}"
    env = {**os.environ, "DATABASE_URL": url}
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "intlinks",
            "worker",
            "--pool=solo",
            "--concurrency=1",
            "--hostname=test-worker@%h",
            "--loglevel=WARNING",
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    yield worker
    worker.send_signal(signal.SIGTERM)
    try:
        worker.wait(timeout=20)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()


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
