"""Faults a Cabinet report survives, with real processes: a Redis of the test's own stopped while a
version is requested, and a Celery worker killed (SIGKILL) in the middle of rendering one.

Nothing here is timed: each test waits for a state (with a generous deadline) and asserts what it saw.
"""

import hashlib
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

import psycopg2
import pytest
import redis
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from intlinks.celery import app
from intlinks.tests.worker import celery_worker
from reporting.models import ReportVersion
from reporting.services import versions
from reporting.tests.factories import CabinetReportFactory

pytestmark = [pytest.mark.faults, pytest.mark.django_db(transaction=True)]

Status = ReportVersion.Status
# In the test, a worker's dead task is handed on after 10 s rather than the hour production waits; the
# worker's own time limit stays below it, as the settings require.
VISIBILITY_TIMEOUT, TIME_LIMIT = 10, 8


def wait_for(condition: Callable[[], bool], *, seconds: float = 90, worker=None) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "gave up waiting"
        if worker is not None:
            assert worker.poll() is None, worker.stdout.read()
        time.sleep(0.05)


class OwnRedis:
    """A redis-server of the test's own on a spare port (never the shared one), stopped by its PID.
    It keeps an append-only file, as the production broker should, so a restart loses no message."""

    def __init__(self, folder: Path):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.folder, self.process = folder, None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--save",
                "",
                "--appendonly",
                "yes",
                "--appendfsync",
                "always",
                "--dir",
                str(self.folder),
            ],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url)
        wait_for(lambda: _answers(client), seconds=20)

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=20)

    def forget_its_data(self) -> None:
        """As a Redis kept without an append-only file (or with its file lost) comes back: empty."""
        for path in self.folder.iterdir():
            if path.name.startswith("appendonly") or path.suffix == ".rdb":
                shutil.rmtree(path) if path.is_dir() else path.unlink()


def _answers(client) -> bool:
    try:
        return client.ping()
    except redis.ConnectionError:
        return False


@contextmanager
def celery_broker(url: str):
    """This process's Celery app (the web side that queues) and the health check sent to `url`."""
    saved = app.conf.broker_url
    app.conf.broker_url = url
    app._pool, app.amqp._producer_pool = None, None
    try:
        yield
    finally:
        app.conf.broker_url = saved
        app._pool, app.amqp._producer_pool = None, None


@pytest.fixture
def own_redis(tmp_path, settings):
    server = OwnRedis(tmp_path)
    server.start()
    # The app's own broker is read (and kept, to restore) before the settings point at this Redis: the
    # app reads its configuration from the settings lazily, so the other order would "restore" this one.
    with celery_broker(server.url):
        settings.REDIS_URL = settings.CELERY_BROKER_URL = server.url
        yield server
    if server.process.poll() is None:
        server.stop()


def stored_pdfs(media: Path) -> list[Path]:
    return sorted(media.rglob("*.pdf"))


def assert_made_once_by_a_worker(version: ReportVersion, media: Path, own_redis: OwnRedis) -> None:
    """A real worker takes the version from the test's Redis and makes it: one version, one file."""
    with celery_worker(hostname="fault-worker", MEDIA_ROOT=str(media), REDIS_URL=own_redis.url) as worker:
        wait_for(lambda: _status(version) in (Status.DONE, Status.FAILED), worker=worker)
    version.refresh_from_db()
    assert version.status == Status.DONE, version.failure_reason
    assert version.report.versions.count() == 1
    assert stored_pdfs(media) == [media / version.pdf.name]


def test_with_redis_stopped_the_request_is_kept_and_made_once_redis_is_back(client, clerk, media, own_redis):
    report = CabinetReportFactory()
    client.force_login(clerk)
    own_redis.stop()

    response = client.post(reverse("reporting:report_generate", args=[report.pk]), follow=True)

    assert versions.QUEUE_DOWN_MESSAGE in response.content.decode()
    version = report.versions.get()
    assert version.status == Status.WAITING
    assert client.get("/healthz").json()["broker"] == "failing"

    own_redis.start()
    assert versions.report_requeue_waiting() == 1  # what beat does every minute
    assert_made_once_by_a_worker(version, media, own_redis)


def test_a_redis_restarted_without_its_data_loses_the_message_and_beat_sends_it_again(
    clerk, media, own_redis, django_capture_on_commit_callbacks
):
    report = CabinetReportFactory()
    with django_capture_on_commit_callbacks(execute=True):
        version = versions.report_request_generation(report=report, by=clerk)
    assert redis.Redis.from_url(own_redis.url).llen("celery") == 1
    own_redis.stop()
    own_redis.forget_its_data()
    own_redis.start()
    assert redis.Redis.from_url(own_redis.url).llen("celery") == 0  # the message is gone

    assert versions.report_requeue_waiting() == 0  # sent a moment ago: it may be on its way
    ReportVersion.objects.filter(pk=version.pk).update(sent_at=timezone.now() - versions.LOST_AFTER)
    assert versions.report_requeue_waiting() == 1  # what beat does every minute
    assert_made_once_by_a_worker(version, media, own_redis)


@contextmanager
def row_locked(version: ReportVersion):
    """Another session holds the version's row (FOR UPDATE): the worker's rendering, once its PDF is
    stored, waits there to record it; so the worker can be killed at that point every time."""
    database = connection.settings_dict
    other = psycopg2.connect(
        dbname=database["NAME"], user=database["USER"] or None, host=database["HOST"] or None
    )
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT id FROM reporting_reportversion WHERE id = %s FOR UPDATE", [version.pk])
        yield
    finally:
        other.rollback()
        other.close()


def _status(version: ReportVersion) -> str:
    version.refresh_from_db(fields=["status"])
    return version.status


def test_a_worker_killed_while_rendering_leaves_the_task_to_the_next_worker_which_makes_one_version(
    clerk, media, own_redis
):
    report = CabinetReportFactory()
    worker_env = {
        "MEDIA_ROOT": str(media),
        "REDIS_URL": own_redis.url,
        "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
        "CELERY_TASK_TIME_LIMIT": str(TIME_LIMIT),
    }
    with celery_worker(hostname="doomed-worker", **worker_env) as doomed:
        version = versions.report_request_generation(report=report, by=clerk)
        wait_for(lambda: _status(version) != Status.QUEUED, worker=doomed)
        with row_locked(version):
            assert _status(version) == Status.RENDERING
            wait_for(lambda: bool(stored_pdfs(media)), worker=doomed)  # the PDF is stored, not recorded
            doomed.send_signal(signal.SIGKILL)
            doomed.wait(timeout=20)
    assert _status(version) == Status.RENDERING  # the task was never acknowledged: Redis still holds it

    # Redis hands an unacknowledged task on once the visibility timeout has passed since its delivery.
    unacked = redis.Redis.from_url(own_redis.url).zrange("unacked_index", 0, -1, withscores=True)
    assert len(unacked) == 1
    time.sleep(max(0.0, unacked[0][1] + VISIBILITY_TIMEOUT + 1 - time.time()))
    with celery_worker(hostname="next-worker", **worker_env) as worker:
        wait_for(lambda: _status(version) in (Status.DONE, Status.FAILED), worker=worker)

    version.refresh_from_db()
    assert version.status == Status.DONE, version.failure_reason
    assert report.versions.count() == 1
    data = (media / version.pdf.name).read_bytes()
    assert version.checksum == hashlib.sha256(data).hexdigest()
    assert redis.Redis.from_url(own_redis.url).zcard("unacked_index") == 0  # acknowledged once, at the end

    # The killed worker's PDF, stored but never recorded, goes with the nightly sweep; the version's stays.
    assert len(stored_pdfs(media)) == 2
    assert len(versions.report_files_sweep(now=timezone.now() + versions.ORPHAN_AFTER)) == 1
    assert stored_pdfs(media) == [media / version.pdf.name]
