"""Issue 15: every sign-in, failure, lock, sign-out and refused page is a row of the security log,
which the Administrator reads in the admin and no one changes; a refused page logs one line, not a
traceback."""

import logging

import pytest
from django.test import Client

from intlinks.models import SecurityEvent
from intlinks.tests.signing_in import sign_in

pytestmark = pytest.mark.django_db

Kind = SecurityEvent.Kind


def test_a_sign_in_is_logged_with_the_account_address_and_page(client, officer):
    sign_in(client, "officer", address="192.0.2.5")

    event = SecurityEvent.objects.get(kind=Kind.SIGNED_IN)
    assert (event.user, event.username, event.address, event.path) == (
        officer,
        "officer",
        "192.0.2.5",
        "/sign-in/",
    )


def test_a_failed_sign_in_is_logged_with_the_name_tried(client):
    sign_in(client, "nobody", "wrong", address="192.0.2.5")

    event = SecurityEvent.objects.get(kind=Kind.SIGN_IN_FAILED)
    assert (event.user, event.username, event.address) == (None, "nobody", "192.0.2.5")


def test_a_lock_is_logged(client, officer):
    for _ in range(5):
        sign_in(client, "officer", "wrong")

    assert SecurityEvent.objects.filter(kind=Kind.LOCKED_OUT, username="officer").count() == 1
    assert SecurityEvent.objects.filter(kind=Kind.SIGN_IN_FAILED).count() == 5


def test_a_sign_out_is_logged(client, officer):
    sign_in(client, "officer")

    client.post("/sign-out/")

    assert SecurityEvent.objects.get(kind=Kind.SIGNED_OUT).user == officer


def test_a_refused_page_is_one_row_and_one_log_line_without_a_traceback(client, member, caplog):
    client.force_login(member)

    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get("/partnerships/new/")

    assert response.status_code == 403
    event = SecurityEvent.objects.get(kind=Kind.REFUSED)
    assert (event.user, event.path) == (member, "/partnerships/new/")
    lines = [record for record in caplog.records if record.name == "django.request"]
    assert len(lines) == 1
    assert lines[0].exc_info is None
    assert "Traceback" not in caplog.text


def test_the_administrator_reads_the_log_and_no_one_changes_it(client, administrator, officer):
    sign_in(Client(), "officer")
    client.force_login(administrator)
    event = SecurityEvent.objects.filter(kind=Kind.SIGNED_IN, username="officer").get()

    listing = client.get("/admin/intlinks/securityevent/")
    assert listing.status_code == 200
    assert "officer" in listing.content.decode()
    assert client.get("/admin/intlinks/securityevent/add/").status_code == 403
    assert (
        client.post(f"/admin/intlinks/securityevent/{event.pk}/delete/", {"post": "yes"}).status_code == 403
    )
    change = client.post(f"/admin/intlinks/securityevent/{event.pk}/change/", {"username": "someone"})
    assert change.status_code in {302, 403}
    event.refresh_from_db()
    assert event.username == "officer"


def test_other_roles_cannot_read_the_log(client, officer):
    client.force_login(officer)

    assert client.get("/admin/intlinks/securityevent/").status_code == 302
