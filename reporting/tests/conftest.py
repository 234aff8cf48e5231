"""Fixtures the reporting tests share: a signed-in working-party member, a storage folder of the
test's own, and a real Celery worker writing to both the test database and that folder."""

import pytest

from intlinks.tests.worker import celery_worker


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def celery_worker_process(media):
    with celery_worker(hostname="report-worker", MEDIA_ROOT=str(media)) as worker:
        yield worker
