"""/healthz and `check_services` tell the truth: a database that refuses writes, a broker that takes no
message and a worker that stopped beating each fail by name; anybody sees only the part names."""

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from intlinks.models import WorkerHeartbeat
from intlinks.services import worker_heartbeat_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker_beating():
    return worker_heartbeat_record(worker="celery@test")


@pytest.fixture
def administrator_client(client, administrator):
    client.force_login(administrator)
    return client


def test_it_answers_200_when_database_broker_and_worker_work(client, worker_beating):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "ok", "worker": "ok", "status": "ok"}


def test_the_database_write_leaves_no_row(client, worker_beating):
    client.get("/healthz")

    assert list(WorkerHeartbeat.objects.values_list("worker", flat=True)) == ["celery@test"]


@pytest.mark.django_db(transaction=True)
def test_a_read_only_database_fails_the_check_though_it_still_answers_reads(client, read_only_database):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")  # reads still work: the old check, this query, said "ok" here

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["database"] == "failing"
    assert response.json()["status"].startswith("failing: database")


def test_a_stale_worker_heartbeat_fails_the_check(client, settings):
    settings.WORKER_STALE_AFTER = 150
    WorkerHeartbeat.objects.create(worker="celery@test", seen_at=timezone.now() - timedelta(minutes=3))

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {
        "database": "ok",
        "broker": "ok",
        "worker": "failing",
        "status": "failing: worker",
    }


def test_a_heartbeat_within_the_stale_after_setting_passes(client, settings):
    settings.WORKER_STALE_AFTER = 300
    WorkerHeartbeat.objects.create(worker="celery@test", seen_at=timezone.now() - timedelta(minutes=3))

    assert client.get("/healthz").status_code == 200


def test_no_worker_ever_seen_fails_the_check(client):
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["worker"] == "failing"


def test_a_broker_that_does_not_answer_is_named(client, settings, worker_beating):
    settings.CELERY_BROKER_URL = settings.REDIS_URL = "redis://127.0.0.1:1/0"

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["broker"] == "failing"
    assert response.json()["status"] == "failing: broker"


@pytest.fixture
def unwritable_broker_folder(settings, tmp_path):
    """The embedded broker (no REDIS_URL) with a folder that cannot be made: even root cannot write it."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the broker's folder should be")
    settings.REDIS_URL = ""
    settings.CELERY_BROKER_FOLDER = blocker / "broker"
    settings.CELERY_BROKER_PROCESSED_FOLDER = blocker / "processed"
    return blocker


def test_an_unwritable_broker_folder_shows_anybody_no_path(client, unwritable_broker_folder, worker_beating):
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {
        "database": "ok",
        "broker": "failing",
        "worker": "ok",
        "status": "failing: broker",
    }
    assert str(unwritable_broker_folder) not in response.content.decode()
    assert "/" not in response.content.decode()


def test_an_officer_sees_no_reason_either(client, officer, unwritable_broker_folder, worker_beating):
    client.force_login(officer)

    response = client.get("/healthz")

    assert "reasons" not in response.json()
    assert str(unwritable_broker_folder) not in response.content.decode()


def test_an_administrator_sees_the_reason_and_the_last_heartbeat(
    administrator_client, unwritable_broker_folder, worker_beating
):
    response = administrator_client.get("/healthz")

    body = response.json()
    assert body["reasons"]["broker"].startswith("REDIS_URL is unset and the embedded broker folder")
    assert str(unwritable_broker_folder) in body["reasons"]["broker"]
    assert body["worker_last_seen"] == worker_beating.seen_at.isoformat()


def test_the_command_names_every_failing_part_with_its_reason(settings):
    settings.WORKER_STALE_AFTER = 150
    WorkerHeartbeat.objects.create(worker="celery@test", seen_at=timezone.now() - timedelta(minutes=3))

    with pytest.raises(CommandError, match=r"no Celery worker has run its heartbeat for 1[89]\d s"):
        call_command("check_services")


def test_the_command_at_start_up_skips_the_worker(capsys):
    call_command("check_services", "--start-up")

    assert capsys.readouterr().out.strip() == "database, broker: ok"


def test_it_needs_no_sign_in_and_is_never_cached(client):
    response = client.get("/healthz")

    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
