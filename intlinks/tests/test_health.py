from unittest import mock

import pytest
from django.db import OperationalError

from intlinks.services import worker_heartbeat_record

pytestmark = pytest.mark.django_db


def test_it_answers_200_when_database_and_broker_answer(client):
    worker_heartbeat_record(worker="celery@test")

    response = client.get("/healthz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == "ok"
    assert body["broker"] == "ok"
    assert body["worker_last_seen"] is not None


def test_it_names_the_broker_when_redis_does_not_answer(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"

    response = client.get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "failing: broker"
    assert body["broker"].startswith("REDIS_URL: the Celery broker does not answer")
    assert body["database"] == "ok"


def test_it_names_the_database_when_it_does_not_answer(client):
    with mock.patch("intlinks.health.connection.cursor", side_effect=OperationalError("connection refused")):
        response = client.get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "failing: database"
    assert body["database"] == "DATABASE_URL: the database does not answer (connection refused)"


def test_it_needs_no_sign_in_and_is_never_cached(client):
    response = client.get("/healthz")

    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
