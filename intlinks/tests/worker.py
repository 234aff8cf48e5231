"""A real Celery worker process for end-to-end tests: it takes tasks from the test's Redis and writes
to the test's database (and, when given, to its storage folder)."""

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import connection


@contextmanager
def celery_worker(*, hostname: str, **env: str) -> Iterator[subprocess.Popen]:
    """Start `celery worker` on the test database, yield the process, stop it (SIGTERM, then kill)."""
    database = connection.settings_dict
    url = f"postgres://{database['USER'] or ''}@{database['HOST'] or ''}/{database['NAME']}"
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
            f"--hostname={hostname}@%h",
            "--loglevel=WARNING",
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DATABASE_URL": url, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield worker
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
