"""Issue 15: every sign-in, failure, lock, sign-out and refused page is a row of the security log,
which the Administrator reads in the admin and no one changes; a refused page logs one line, not a
traceback."""

import logging
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from intlinks.models import SecurityEvent
from intlinks.tasks import forget_old_security_events
from intlinks.tests.signing_in import sign_in
from partnerships.models import Place

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


def test_a_form_sent_without_its_security_token_is_refused_with_a_page_saying_so_and_logged(officer):
    """A page left open across a sign-out, or another site posting as the person: nothing is saved."""
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(officer)

    response = browser.post("/partnerships/places/new/", {"name": "Krefeld", "country": "DE"})

    assert response.status_code == 403
    page = response.content.decode()
    assert "Your form was not sent" in page
    assert "Nothing has been saved" in page
    assert not Place.objects.exists()
    event = SecurityEvent.objects.get(kind=Kind.FORM_REFUSED)
    assert (event.user, event.path) == (officer, "/partnerships/places/new/")


def test_the_security_log_is_kept_for_its_days_then_forgotten(settings):
    settings.SECURITY_LOG_DAYS = 365
    now = timezone.now()
    for days in (366, 364, 1):
        SecurityEvent.objects.create(at=now - timedelta(days=days), kind=Kind.SIGNED_IN, username=f"{days}")
    assert forget_old_security_events() == 1
    assert sorted(SecurityEvent.objects.values_list("username", flat=True)) == ["1", "364"]


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


def test_a_sign_in_sent_without_its_security_token_gets_the_same_page_and_log_line():
    """Signed out meanwhile, or cookies refused: nobody is signed in, and nothing breaks."""
    response = Client(enforce_csrf_checks=True).post("/sign-in/", {"username": "officer", "password": "x"})

    assert response.status_code == 403
    assert "Your form was not sent" in response.content.decode()
    event = SecurityEvent.objects.get(kind=Kind.FORM_REFUSED)
    assert (event.user, event.path) == (None, "/sign-in/")
