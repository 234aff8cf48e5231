"""A database that refuses to write gives the person a page that says so, never a traceback, and leaves
nothing half saved (PostgreSQL; the embedded SQLite file is tested in test_embedded_database.py)."""

import logging
import re

import pytest
from django.db import connection

from conftest import PASSWORD
from intlinks.models import FormToken
from intlinks.unavailable import SAVE_REFUSED, UNAVAILABLE
from strategy.models import CorporateTheme

pytestmark = pytest.mark.faults

THEME = {"name": "A Beautiful Place", "description": "", "position": "3", "is_active": "on", "source": ""}


@pytest.fixture
def disk_full_on_history():
    """The history table refuses rows as a full disk does, after the theme's own row was written."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            CREATE FUNCTION refuse_history_row() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full';
            END $$;
            CREATE TRIGGER refuse_history_row BEFORE INSERT ON strategy_historicalcorporatetheme
                FOR EACH ROW EXECUTE FUNCTION refuse_history_row();
            """
        )


@pytest.mark.django_db(transaction=True)
def test_signing_in_to_a_read_only_database_says_the_service_is_unavailable(
    client, officer, read_only_database
):
    response = client.post("/sign-in/", {"username": "officer", "password": PASSWORD})

    page = response.content.decode()
    assert response.status_code == 503
    assert "Sorry, the service is unavailable" in page
    assert "Traceback" not in page
    assert "read-only transaction" not in page
    assert response["Retry-After"]


@pytest.mark.django_db(transaction=True)
def test_a_refused_sign_in_logs_one_line_not_a_traceback(client, officer, read_only_database, caplog):
    with caplog.at_level(logging.WARNING):
        client.post("/sign-in/", {"username": "officer", "password": PASSWORD})

    refusals = [record for record in caplog.records if record.name == "intlinks.unavailable"]
    assert len(refusals) == 1
    assert refusals[0].exc_info is None
    assert "POST /sign-in/" in refusals[0].getMessage()


@pytest.mark.django_db
def test_a_form_whose_save_is_refused_comes_back_with_a_message_and_nothing_saved(
    officer_client, disk_full_on_history
):
    form_page = officer_client.get("/strategy/themes/new/").content.decode()
    token = re.search(r'name="form_token" value="([^"]+)"', form_page).group(1)

    response = officer_client.post("/strategy/themes/new/", {**THEME, "form_token": token})

    page = response.content.decode()
    assert response.status_code == 200
    assert SAVE_REFUSED[UNAVAILABLE] in page
    assert 'value="A Beautiful Place"' in page  # what the person typed is still there
    assert not CorporateTheme.objects.exists()
    assert not CorporateTheme.history.exists()
    assert not FormToken.objects.filter(key=token).exists()  # so saving again is possible


@pytest.mark.django_db
def test_the_same_form_saves_once_the_database_takes_writes_again(officer_client, disk_full_on_history):
    form_page = officer_client.get("/strategy/themes/new/").content.decode()
    token = re.search(r'name="form_token" value="([^"]+)"', form_page).group(1)
    officer_client.post("/strategy/themes/new/", {**THEME, "form_token": token})
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER refuse_history_row ON strategy_historicalcorporatetheme")

    response = officer_client.post("/strategy/themes/new/", {**THEME, "form_token": token}, follow=True)

    assert "Corporate theme added" in response.content.decode()
    assert CorporateTheme.objects.get().history.count() == 1
